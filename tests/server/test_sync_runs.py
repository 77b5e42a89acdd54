# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Sync runs (PROTOCOL.md §4.6): the scheduler's runs of URL syncs with changed, unchanged and
vanished sources, retries, and syncs across restarts. The server runs with --time-scale SCALE
(900 s = SPAN seconds)."""
import hashlib
import signal
import time

import pytest

from conftest import csv_bytes
from synclib import (SCALE, SPAN, new_sync, create_sync, get_sync, sync_now, table_of, ts,
                     wait_next_run, wait_settled, wait_sync)


@pytest.fixture
def server(make_server):
    return make_server("--time-scale", str(SCALE))


# ---- scheduled runs ----
def test_changed_source_rewrites_the_table(server, file_server):
    url = file_server.add("/grow.csv", csv_bytes(3))
    _, job, s = new_sync(server, url, interval=900)
    t0 = table_of(server, "grow")
    assert t0["rows_counted"] == 3
    file_server.add("/grow.csv", csv_bytes(5))
    done = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert done["state"] == "success", done
    assert done["checksum"] == hashlib.sha256(csv_bytes(5)).hexdigest() != s["checksum"]
    assert ts(done["run_at"]) == pytest.approx(ts(done["ran_at"]) + 900 * SCALE, abs=0.01)
    assert done["service_item_id"] == url  # filled after the first scheduled run
    t1 = table_of(server, "grow")
    assert t1["rows_counted"] == 5
    assert t1["id"] == t0["id"] and t1["map_id"] == t0["map_id"]  # the same dataset
    assert ts(t1["updated_at"]) > ts(t0["updated_at"])
    assert done["visualization_id"] == s["visualization_id"] and done["name"] == "grow"
    assert len(server.get("api/v1/viz", params={"type": "table"}).json()["visualizations"]) == 1
    # It keeps its name after the dataset is renamed.
    viz = s["visualization_id"]
    server.request("PUT", "api/v1/viz/" + viz, json_body={"id": viz, "name": "renamed"})
    file_server.add("/grow.csv", csv_bytes(2))
    again = wait_next_run(server, s["id"], done["ran_at"], timeout=SPAN + 10)
    assert again["state"] == "success"
    assert table_of(server, "renamed")["rows_counted"] == 2


def test_unchanged_source_is_not_rewritten(server, file_server):
    # Without validators: the checksum decides.
    url = file_server.add("/same.csv", csv_bytes(3))
    _, _, s = new_sync(server, url, interval=900)
    t0 = table_of(server, "same")
    done = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert done["state"] == "success"
    assert done["checksum"] == s["checksum"] and done["modified_at"] == s["modified_at"]
    assert ts(done["ran_at"]) > ts(s["ran_at"])
    assert table_of(server, "same")["updated_at"] == t0["updated_at"]


def test_etag_gives_a_conditional_request(server, file_server):
    url = file_server.add("/tagged.csv", csv_bytes(3), etag='"v1"')
    _, _, s = new_sync(server, url, interval=900)
    assert s["etag"] == '"v1"'
    t0 = table_of(server, "tagged")
    done = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert done["state"] == "success" and done["etag"] == '"v1"' and done["checksum"] == s["checksum"]
    assert file_server.requests("/tagged.csv")[-1].get("If-None-Match") == '"v1"'
    assert table_of(server, "tagged")["updated_at"] == t0["updated_at"]
    file_server.add("/tagged.csv", csv_bytes(6), etag='"v2"')  # a new version
    again = wait_next_run(server, s["id"], done["ran_at"], timeout=SPAN + 10)
    assert again["etag"] == '"v2"' and table_of(server, "tagged")["rows_counted"] == 6


def test_source_that_disappears(server, file_server):
    url = file_server.add("/vanish.csv", csv_bytes(3))
    _, _, s = new_sync(server, url, interval=900)
    file_server.remove("/vanish.csv")
    first = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert first["state"] == "failure"
    assert first["error_code"] == 1017
    assert first["error_message"].startswith("GDrive file was deleted ")
    assert first["retried_times"] == 1
    assert ts(first["run_at"]) == pytest.approx(ts(first["ran_at"]) + 900 * SCALE, abs=0.01)
    second = wait_next_run(server, s["id"], first["ran_at"], timeout=SPAN + 10)
    assert second["state"] == "failure" and second["retried_times"] == 2
    assert table_of(server, "vanish")["rows_counted"] == 3  # the data stays
    file_server.add("/vanish.csv", csv_bytes(4))  # back: the next run succeeds
    back = wait_next_run(server, s["id"], second["ran_at"], timeout=SPAN + 10)
    assert back["state"] == "success" and back["retried_times"] == 0 and back["error_code"] is None
    assert table_of(server, "vanish")["rows_counted"] == 4


def test_other_download_errors_keep_their_code(server, file_server):
    url = file_server.add("/err.csv", csv_bytes(1))
    _, _, s = new_sync(server, url, interval=900)
    file_server.add("/err.csv", b"", status=403)
    done = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert done["state"] == "failure" and done["error_code"] == 1101


def test_retries_stop_after_ten_failures(server, file_server):
    created = create_sync(server, {"url": file_server.base + "/never.csv", "interval": 900})
    s = wait_settled(server, created["id"])
    assert s["retried_times"] == 1
    server.request("PUT", "api/v1/synchronizations/" + s["id"], json_body={"interval": 1})
    done = wait_sync(server, s["id"], lambda x: x["retried_times"] >= 10, timeout=30, what="10 retries")
    time.sleep(1.0)  # several scheduler ticks: no further run
    assert get_sync(server, s["id"])["retried_times"] == 10 == done["retried_times"]


# ---- persistence ----
def test_syncs_survive_a_restart(server, file_server):
    url = file_server.add("/persist.csv", csv_bytes(2))
    _, _, s = new_sync(server, url, interval=900)
    server.restart()
    assert get_sync(server, s["id"]) == s
    file_server.add("/persist.csv", csv_bytes(3))
    done = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert done["state"] == "success" and table_of(server, "persist")["rows_counted"] == 3


def test_a_sync_cut_short_runs_again_after_a_restart(server, file_server):
    url = file_server.add("/cut.csv", csv_bytes(2))
    _, _, s = new_sync(server, url, interval=3600)
    time.sleep(max(0, ts(s["ran_at"]) + SPAN - time.time()) + 0.2)
    file_server.add("/cut.csv", csv_bytes(5), delay=0.9)
    assert sync_now(server, s["id"]) is True
    wait_sync(server, s["id"], lambda x: x["state"] == "syncing", what="syncing")
    server.restart(signal.SIGKILL)
    file_server.add("/cut.csv", csv_bytes(5))
    done = wait_next_run(server, s["id"], s["ran_at"])
    assert done["state"] == "success", done
    assert table_of(server, "cut")["rows_counted"] == 5


def test_a_first_import_cut_short_runs_again_after_a_restart(make_server, file_server):
    server = make_server("--time-scale", str(SCALE), "--step-delay-ms", "2000")
    url = file_server.add("/first.csv", csv_bytes(2))
    created = create_sync(server, {"url": url, "interval": 900})
    server.restart(signal.SIGKILL)
    job = server.job(created["data_import"]["item_queue_id"])
    assert job["state"] == "failure" and job["error_code"] == 6671
    s = wait_settled(server, created["id"])
    assert s["state"] == "success" and s["name"] == "first"
    assert table_of(server, "first")["synchronization"]["id"] == s["id"]
