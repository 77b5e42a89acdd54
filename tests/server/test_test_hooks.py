"""--test-hooks: fault injection (/_test/faults) and the request log (/_test/requests)."""
import http.client
import json
import time
import urllib.error

import pytest

from conftest import USERS, Server, basic_auth, csv_bytes


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
