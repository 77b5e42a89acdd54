# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Restarts: everything persists; interrupted jobs become 6671 (stuck), never hang."""
import signal
import time

from conftest import csv_bytes


def test_restart_keeps_everything(make_server, tmp_path):
    d = str(tmp_path / "data")
    s = make_server(data_dir=d)
    a = s.import_file("persist.csv", csv_bytes(3), params={"create_vis": "true"})
    b = s.import_file("other.csv", csv_bytes(2), user="bob")
    vid = s.get("api/v1/tables/" + a["table_id"]).json()["table_visualization"]["id"]
    r = s.request("PUT", "api/v1/viz/" + vid, json_body={"id": vid, "license": "cc-by", "name": "kept"})
    assert r.status == 200
    before_list = s.get("api/v1/viz", params={"type": "table"}).json()
    assert s.stop() == 0  # SIGTERM: clean exit

    s2 = make_server(data_dir=d)
    again = s2.job(a["id"])
    for k in ("state", "table_id", "user_id", "visualization_id", "tables_created_count"):
        assert again[k] == a[k], k
    assert s2.job(b["id"], user="bob")["state"] == "complete"
    after_list = s2.get("api/v1/viz", params={"type": "table"}).json()
    for body in (before_list, after_list):  # the URLs hold the (new) port
        for v in body["visualizations"]:
            v.pop("url")
    assert after_list == before_list
    t = s2.get("api/v1/tables/kept").json()
    assert t["rows_counted"] == 3 and t["table_visualization"]["license"] == "cc-by"
    assert s2.get("api/v1/viz").json()["total_entries"] == 1  # the derived map
    assert s2.stop(signal.SIGINT) == 0


def test_kill_9_during_import_marks_it_stuck(make_server, tmp_path):
    d = str(tmp_path / "data")
    s = make_server(data_dir=d)
    done = s.import_file("before.csv", csv_bytes(2))
    s.stop()

    slow = make_server("--step-delay-ms", "5000", data_dir=d)
    job_id = slow.upload("interrupted.csv", csv_bytes(5)).json()["item_queue_id"]
    deadline = time.time() + 10
    while slow.job(job_id)["state"] == "pending" and time.time() < deadline:
        time.sleep(0.05)
    assert slow.job(job_id)["state"] not in ("complete", "failure")
    assert job_id in slow.get("api/v1/imports").json()["imports"]
    slow.stop(signal.SIGKILL)

    s3 = make_server(data_dir=d)
    j = s3.job(job_id)
    assert j["state"] == "failure" and j["success"] is False
    assert j["error_code"] == 6671 and j["get_error_text"]["title"] == "Stuck import job"
    assert s3.get("api/v1/imports").json()["imports"] == []
    # nothing else was lost
    assert s3.job(done["id"])["state"] == "complete"
    assert s3.get("api/v1/tables/before").json()["rows_counted"] == 2
    assert s3.get("api/v1/tables/interrupted").status == 404
    assert s3.import_file("interrupted.csv", csv_bytes(1))["state"] == "complete"
