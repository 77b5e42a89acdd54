# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Every import error code the emulator can produce (PROTOCOL.md §2.5)."""
import io
import zipfile

import pytest

from conftest import csv_bytes

TITLES = {
    1001: "Download error", 1002: "Unsupported/Unrecognized file type", 1003: "Decompression error",
    1005: "Empty file", 1006: "Invalid SHP file", 1020: "Download timeout",
    1100: "Download file not found", 1101: "Forbidden file URL", 1102: "Unknown server URL",
    2003: "Malformed CSV", 2005: "Duplicated column", 6666: "Dataset too big",
    6668: "Too many table rows", 8001: "Over account storage limit, please upgrade",
    8002: "You have reached the limit of datasets for your plan. Upgrade your account to get "
          "unlimited datasets",
}


def assert_failed(job, code):
    assert job["state"] == "failure", job
    assert job["success"] is False
    assert job["error_code"] == code, job
    assert job["tables_created_count"] is None
    err = job["get_error_text"]
    assert err["title"] == TITLES[code]
    assert err["source"] in ("user", "cartodb", "external") and err["what_about"]
    assert "any_table_raster" not in job and "derived_visualization_id" not in job


def zip_of(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name,data,code", [
    ("data.xyz", b"whatever\n1,2\n", 1002),
    ("broken.zip", zip_of({"inner.csv": csv_bytes(2000)})[:300], 1003),
    ("empty.csv", b"", 1005),
    ("lonely.zip", zip_of({"lonely.shp": b"\x00\x00\x27\x0a" + b"\x00" * 96}), 1006),
    ("dups.csv", b"a,a,b\n1,2,3\n4,5,6\n", 2005),
])
def test_file_errors(server, name, data, code):
    assert_failed(server.import_file(name, data), code)


@pytest.mark.parametrize("data", [
    b'name,value\n"unterminated,1\nnext,2\n',      # a quote that never closes
    b"name,value\nok,1\ntoo,many,fields,here\n",   # a row wider than the header
])
def test_malformed_csv_2003(server, data):
    assert_failed(server.import_file("bad.csv", data), 2003)


def test_file_too_big_6666(make_server):
    s = make_server("--max-file-size", "200")
    assert_failed(s.import_file("big.csv", csv_bytes(50)), 6666)
    assert s.import_file("small.csv", b"a,b\n1,2\n")["state"] == "complete"


def test_too_many_rows_6668(make_server):
    s = make_server("--max-rows", "5")
    assert_failed(s.import_file("rows.csv", csv_bytes(10)), 6668)
    assert s.import_file("five.csv", csv_bytes(5))["state"] == "complete"


def test_storage_quota_8001(make_server):
    s = make_server("--quota-bytes", "1000")
    assert_failed(s.import_file("quota.csv", csv_bytes(200)), 8001)


def test_table_quota_8002(make_server):
    s = make_server("--table-quota", "1")
    assert s.import_file("first.csv", csv_bytes(2))["state"] == "complete"
    assert_failed(s.import_file("second.csv", csv_bytes(2)), 8002)
    # the quota is per user
    assert s.import_file("first.csv", csv_bytes(2), user="bob")["state"] == "complete"


def test_table_quota_holds_for_imports_running_at_once(make_server):
    """Two imports of one user at once, one table left: the quota is checked against the
    tables the store holds when each writes, not when each started (both used to pass)."""
    s = make_server("--table-quota", "1", "--workers", "2", "--step-delay-ms", "400",
                    "--time-scale", "1")
    ids = []
    for name in ("one.csv", "two.csv"):
        r = s.upload(name, csv_bytes(2))
        assert r.status == 200, r
        ids.append(r.json()["item_queue_id"])
    jobs = [s.wait(i, timeout=30) for i in ids]
    assert sorted(j["state"] for j in jobs) == ["complete", "failure"], jobs
    assert_failed(next(j for j in jobs if j["state"] == "failure"), 8002)
    tables = s.get("api/v1/viz", params={"types": "table"}).json()
    assert tables["total_entries"] == 1, tables


@pytest.mark.parametrize("path,status,code", [
    ("/missing.csv", 404, 1100),
    ("/forbidden.csv", 403, 1101),
    ("/unauthorized.csv", 401, 1101),
    ("/broken.csv", 500, 1001),
])
def test_download_errors(server, file_server, path, status, code):
    url = file_server.add(path, b"nope", status=status)
    job = server.import_url(url)
    assert_failed(job, code)
    assert job["data_type"] == "url" and job["original_url"] == url
    assert job["http_response_code"] == str(status)
    assert job["http_response_code_message"]


def test_download_unknown_host_1102(server):
    assert_failed(server.import_url("http://no-such-host.invalid/data.csv"), 1102)


def test_download_timeout_1020(make_server, file_server):
    s = make_server("--time-scale", "0.01")  # the 60 s download timeout becomes ~1 s
    url = file_server.add("/slow.csv", csv_bytes(2), delay=4)
    assert_failed(s.import_url(url, timeout=30), 1020)


def test_download_too_big_6666(make_server, file_server):
    s = make_server("--max-file-size", "300")
    url = file_server.add("/big.csv", csv_bytes(100))
    assert_failed(s.import_url(url), 6666)


def test_download_ok(server, file_server):
    url = file_server.add("/remote%20file.csv", csv_bytes(4))
    job = server.import_url(url)
    assert job["state"] == "complete", job
    assert job["display_name"] == "remote file.csv"
    assert "http_response_code" not in job
