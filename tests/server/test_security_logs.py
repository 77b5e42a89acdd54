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
