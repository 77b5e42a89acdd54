# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 7): authenticate before storing.

An upload without a key in the query string or headers used to stream its body into DATA/jobs/
before its 401, and a Content-Length that is negative, absurd or over --max-upload-bytes got no
answer at all, or one after the whole body. Now: the 401 comes as soon as the file part begins
(or at once for a raw upload), the 400/413 before any of the body is read, the connection is
closed, and nothing of the refused upload reaches the disk. About 3 s.
"""
import os
import socket
import uuid

import pytest

from conftest import USERS, basic_auth, csv_bytes, multipart

PATH = "/user/alice/api/v1/imports"


def send_head(server, head, body=b""):
    """Sends a request head (and the start of a body, never its end): (status, headers, rest)."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    s.sendall(head.encode() + body)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        head_end = data.index(b"\r\n\r\n")
        status = int(data.split(b" ", 2)[1])
        headers = data[:head_end].decode().lower()
        # The server closes the connection after its answer: EOF, not a wait for more body.
        rest = data[head_end + 4:]
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            rest += chunk
        return status, headers, rest
    finally:
        s.close()


def files_under(path):
    found = []
    for root, _, files in os.walk(path):
        found += [os.path.join(root, f) for f in files]
    return found


def upload_head(content_type, length, query="", extra=""):
    return ("POST %s%s HTTP/1.1\r\nHost: localhost\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n"
            % (PATH, query, content_type, length, extra))


@pytest.mark.parametrize("fields", [[], [("api_key", "wrong-key")], [("privacy", "public")]])
def test_a_file_part_without_a_valid_key_is_refused_at_once(server, fields):
    boundary = "----cis" + uuid.uuid4().hex
    start = b"".join(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                      % (boundary, k, v)).encode() for k, v in fields)
    start += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
              "Content-Type: text/csv\r\n\r\n" % boundary).encode() + csv_bytes(100)
    # 10 MB announced, a few KB sent: the answer comes while the body is still due.
    head = upload_head("multipart/form-data; boundary=" + boundary, 10 << 20)
    status, headers, _ = send_head(server, head, start)
    assert status == 401
    assert "connection: close" in headers
    assert files_under(os.path.join(server.data_dir, "jobs")) == []


def test_a_raw_upload_without_a_key_is_refused_before_its_body(server):
    status, headers, _ = send_head(server, upload_head("text/csv", 10 << 20, "?filename=x.csv"))
    assert status == 401 and "connection: close" in headers
    assert files_under(os.path.join(server.data_dir, "jobs")) == []


def test_a_key_in_a_form_field_before_the_file_still_works(server):
    ct, body = multipart(fields=[("api_key", USERS["alice"])], files=[("file", "ok.csv", csv_bytes(2))])
    r = server.request("POST", "api/v1/imports", key=False, body=body, content_type=ct)
    assert r.status == 200, r
    assert server.wait(r.json()["item_queue_id"])["state"] == "complete"


@pytest.mark.parametrize("length, status", [("-1", 400), ("1e3", 400), ("100000000000000000000", 413),
                                            (str(2 << 20), 413)])
def test_a_bad_content_length_is_answered_without_reading_the_body(make_server, length, status):
    server = make_server("--max-upload-bytes", str(1 << 20))
    auth = "Authorization: %s\r\n" % basic_auth("alice", USERS["alice"])
    head = ("POST %s?filename=x.csv HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
            "Content-Length: %s\r\n%s\r\n" % (PATH, length, auth))
    got, headers, _ = send_head(server, head)
    assert got == status
    assert "connection: close" in headers
    assert files_under(os.path.join(server.data_dir, "jobs")) == []
    assert server.get("api/v1/imports").json()["imports"] == []
