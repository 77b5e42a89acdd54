# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Routing forms, authentication and user isolation (PROTOCOL.md §1)."""
import json
import socket
import urllib.parse

import pytest

from conftest import USERS, basic_auth, csv_bytes, multipart

ALICE = USERS["alice"]
BOB = USERS["bob"]


def empty_401(r):
    return r.status == 401 and r.body == b""


@pytest.fixture
def alice_job(server):
    return server.import_file("mine.csv", csv_bytes(2), params={"create_vis": "true"})


# ---- key placements ----
def test_key_in_query_string(server, alice_job):
    assert server.get("api/v1/imports/" + alice_job["id"]).status == 200


def test_key_in_form_body(server, file_server):
    url = file_server.add("/form.csv", csv_bytes(2))
    body = urllib.parse.urlencode({"api_key": ALICE, "url": url}).encode()
    r = server.request("POST", "api/v1/imports", key=False, body=body,
                       content_type="application/x-www-form-urlencoded")
    assert r.status == 200, r
    assert server.wait(r.json()["item_queue_id"])["state"] == "complete"


def test_key_in_json_body(server):
    r = server.request("POST", "api/v1/imports", key=False, json_body={"api_key": ALICE})
    assert r.status == 200


def test_basic_auth(server, alice_job):
    r = server.get("api/v1/imports/" + alice_job["id"], key=False,
                   headers={"Authorization": basic_auth("alice", ALICE)})
    assert r.status == 200
    ct, body = multipart(files=[("file", "basic.csv", csv_bytes(1))])
    r = server.request("POST", "api/v1/imports", key=False, body=body, content_type=ct,
                       headers={"Authorization": basic_auth("alice", ALICE)})
    assert r.status == 200


def test_query_key_wins_over_body(server):
    r = server.request("POST", "api/v1/imports", key="wrong", json_body={"api_key": ALICE})
    assert empty_401(r)
    ct, body = multipart(fields=[("api_key", ALICE)], files=[("file", "q.csv", csv_bytes(1))])
    r = server.request("POST", "api/v1/imports", key="wrong", body=body, content_type=ct)
    assert empty_401(r)


def test_basic_header_wins_over_param(server, alice_job):
    path = "api/v1/imports/" + alice_job["id"]
    assert empty_401(server.get(path, headers={"Authorization": basic_auth("alice", "bad")}))
    # the Basic user must be the URL user
    assert empty_401(server.get(path, key=False, headers={"Authorization": basic_auth("bob", BOB)}))
    assert empty_401(server.get(path, key=False, headers={"Authorization": "Basic !!!"}))
    assert empty_401(server.get(path, key=False, headers={"Authorization": "Bearer " + ALICE}))


@pytest.mark.parametrize("key", [False, "", "wrong", BOB, ALICE.upper()])
def test_bad_keys_get_empty_401(server, alice_job, key):
    assert empty_401(server.get("api/v1/imports/" + alice_job["id"], key=key))
    assert empty_401(server.get("api/v1/imports", key=key))
    assert empty_401(server.upload("x.csv", csv_bytes(1), key=key))
    assert empty_401(server.get("api/v1/tables/" + alice_job["table_id"], key=key))
    assert empty_401(server.request("DELETE", "api/v1/viz/" + alice_job["visualization_id"], key=key))
    assert empty_401(server.request("PUT", "api/v1/viz/" + alice_job["visualization_id"], key=key,
                                    json_body={"id": alice_job["visualization_id"]}))


def test_unknown_user_is_401(server):
    assert empty_401(server.get("api/v1/imports", user="mallory", key=ALICE))
    assert empty_401(server.upload("x.csv", csv_bytes(1), user="mallory", key=ALICE))


# ---- isolation ----
def test_other_users_data_is_invisible(server, alice_job):
    assert (lambda r: (r.status, r.body))(server.get("api/v1/imports/" + alice_job["id"], user="bob")) == (404, b"")
    r = server.get("api/v1/tables/" + alice_job["table_id"], user="bob")
    assert (r.status, r.body) == (404, b"")
    r = server.get("api/v1/tables/mine", user="bob")
    assert (r.status, r.body) == (404, b"")
    for viz in (alice_job["visualization_id"], "mine"):
        r = server.get("api/v1/viz/" + viz, user="bob")
        assert r.status == 404 and "errors" in r.json()
        r = server.request("DELETE", "api/v1/viz/" + viz, user="bob")
        assert r.status == 404
    for t in ("table", "derived"):
        listed = server.get("api/v1/viz", user="bob", params={"type": t}).json()
        assert listed["visualizations"] == [] and listed["total_entries"] == 0
    assert server.get("api/v1/viz/" + alice_job["visualization_id"]).status == 200


