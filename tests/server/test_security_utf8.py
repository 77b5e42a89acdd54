# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Every reply is valid UTF-8 JSON (issue 10, item 9): file names and URLs carrying invalid
UTF-8 bytes, or cut in the middle of a character, come back with U+FFFD in place of the bad
bytes; nothing a strict parser rejects."""
import json
import urllib.parse

from conftest import csv_bytes, multipart

CSV = b"name,lat,lon\na,1,2\n"


def strict_json(r):
    """The reply parsed strictly: UTF-8 decoding errors and invalid JSON raise."""
    return json.loads(r.body.decode("utf-8", errors="strict"))


def form(url_value):
    """A form body whose url field holds these raw bytes."""
    return b"url=" + urllib.parse.quote_from_bytes(url_value).encode()


def test_uploaded_file_name_with_invalid_bytes(server):
    ct, body = multipart(files=[("file", "x", CSV)])
    body = body.replace(b'filename="x"', b'filename="caf\xe9 \xff\xfe.csv"')
    r = server.request("POST", "api/v1/imports", body=body, content_type=ct)
    assert r.status == 200, r
    job_id = strict_json(r)["item_queue_id"]
    server.wait(job_id)
    job = strict_json(server.get("api/v1/imports/" + job_id))
    assert job["display_name"] == "caf\ufffd_\ufffd\ufffd.csv", job
    assert job["state"] == "complete"


def test_file_name_cut_in_the_middle_of_a_character(server):
    # The server keeps the last 200 bytes of a long name: 304 bytes here, so a plain cut would
    # start inside the 35th "€" (3 bytes each).
    name = "€" * 100 + ".csv"
    job = server.import_file(name, CSV)
    shown = strict_json(server.get("api/v1/imports/" + job["id"]))
    assert shown["display_name"] == "€" * 65 + ".csv", shown["display_name"]


def test_url_with_invalid_bytes(make_server, file_server):
    server = make_server()
    url = file_server.add("/caf%E9.csv", csv_bytes(2))
    r = server.request("POST", "api/v1/imports", params={"url": url})
    assert r.status == 200, r
    job_id = strict_json(r)["item_queue_id"]
    server.wait(job_id)
    job = strict_json(server.get("api/v1/imports/" + job_id))
    assert job["display_name"] == "caf\ufffd.csv" and job["original_url"] == url, job
    # Raw bytes in the URL itself (a form field is percent-decoded): stored, and shown replaced.
    raw = b"http://cis-test.invalid/d\xe9j\xe0.csv"
    r = server.request("POST", "api/v1/imports", body=form(raw),
                       content_type="application/x-www-form-urlencoded")
    assert r.status == 200, r
    job = strict_json(server.get("api/v1/imports/" + strict_json(r)["item_queue_id"]))
    assert job["original_url"] == "http://cis-test.invalid/d\ufffdj\ufffd.csv", job


def test_error_messages_echo_invalid_bytes_safely(make_server):
    strict = make_server(allow_private_urls=False)
    raw = b"http://127.0.0.1/\xff\xc3.csv"  # invalid, and a character cut short
    r = strict.request("POST", "api/v1/imports", body=form(raw),
                       content_type="application/x-www-form-urlencoded")
    assert r.status == 400
    assert strict_json(r) == {"errors": {"imports": "Invalid URL, cannot connect dataset: "
                                                    "http://127.0.0.1/\ufffd\ufffd.csv"}}
    r = strict.request("POST", "api/v1/imports", body=b"privacy=p\xe9blic",
                       content_type="application/x-www-form-urlencoded")
    assert r.status == 400 and "p\ufffdblic" in strict_json(r)["errors"]["imports"]


def test_sync_with_invalid_bytes_in_its_url(server):
    body = b'{"url": "http://cis-test.invalid/\xe9t\xe9.csv", "interval": 3600}'
    r = server.request("POST", "api/v1/synchronizations", body=body,
                       content_type="application/json")
    assert r.status == 200, r
    created = strict_json(r)
    assert created["url"] == "http://cis-test.invalid/\ufffdt\ufffd.csv"
    listed = strict_json(server.get("api/v1/synchronizations"))
    assert listed["synchronizations"][0]["url"] == created["url"]
