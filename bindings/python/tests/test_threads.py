# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Blocking calls release the GIL; callbacks take it back; a client is shared by threads."""
import threading
import time

from carto_import import STATE_COMPLETE


def test_wait_releases_the_gil(client, sample_csv):
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.001)

    job = client.import_file(sample_csv).run()
    worker = threading.Thread(target=count)
    worker.start()
    time.sleep(0.02)
    start = time.monotonic()
    job.wait(60)
    end = time.monotonic()
    stop.set()
    worker.join()
    assert end - start > 0.05  # the wait really blocked
    during = [t for t in ticks if start < t < end]
    assert len(during) >= 10, f"only {len(during)} ticks in {end - start:.3f}s of wait()"


def test_threads_share_a_client(client, sample_csv):
    results, errors = [], []

    def work():
        try:
            for d in client.import_dataset(sample_csv, timeout=60,
                                           progress=lambda *a: None):
                results.append(d.row_count)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [10, 10, 10]
    assert STATE_COMPLETE == 10