def test_anonymous_viz_access(server):
    pub = server.import_file("pub.csv", csv_bytes(1), params={"privacy": "public"})
    priv = server.import_file("priv.csv", csv_bytes(1))
    pub_viz = server.get("api/v1/tables/" + pub["table_id"]).json()["table_visualization"]["id"]
    priv_viz = server.get("api/v1/tables/" + priv["table_id"]).json()["table_visualization"]["id"]
    for key in (False, "wrong", BOB):  # optional auth: a bad key means anonymous
        listed = server.get("api/v1/viz", key=key, params={"type": "table"}).json()
        assert [v["name"] for v in listed["visualizations"]] == ["pub"]
        assert "total_user_entries" not in listed
        r = server.get("api/v1/viz/" + pub_viz, key=key)
        assert r.status == 200
        assert "map_id" not in r.json() and r.json()["privacy"] == "PUBLIC"
        r = server.get("api/v1/viz/" + priv_viz, key=key)
        assert r.status == 403
        assert r.json() == {"errors": "Visualization not viewable", "errors_cause": None}
    r = server.get("api/v1/viz", user="nobody", key=False)
    assert r.status == 400 and r.json() == {"error": "Wrong 'username' parameter value."}


# ---- routing ----
def test_routing_forms(server, alice_job):
    jid = alice_job["id"]
    q = "?api_key=" + ALICE
    for path in ("/user/alice/api/v1/imports/%s" % jid, "/u/alice/api/v1/imports/%s" % jid,
                 "/user/alice/api/v1/imports/%s/" % jid, "/u/alice/api/v1/imports/"):
        r = server.get("", url=server.url + path + q, key=False)
        assert r.status == 200, path
    # Host subdomain: alice.localhost:PORT
    r = server.get("", url=server.url + "/api/v1/imports/" + jid + q, key=False,
                   headers={"Host": "alice.localhost:%d" % server.port})
    assert r.status == 200 and r.json()["id"] == jid
    # the path user wins over the host
    r = server.get("", url=server.url + "/user/alice/api/v1/imports/" + jid + q, key=False,
                   headers={"Host": "bob.localhost:%d" % server.port})
    assert r.status == 200
    # no user at all
    r = server.get("", url=server.url + "/api/v1/imports/" + jid + q, key=False)
    assert empty_401(r)
    r = server.get("", url=server.url + "/api/v1/viz?type=table" + q.replace("?", "&"), key=False,
                   headers={"Host": "alice.localhost"})
    assert r.status == 200 and r.json()["total_entries"] == 1


def test_client_param_is_ignored(server, alice_job):
    r = server.get("api/v1/imports/" + alice_job["id"], params={"client": "cps-1.11.3"})
    assert r.status == 200


def test_malformed_requests_get_4xx(server):
    def raw(data):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(data)
        try:
            out = s.recv(4096)  # the status line is enough
        except (socket.timeout, ConnectionResetError):
            out = b""
        s.close()
        return out
    assert raw(b"GARBAGE\r\n\r\n").startswith(b"HTTP/1.1 4")
    assert raw(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")[:10] in (b"HTTP/1.1 4", b"")
    long_uri = b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    assert raw(long_uri).startswith(b"HTTP/1.1 4")
    bad_multipart = (b"POST /user/alice/api/v1/imports?api_key=" + ALICE.encode() + b" HTTP/1.1\r\n"
                     b"Host: x\r\nContent-Type: multipart/form-data; boundary=zzz\r\n"
                     b"Content-Length: 20\r\nConnection: close\r\n\r\n--zzz\r\nbroken!!!!!!!")
    assert raw(bad_multipart).startswith(b"HTTP/1.1 4")
    r = server.request("POST", "api/v1/imports", body=b"{not json", content_type="application/json")
    assert r.status == 200  # Rails ignores an unparsable body here: an empty (phantom) import
    vid = server.import_file("m.csv", csv_bytes(1))["table_id"]
    viz = server.get("api/v1/tables/" + vid).json()["table_visualization"]["id"]
    r = server.request("PUT", "api/v1/viz/" + viz, body=b"{nope", content_type="application/json")
    assert r.status == 400
    for path in ("api/v1/imports/%00", "api/v1/viz/%ff%fe", "api/v1/tables/..%2F..%2Fetc"):
        assert 400 <= server.get(path).status < 500
    # and it is still alive
    assert server.get("api/v1/imports").status == 200


def test_api_key_never_logged(make_server):
    s = make_server(quiet=False)
    s.upload("log.csv", csv_bytes(1))
    s.get("api/v1/imports", key=False, headers={"Authorization": basic_auth("alice", ALICE)})
    s.get("api/v1/viz", params={"type": "table"})
    s.get("api/v1/imports", key="a-wrong-secret-key")
    s.stop()
    assert "POST /user/alice/api/v1/imports 200" in s.stderr_text
    for secret in (ALICE, "a-wrong-secret-key", basic_auth("alice", ALICE).split()[1]):
        assert secret not in s.stderr_text
