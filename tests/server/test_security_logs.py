# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 8): logs cannot be forged.

Request paths, URLs, file names and error texts reach the log; a %0A in a path or a newline in a
sync URL used to start a new, forged, log line. Every log line is now written escaped. About 3 s.
"""
import re

from conftest import csv_bytes

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ")


def test_client_text_never_starts_a_log_line(make_server, file_server):
    server = make_server(quiet=False)
    forged = "FORGED 2026-01-01T00:00:00.000Z GET /admin 200"
    server.get("api/v1/viz/x%0A" + forged.replace(" ", "%20") + "%0D%0Ay")
    server.get("api/v1/imports/%0A" + forged.replace(" ", "%20"))
    url = file_server.add("/gone.csv", b"", status=404) + "?\n" + forged
    server.request("POST", "api/v1/imports", params={"url": url})
    server.request("POST", "api/v1/synchronizations", json_body={"url": url, "interval": 3600})
    server.import_file("x\n%s.csv" % forged, csv_bytes(1))
    server.import_file("bad.csv", b"\x00\x01garbage\n" + forged.encode())
    server.stop()
    lines = server.stderr_text.splitlines()
    assert lines
    assert [line for line in lines if not STAMP.match(line)] == []
    assert any("\\n" + forged in line for line in lines), lines


def test_url_credentials_never_reach_the_log(make_server, file_server, tmp_path):
    """A source URL's user:password is not written to the log, wherever a message quotes it (a
    sync whose URL the restarted server no longer allows fails with the URL in its detail)."""
    from synclib import SCALE, new_sync, wait_next_run
    data = str(tmp_path / "data")
    url = file_server.add("/cred.csv", csv_bytes(2)).replace("://", "://alice:s3cr3t-pw@")
    first = make_server("--time-scale", str(SCALE), data_dir=data)
    created, _, sync = new_sync(first, url, interval=900)
    assert sync["state"] == "success", sync
    first.stop()
    again = make_server("--time-scale", str(SCALE), "--allow-url-schemes", "https", data_dir=data,
                        quiet=False)
    failed = wait_next_run(again, created["id"], sync["ran_at"])
    assert failed["state"] == "failure", failed
    again.stop()
    assert "cred.csv" in again.stderr_text  # the message that quotes the URL is there...
    assert "s3cr3t-pw" not in again.stderr_text  # ...without its password
