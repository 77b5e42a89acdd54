# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Synchronizations (sync tables, PROTOCOL.md §4) from URLs: the endpoints, the rules of
creation and sync_now, ownership, concurrency (test_sync_runs.py: the scheduler's runs).
The server runs with --time-scale SCALE (900 s = SPAN seconds)."""
import hashlib
import time

import pytest

from conftest import csv_bytes
from synclib import (SCALE, SPAN, new_sync, SYNC_KEYS, create_sync, get_sync, sync_now, table_of, ts,
                     wait_next_run, wait_settled)


@pytest.fixture
def server(make_server):
    return make_server("--time-scale", str(SCALE))


# ---- creation ----
def test_create_response_then_first_import(server, file_server):
    data = csv_bytes(4)
    url = file_server.add("/cities.csv", data)
    before = time.time()
    created = create_sync(server, {"url": url, "interval": 900})
    assert list(created)[0] == "data_import"
    assert created["data_import"]["endpoint"] == "/api/v1/imports"
    job_id = created["data_import"]["item_queue_id"]
    assert list(created)[1:] == SYNC_KEYS
    assert created["state"] == "queued"
    assert created["interval"] == 900 and created["url"] == url
    assert created["name"] is None and created["visualization_id"] is None
    assert created["retried_times"] == 0 and created["checksum"] == ""
    assert created["error_code"] is None and created["error_message"] is None
    assert created["service_name"] is None and created["service_item_id"] is None
    assert created["modified_at"] is None and created["etag"] is None
    assert created["from_external_source"] is False
    assert created["type_guessing"] is True and created["content_guessing"] is False
    assert before - 1 <= ts(created["ran_at"]) <= time.time() + 1
    assert ts(created["run_at"]) - ts(created["ran_at"]) == pytest.approx(900 * SCALE, abs=0.01)

    job = server.wait(job_id)
    assert job["state"] == "complete", job
    assert job["synchronization_id"] == created["id"]
    assert job["data_type"] == "url"
    s = wait_settled(server, created["id"])
    assert s["state"] == "success", s
    assert s["name"] == "cities" == job["table_name"]
    assert s["checksum"] == hashlib.sha256(data).hexdigest()
    assert s["modified_at"] is not None
    assert s["error_code"] is None and s["retried_times"] == 0
    t = table_of(server, "cities")
    assert t["rows_counted"] == 4
    assert s["visualization_id"] == t["table_visualization"]["id"]  # the dataset, not a map
    assert t["synchronization"]["id"] == s["id"]


def test_create_options(server, file_server):
    url = file_server.add("/opts.csv", csv_bytes(2))
    created, job, s = new_sync(server, url, interval="1800", table_name="wanted",
                               type_guessing="false", quoted_fields_guessing=False,
                               content_guessing="true", create_vis=True)
    assert created["name"] == "wanted" and created["interval"] == 1800
    assert created["type_guessing"] is False and created["quoted_fields_guessing"] is False
    assert created["content_guessing"] is True
    assert job["table_name"] == s["name"] == "opts"  # file imports are named after the file
    assert job["create_visualization"] is True and job["visualization_id"]
    assert job["type_guessing"] is False and job["content_guessing"] is True


def test_interval_default_and_minimum(server, file_server):
    url = file_server.add("/i.csv", csv_bytes(1))
    assert create_sync(server, {"url": url})["interval"] == 3600
    for bad in (899, "899", "abc", 0, -900, "", True):
        r = server.request("POST", "api/v1/synchronizations", json_body={"url": url, "interval": bad})
        assert r.status == 400, (bad, r)
        assert r.json() == {"errors": "Invalid interval: Sync interval must be at least 15 minutes"}
    assert create_sync(server, {"url": url, "interval": "900"})["interval"] == 900
    assert create_sync(server, {"url": url, "interval": 900.7})["interval"] == 900


def test_create_errors(server):
    r = server.request("POST", "api/v1/synchronizations", json_body={"url": "not a url", "interval": 900})
    assert r.status == 400 and r.json() == {"errors": "Invalid URL, cannot connect dataset: not a url"}
    r = server.request("POST", "api/v1/synchronizations", json_body={"url": "gopher://x/a.csv"})
    assert r.status == 400 and r.json()["errors"].startswith("Invalid URL")
    for connector in ({"connection": {}}, {"provider": ""}, "nope", 7):
        r = server.request("POST", "api/v1/synchronizations", json_body={"connector": connector})
        assert r.status == 400 and r.json() == {"errors": {"imports": "Provider not defined"}}, r
    # Not JSON: the real controller's JSON.parse raises.
    for body, ct in ((b"", None), (b"url=http://x/a.csv", "application/x-www-form-urlencoded"),
                     (b"[1,2]", "application/json"), (b"{broken", "application/json")):
        r = server.request("POST", "api/v1/synchronizations", body=body, content_type=ct)
        assert r.status == 500, r
    r = server.request("POST", "api/v1/synchronizations", key="wrong", json_body={"interval": 900})
    assert r.status == 401 and r.body == b""
    assert server.get("api/v1/synchronizations").json() == {"synchronizations": [], "total_entries": 0}


def test_api_key_in_json_body(server, file_server):
    url = file_server.add("/k.csv", csv_bytes(1))
    r = server.request("POST", "api/v1/synchronizations", key=False,
                       json_body={"url": url, "interval": 900, "api_key": "alice-master-key"})
    assert r.status == 200, r


def test_failed_first_import(server, file_server):
    created = create_sync(server, {"url": file_server.base + "/missing.csv", "interval": 900})
    job = server.wait(created["data_import"]["item_queue_id"])
    assert job["state"] == "failure" and job["error_code"] == 1100
    s = wait_settled(server, created["id"])
    assert s["state"] == "failure"
    assert s["error_code"] == 1100
    assert s["error_message"] == "%s %s" % (job["get_error_text"]["title"], job["get_error_text"]["what_about"])
    assert s["error_message"].startswith("Download file not found ")
    assert s["retried_times"] == 1 and s["visualization_id"] is None and s["name"] is None


# ---- list, show, update, delete, ownership ----
def test_list_show_update_and_ownership(server, file_server):
    url = file_server.add("/own.csv", csv_bytes(2))
    created, _, s = new_sync(server, url)
    other = create_sync(server, {"url": url, "interval": 900}, user="bob")
    listed = server.get("api/v1/synchronizations").json()
    assert listed["total_entries"] == 1 and [x["id"] for x in listed["synchronizations"]] == [s["id"]]
    assert list(listed["synchronizations"][0]) == SYNC_KEYS
    assert get_sync(server, s["id"]) == listed["synchronizations"][0]
    sid = s["id"]
    for method, path in (("GET", ""), ("PUT", ""), ("DELETE", ""), ("PUT", "/sync_now"), ("GET", "/sync_now")):
        r = server.request(method, "api/v1/synchronizations/" + other["id"] + path, json_body={})
        assert r.status == 401 and r.body == b"", (method, path, r)
        r = server.request(method, "api/v1/synchronizations/" + "0" * 8 + "-0000-4000-8000-" + "0" * 12 + path,
                           json_body={})
        assert r.status == 404 and r.body == b"", (method, path, r)
        r = server.request(method, "api/v1/synchronizations/nope" + path, json_body={})
        assert r.status == 404, (method, path, r)
        r = server.request(method, "api/v1/synchronizations/" + sid + path, key="wrong", json_body={})
        assert r.status == 401, (method, path, r)

    before = time.time()
    r = server.request("PUT", "api/v1/synchronizations/" + sid, json_body={"interval": 60})
    assert r.status == 200, r  # no minimum on update
    u = r.json()
    assert "data_import" not in u and u["interval"] == 60
    assert before + 60 * SCALE - 0.5 <= ts(u["run_at"]) <= time.time() + 60 * SCALE + 0.5
    r = server.request("PUT", "api/v1/synchronizations/" + sid, body=b"", content_type="application/json")
    assert r.status == 500  # the real controller cannot parse an empty body either
    assert server.request("GET", "api/v1/synchronizations/%s/sync_now" % sid).json()["state"] in (
        "success", "queued", "syncing")


def test_delete_keeps_the_table(server, file_server):
    url = file_server.add("/keep.csv", csv_bytes(3))
    _, job, s = new_sync(server, url, interval=900)
    viz_id = s["visualization_id"]
    assert server.get("api/v1/viz/" + viz_id).json()["synchronization"]["id"] == s["id"]
    r = server.request("DELETE", "api/v1/synchronizations/" + s["id"])
    assert r.status == 204 and r.body == b""
    assert server.get("api/v1/synchronizations/" + s["id"]).status == 404
    viz = server.get("api/v1/viz/" + viz_id).json()
    assert viz["synchronization"] is None and viz["table"]["synchronization"] is None
    t = table_of(server, "keep")
    assert t["rows_counted"] == 3 and t["synchronization"] is None
    time.sleep(SPAN + 0.5)  # no run any more: the table is a normal dataset
    assert table_of(server, "keep")["updated_at"] == t["updated_at"]


def test_deleting_the_dataset_deletes_its_sync(server, file_server):
    url = file_server.add("/gone.csv", csv_bytes(1))
    _, _, s = new_sync(server, url)
    assert server.request("DELETE", "api/v1/viz/" + s["visualization_id"]).status == 204
    assert server.get("api/v1/synchronizations/" + s["id"]).status == 404


def test_viz_and_tables_carry_the_sync(server, file_server):
    url = file_server.add("/carry.csv", csv_bytes(2))
    _, job, s = new_sync(server, url)
    viz = server.get("api/v1/viz/" + s["visualization_id"]).json()
    assert viz["synchronization"] == s
    assert viz["table"]["synchronization"] == s
    items = server.get("api/v1/viz", params={"type": "table"}).json()["visualizations"]
    assert [v["synchronization"]["id"] for v in items] == [s["id"]]
    assert server.get("api/v1/viz", params={"type": "table", "show_synchronization": "false"}).json()[
        "visualizations"][0].get("synchronization", "absent") == "absent"
    assert table_of(server, job["table_id"])["synchronization"] == s
    # Public views never show it.
    server.request("PUT", "api/v1/viz/" + viz["id"], json_body={"id": viz["id"], "privacy": "public"})
    anon = server.get("api/v1/viz/" + viz["id"], key=False).json()
    assert "synchronization" not in anon


# ---- sync_now ----
def test_sync_now_too_soon_then_allowed(server, file_server):
    url = file_server.add("/now.csv", csv_bytes(2))
    _, _, s = new_sync(server, url)  # interval 3600: no scheduled run during the test
    assert sync_now(server, s["id"]) is False  # ran_at = creation time, less than 900 s ago
    assert get_sync(server, s["id"])["state"] == "success"
    wait = ts(s["ran_at"]) + SPAN - time.time()
    time.sleep(max(0, wait) + 0.2)
    assert sync_now(server, s["id"]) is True
    after = get_sync(server, s["id"])
    assert after["state"] in ("queued", "syncing", "success")
    assert sync_now(server, s["id"]) is False  # already queued or just ran
    done = wait_next_run(server, s["id"], s["ran_at"])
    assert done["state"] == "success" and ts(done["ran_at"]) > ts(s["ran_at"])
    assert ts(done["run_at"]) == pytest.approx(ts(done["ran_at"]) + 3600 * SCALE, abs=0.01)
    assert sync_now(server, s["id"]) is False  # it just ran
    r = server.get("api/v1/synchronizations/%s/sync_now" % s["id"])
    assert r.json() == {"state": "success"}


def test_sync_now_clears_the_error(server, file_server):
    created = create_sync(server, {"url": file_server.base + "/late.csv", "interval": 3600})
    s = wait_settled(server, created["id"])
    assert s["state"] == "failure" and s["error_code"] == 1100
    file_server.add("/late.csv", csv_bytes(2))
    time.sleep(max(0, ts(s["ran_at"]) + SPAN - time.time()) + 0.2)
    assert sync_now(server, s["id"]) is True
    q = get_sync(server, s["id"])
    assert q["error_code"] is None or q["state"] == "success"
    done = wait_next_run(server, s["id"], s["ran_at"])
    assert done["state"] == "success" and done["name"] == "late" and done["retried_times"] == 0
    assert table_of(server, "late")["rows_counted"] == 2


def test_three_concurrent_syncs_per_user(make_server, file_server):
    # Slow imports (200 ms per state change) keep the three syncs busy long enough.
    server = make_server("--time-scale", str(SCALE), "--step-delay-ms", "100000")
    url = file_server.add("/d.csv", csv_bytes(1))
    _, _, d = new_sync(server, url)
    time.sleep(max(0, ts(d["ran_at"]) + SPAN - time.time()) + 0.2)
    # A download slower than the test needs (but within the scaled 60 s timeout, 1 s).
    slow = [create_sync(server, {"url": file_server.add("/slow%d.csv" % i, csv_bytes(1), delay=0.8),
                                 "interval": 3600}) for i in range(3)]
    assert all(get_sync(server, x["id"])["state"] == "queued" for x in slow)
    assert sync_now(server, d["id"]) is False  # three in flight already
    bob = create_sync(server, {"url": url, "interval": 3600}, user="bob")  # per user
    assert bob["state"] == "queued"
    for x in slow:
        assert wait_settled(server, x["id"])["state"] == "success"
    assert sync_now(server, d["id"]) is True


def test_odd_inputs_do_not_break_the_server(server, file_server):
    url = file_server.add("/odd.csv", csv_bytes(1))
    odd_bodies = [{"url": 7, "interval": 900}, {"url": url, "interval": 1e300},
                  {"url": url, "interval": [900]}, {"url": url, "interval": {"a": 1}},
                  {"connector": [1, 2], "interval": 900}, {"connector": {"provider": 5}},
                  {"url": url, "table_name": {"x": 1}, "type_guessing": [], "create_vis": None},
                  {"url": url, "connector": {"provider": "postgres"}, "interval": "9" * 40}]
    for body in odd_bodies:
        r = server.request("POST", "api/v1/synchronizations", json_body=body)
        assert r.status in (200, 400), (body, r)
    big = create_sync(server, {"url": url, "interval": 10 ** 15})
    assert big["interval"] == 10 ** 15
    for update in ({"interval": "soon"}, {"interval": None}, {"name": 5}, {"url": []},
                   {"type_guessing": {"x": 1}}, {"state": "success", "id": "x", "user_id": "y"}):
        r = server.request("PUT", "api/v1/synchronizations/" + big["id"], json_body=update)
        assert r.status == 200, (update, r)
    s = get_sync(server, big["id"])
    assert s["id"] == big["id"] and s["user_id"] == big["user_id"]  # not writable
    assert server.get("api/v1/synchronizations").status == 200
