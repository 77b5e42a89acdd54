# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""--test-hooks: fault injection (/_test/faults) and the request log (/_test/requests)."""
import http.client
import json
import socket
import time
import urllib.error

import pytest

from conftest import USERS, Server, basic_auth, csv_bytes, multipart


def add_fault(server, **rule):
    r = server.hooks("POST", "/_test/faults", json_body=rule)
    assert r.status == 200, r
    return r


def test_hooks_are_off_by_default(tmp_path):
    s = Server(str(tmp_path / "d"), ["--step-delay-ms", "0"])
    try:
        r = s.hooks("GET", "/_test/requests")
        assert r.status == 404 and r.json() == {"status": 404, "error": "Not Found"}
        assert s.hooks("POST", "/_test/faults", json_body={"action": "drop"}).status == 404
    finally:
        s.stop()


def test_nth_status_fault_with_retry_after(server):
    add_fault(server, method="GET", path="/api/v1/imports$", nth=2, action="status", status=503,
              retry_after=2)
    codes = [server.get("api/v1/imports") for _ in range(3)]
    assert [r.status for r in codes] == [200, 503, 200]
    assert codes[1].headers["Retry-After"] == "2"
    assert codes[1].json() == {"status": 503, "error": "Internal Server Error"}


def test_count_and_method_filter(server):
    add_fault(server, method="POST", path="imports", count=2, action="status", status=500)
    assert server.get("api/v1/imports").status == 200  # GET does not match
    assert [server.upload("f.csv", csv_bytes(1)).status for _ in range(3)] == [500, 500, 200]
    faults = server.hooks("GET", "/_test/faults").json()["faults"]
    assert faults[0]["fired"] == 2 and faults[0]["seen"] == 3
    assert server.hooks("DELETE", "/_test/faults").status == 204
    assert server.hooks("GET", "/_test/faults").json()["faults"] == []


def test_ratelimit_fault(server):
    add_fault(server, path="/viz", action="ratelimit", retry_after=3, limit=7)
    r = server.get("api/v1/viz")
    assert r.status == 429
    assert r.headers["Retry-After"] == "3"
    assert r.headers["Carto-Rate-Limit-Limit"] == "7"
    assert r.headers["Carto-Rate-Limit-Remaining"] == "0"
    assert r.headers["Carto-Rate-Limit-Reset"] == "3"
    assert "error" in r.json()


def test_drop_fault(server):
    add_fault(server, path="imports", nth=1, action="drop")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError, urllib.error.URLError)):
        server.get("api/v1/imports")
    assert server.get("api/v1/imports").status == 200


@pytest.mark.parametrize("action", ["truncate", "malformed"])
def test_broken_json_faults(server, action):
    add_fault(server, path="imports", nth=1, action=action)
    r = server.upload("t.csv", csv_bytes(1))
    assert r.status == 200
    with pytest.raises(ValueError):
        json.loads(r.body.decode("utf-8", "replace"))
    good = server.upload("t.csv", csv_bytes(1))
    assert good.json()["success"] is True


def test_delay_fault(server):
    add_fault(server, path="imports", count=1, action="delay", delay_ms=400)
    t0 = time.time()
    assert server.get("api/v1/imports").status == 200
    assert time.time() - t0 >= 0.4
    t0 = time.time()
    server.get("api/v1/imports")
    assert time.time() - t0 < 0.4


def test_bad_fault_definitions(server):
    for body in ({"action": "explode"}, {"path": "("}, {"status": 42}):
        r = server.hooks("POST", "/_test/faults", json_body=body)
        assert r.status == 400 and "error" in r.json()
    assert server.hooks("POST", "/_test/faults", body=b"nope").status == 400


def test_request_log_redacts_secrets(server):
    server.hooks("DELETE", "/_test/requests")
    server.upload("logged.csv", csv_bytes(1), params={"client": "cps-9", "privacy": "public"})
    server.get("api/v1/imports", key=False,
               headers={"Authorization": basic_auth("alice", USERS["alice"]), "User-Agent": "ua/1.0"})
    r = server.hooks("GET", "/_test/requests")
    reqs = r.json()["requests"]
    assert [(x["method"], x["path"]) for x in reqs] == [
        ("POST", "/user/alice/api/v1/imports"), ("GET", "/user/alice/api/v1/imports")]
    post, get = reqs
    assert post["params"]["client"] == "cps-9" and post["params"]["api_key"] == "REDACTED"
    assert "api_key=REDACTED" in post["query"] and "privacy=public" in post["query"]
    assert post["headers"]["Content-Type"].startswith("multipart/form-data")
    assert get["headers"]["Authorization"] == "REDACTED"
    assert get["headers"]["User-Agent"] == "ua/1.0"
    assert USERS["alice"] not in r.body.decode()
    assert server.hooks("DELETE", "/_test/requests").status == 204
    assert server.hooks("GET", "/_test/requests").json()["requests"] == []



def read_response(stream):
    """One HTTP/1.1 response (status, headers, body) from a buffered socket reader."""
    status = int(stream.readline().split()[1])
    headers = {}
    while True:
        line = stream.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, stream.read(int(headers.get("content-length", 0)))


@pytest.mark.parametrize("action", ["status", "malformed", "ratelimit", "truncate"])
def test_faulted_upload_leaves_the_connection_clean(server, action):
    # A fault that answers a POST itself must read the upload off the kept-alive connection:
    # left there, it was parsed as a next request, whose 400 answered the client's next request.
    # One socket and one reader (http.client would drop what came with the first response).
    add_fault(server, method="POST", path="imports", nth=1, action=action, status=500)
    ct, body = multipart(files=[("file", "f.csv", csv_bytes(200))])
    target = "/user/alice/api/v1/imports?api_key=" + USERS["alice"]
    host = "Host: 127.0.0.1:%d\r\n" % server.port
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
        stream = conn.makefile("rb")
        conn.sendall(("POST %s HTTP/1.1\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                      % (target, host, ct, len(body))).encode() + body)
        status, headers, _ = read_response(stream)
        assert status == {"ratelimit": 429, "truncate": 200}.get(action, 500)
        assert headers.get("connection") != "close"
        time.sleep(0.2)  # time for the server to take what is left of the upload
        conn.sendall(("GET %s HTTP/1.1\r\n%s\r\n" % (target, host)).encode())
        status, _, reply = read_response(stream)
        assert status == 200, reply
        assert "imports" in json.loads(reply)
