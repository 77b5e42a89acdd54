# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 3): a healthy import is never marked stuck (6671).

Clients upload small CSVs and list GET /api/v1/imports in a loop, as a busy team would. The
listing and show handlers used to fail any job they saw between "stored" and "enqueued", and to
write back stale copies of jobs that had just completed: the client was told 6671 for data that
existed. Now only a restart makes a job stuck (test_persistence.py), and a job that fails leaves
no dataset behind.
About 10 s.
"""
import threading
import time

from conftest import csv_bytes

CLIENTS = 6
SECONDS = 6


def test_busy_clients_never_see_a_false_6671(make_server):
    server = make_server("--max-concurrent-imports", "100", "--workers", "2")
    accepted, errors = [], []
    lock = threading.Lock()
    stop = time.time() + SECONDS

    def client(n):
        i = 0
        try:
            while time.time() < stop:
                r = server.upload("c%d_%d.csv" % (n, i), csv_bytes(2))
                if r.status == 200:
                    with lock:
                        accepted.append(("c%d_%d" % (n, i), r.json()["item_queue_id"]))
                elif r.status != 429:
                    errors.append(r)
                i += 1
                for _ in range(2):
                    lst = server.get("api/v1/imports")
                    if lst.status != 200:
                        errors.append(lst)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    assert len(accepted) > 50, "too few imports to mean anything: %d" % len(accepted)

    jobs = {name: server.wait(job_id, timeout=120) for name, job_id in accepted}
    stuck = [j["id"] for j in jobs.values() if j.get("error_code") == 6671]
    failed = [j for j in jobs.values() if j["state"] != "complete"]
    assert not stuck, "%d of %d healthy imports marked stuck" % (len(stuck), len(jobs))
    assert not failed, failed[:3]

    # Every complete job has its dataset, and no dataset is left without one.
    body = server.get("api/v1/viz", params={"type": "table", "per_page": "100000"}).json()
    datasets = {v["name"] for v in body["visualizations"]}
    assert datasets == {j["table_name"] for j in jobs.values()}
    assert server.get("api/v1/imports").json()["imports"] == []

