# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Issue 16, item 3: no lock across a callback or a sleep.

An import in a slow step must not hold the user's table store: the engine used to report
"importing" (and sleep the step delay in Jobs::set_state) with the store's lock held, so the
user's GET /api/v1/tables/:id waited for the whole step. About 15 s (three step delays).
"""
import time

from conftest import csv_bytes

STEP_DELAY_S = 4.0


def test_a_slow_import_does_not_block_the_users_tables(make_server, tmp_path):
    d = str(tmp_path / "data")
    fast = make_server(data_dir=d)
    existing = fast.import_file("existing.csv", csv_bytes(3))
    assert existing["state"] == "complete"
    assert fast.stop() == 0

    s = make_server("--step-delay-ms", str(int(STEP_DELAY_S * 1000)), "--time-scale", "1",
                    data_dir=d)
    path = "api/v1/tables/" + existing["table_id"]
    before = s.get(path)
    assert before.status == 200, before

    job_id = s.upload("slow.csv", csv_bytes(2)).json()["item_queue_id"]
    deadline = time.time() + 5 * STEP_DELAY_S
    while s.job(job_id)["state"] != "importing":  # the step that took the store's lock
        assert time.time() < deadline, s.job(job_id)
        time.sleep(0.05)

    t0 = time.monotonic()
    during = s.get(path, timeout=3 * STEP_DELAY_S)
    took = time.monotonic() - t0
    assert took < STEP_DELAY_S / 4, "GET waited %.2f s for the other import's step" % took
    assert s.job(job_id)["state"] == "importing"  # the GET came while the import sat in its step
    assert during.status == 200 and during.body == before.body

    done = s.wait(job_id, timeout=5 * STEP_DELAY_S)
    assert done["state"] == "complete" and done["table_name"] == "slow"
