# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 10): secrets at rest.

The data directory is its user's alone (0700, files 0600); a one-off connector import keeps no
password in the metadata; /_test/requests redacts every form of key. About 3 s.
"""
import base64
import json
import os
import stat

from conftest import USERS, basic_auth, csv_bytes, multipart

PASSWORD = "pw-at-rest-6f1d2c"


def test_the_data_directory_is_private(make_server, tmp_path):
    server = make_server(data_dir=str(tmp_path / "new" / "data"))
    server.import_file("mode.csv", csv_bytes(2))
    server.stop()
    assert stat.S_IMODE(os.stat(server.data_dir).st_mode) == 0o700
    seen = 0
    for root, dirs, files in os.walk(server.data_dir):
        for d in dirs:
            assert stat.S_IMODE(os.stat(os.path.join(root, d)).st_mode) == 0o700, d
        for f in files:
            seen += 1
            assert stat.S_IMODE(os.stat(os.path.join(root, f)).st_mode) == 0o600, f
    assert seen >= 2  # meta.sqlite, tables.gpkg


def test_a_connector_password_is_not_kept_at_rest(server):
    conn = {"provider": "postgres", "table": "t",
            "connection": {"server": "127.0.0.1", "port": 1, "database": "d", "username": "u",
                           "password": PASSWORD}}
    r = server.request("POST", "api/v1/imports", json_body={"connector": conn})
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "failure" and job["error_code"] == 1500, job
    server.stop()
    for root, _, files in os.walk(server.data_dir):
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                assert PASSWORD.encode() not in fh.read(), f


def test_the_request_log_redacts_every_form_of_key(server):
    key = USERS["alice"]
    server.hooks("DELETE", "/_test/requests")
    server.get("api/v1/imports")                                        # ?api_key=
    server.get("api/v1/imports", key=False, headers={"X-Api-Key": key})
    server.get("api/v1/imports", key=False, headers={"Authorization": basic_auth("alice", key)})
    server.request("POST", "api/v1/imports", key=False, json_body={"api_key": key})
    server.request("POST", "api/v1/imports", key=False, body=("api_key=" + key).encode(),
                   content_type="application/x-www-form-urlencoded")
    ct, body = multipart(fields=[("api_key", key)], files=[("file", "k.csv", csv_bytes(1))])
    server.request("POST", "api/v1/imports", key=False, body=body, content_type=ct)
    server.get("api/v1/imports", params={"API_KEY": key, "url": "http://alice:%s@example.com/x" % key})
    server.request("POST", "api/v1/imports", params={"connector": json.dumps(
        {"provider": "postgres", "connection": {"password": key}})})
    log = server.hooks("GET", "/_test/requests")
    assert log.status == 200
    text = log.body.decode()
    assert len(json.loads(text)["requests"]) == 8
    for form in (key, base64.b64encode(("alice:" + key).encode()).decode(),
                 key.replace("-", "%2D"), key.replace("-", "%2d")):
        assert form not in text
