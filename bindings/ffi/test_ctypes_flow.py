#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Plain FFI, no SWIG: the whole flow with ctypes against the server in CARTO_API_URL /
CARTO_API_KEY (SAMPLES_URL serves examples/data): import a file, poll the job to completion,
get its dataset, create a sync table from SAMPLES_URL, poll it to success, force a sync (too
soon; then, with CARTO_IMPORT_TIME_SCALE, enqueued once the scaled 15 minutes passed), delete
the sync and the datasets. The sync part is skipped, saying so, when the server has no
synchronizations (404).

usage: test_ctypes_flow.py LIBCARTO_IMPORT_SO CSV_FILE
"""
import ctypes
import os
import shutil
import sys
import tempfile
import time
import uuid

from test_ctypes import PROGRESS, check, declare, new_client

EREMOTE, ENOTFOUND = -40, -23
STATE_COMPLETE, STATE_FAILURE, STATE_SUCCESS = 10, 11, 16
FORCE_ENQUEUED, FORCE_TOO_SOON = 0, 1
SYNC_MIN_INTERVAL = 900


def load(path):
    """The library, with the prototypes of the functions used here."""
    lib = ctypes.CDLL(path)
    p, pp, s = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p
    i, ll, status = ctypes.c_int, ctypes.c_longlong, ctypes.c_int
    declare(lib, [
        ("carto_import_last_error_message", s, []),
        ("carto_import_last_error_code", i, []),
        ("carto_import_last_error_http_status", i, []),
        ("carto_import_state_is_final", i, [i]),
        ("carto_import_options_new", status, [pp]),
        ("carto_import_options_set_base_url", status, [p, s]),
        ("carto_import_options_set_api_key", status, [p, s]),
        ("carto_import_options_set_poll_interval_ms", status, [p, ctypes.c_long, ctypes.c_long]),
        ("carto_import_options_free", None, [p]),
        ("carto_import_client_new", status, [pp, p]),
        ("carto_import_client_free", None, [p]),
        ("carto_import_job_new_file", status, [pp, p, s, p]),
        ("carto_import_job_run", status, [p, PROGRESS, p]),
        ("carto_import_job_refresh", status, [p]),
        ("carto_import_job_state", i, [p]),
        ("carto_import_job_id", s, [p]),
        ("carto_import_job_datasets", status, [pp, p]),
        ("carto_import_job_free", None, [p]),
        ("carto_import_dataset_get", status, [pp, p, s]),
        ("carto_import_dataset_list_count", ctypes.c_size_t, [p]),
        ("carto_import_dataset_list_get", status, [pp, p, ctypes.c_size_t]),
        ("carto_import_dataset_list_free", None, [p]),
        ("carto_import_dataset_get_string", s, [p, s]),
        ("carto_import_dataset_get_int", ll, [p, s, ll]),
        ("carto_import_dataset_delete", status, [p]),
        ("carto_import_dataset_free", None, [p]),
        ("carto_import_sync_create", status, [pp, p, s, ctypes.c_long, p]),
        ("carto_import_sync_get", status, [pp, p, s]),
        ("carto_import_sync_refresh", status, [p]),
        ("carto_import_sync_wait", status, [p, ctypes.c_long, PROGRESS, p]),
        ("carto_import_sync_state", i, [p]),
        ("carto_import_sync_id", s, [p]),
        ("carto_import_sync_get_string", s, [p, s]),
        ("carto_import_sync_force", status, [p, ctypes.POINTER(i)]),
        ("carto_import_sync_set_interval", status, [p, ctypes.c_long]),
        ("carto_import_sync_dataset", status, [pp, p]),
        ("carto_import_sync_delete", status, [p]),
        ("carto_import_sync_free", None, [p]),
    ])
    return lib


def poll(refresh, state, final, what, seconds=60):
    """Calls refresh() until final(state()), at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not final(state()):
        assert time.monotonic() < deadline, f"{what} did not finish"
        time.sleep(0.05)
        refresh()


def import_flow(lib, client, csv_path):
    """import -> poll -> dataset get -> delete; returns nothing."""
    job, datasets, dataset, again = (ctypes.c_void_p() for _ in range(4))
    states = []
    progress = PROGRESS(lambda state, done, total, userdata: states.append(state) or 0)
    table = os.path.splitext(os.path.basename(csv_path))[0]
    try:
        check(lib, lib.carto_import_job_new_file(ctypes.byref(job), client, csv_path.encode(),
                                                None), "job_new_file")
        check(lib, lib.carto_import_job_run(job, progress, None), "job_run")
        print("job", lib.carto_import_job_id(job).decode(), "states while sending:", states)
        poll(lambda: check(lib, lib.carto_import_job_refresh(job), "job_refresh"),
             lambda: lib.carto_import_job_state(job),
             lambda s: lib.carto_import_state_is_final(s), "the import")
        assert lib.carto_import_job_state(job) == STATE_COMPLETE, lib.carto_import_job_state(job)
        check(lib, lib.carto_import_job_datasets(ctypes.byref(datasets), job), "job_datasets")
        assert lib.carto_import_dataset_list_count(datasets) == 1
        check(lib, lib.carto_import_dataset_list_get(ctypes.byref(dataset), datasets, 0),
              "dataset_list_get")
        assert lib.carto_import_dataset_get_string(dataset, b"name").decode() == table
        check(lib, lib.carto_import_dataset_get(ctypes.byref(again), client, table.encode()),
              "dataset_get")
        assert lib.carto_import_dataset_get_int(again, b"row_count", -1) == 10
        check(lib, lib.carto_import_dataset_delete(again), "dataset_delete")
        gone = ctypes.c_void_p()
        rc = lib.carto_import_dataset_get(ctypes.byref(gone), client, table.encode())
        assert rc == ENOTFOUND and not gone.value, rc
        print(f"imported, got and deleted {table}")
    finally:
        for free, handle in [(lib.carto_import_dataset_free, again),
                             (lib.carto_import_dataset_free, dataset),
                             (lib.carto_import_dataset_list_free, datasets),
                             (lib.carto_import_job_free, job)]:
            free(handle)


def sync_flow(lib, client, url, scale):
    """sync create -> poll -> force (too soon; enqueued after the scaled 15 minutes) -> delete.
    Returns False when the server has no synchronizations."""
    sync, dataset, again = (ctypes.c_void_p() for _ in range(3))
    try:
        rc = lib.carto_import_sync_create(ctypes.byref(sync), client, url.encode(),
                                          SYNC_MIN_INTERVAL, None)
        if rc == ENOTFOUND:
            return False
        check(lib, rc, "sync_create")
        sync_id = lib.carto_import_sync_id(sync)
        poll(lambda: check(lib, lib.carto_import_sync_refresh(sync), "sync_refresh"),
             lambda: lib.carto_import_sync_state(sync),
             lambda s: s in (STATE_SUCCESS, STATE_FAILURE), "the sync's first run")
        assert lib.carto_import_sync_state(sync) == STATE_SUCCESS
        check(lib, lib.carto_import_sync_dataset(ctypes.byref(dataset), sync), "sync_dataset")
        assert lib.carto_import_dataset_get_int(dataset, b"row_count", -1) == 10
        table = lib.carto_import_dataset_get_string(dataset, b"name")
        outcome = ctypes.c_int(-1)
        check(lib, lib.carto_import_sync_force(sync, ctypes.byref(outcome)), "sync_force")
        assert outcome.value == FORCE_TOO_SOON, outcome.value
        print("sync", sync_id.decode(), "ran; forcing it at once: too soon")
        if scale:
            # the next automatic run an hour away; the scaled 15 minutes, then force
            check(lib, lib.carto_import_sync_set_interval(sync, 3600), "sync_set_interval")
            ran_at = lib.carto_import_sync_get_string(sync, b"ran_at")
            time.sleep(SYNC_MIN_INTERVAL * scale + 1.5)
            check(lib, lib.carto_import_sync_force(sync, ctypes.byref(outcome)), "sync_force")
            assert outcome.value == FORCE_ENQUEUED, outcome.value
            check(lib, lib.carto_import_sync_wait(sync, 60000, PROGRESS(), None), "sync_wait")
            assert lib.carto_import_sync_state(sync) == STATE_SUCCESS
            assert lib.carto_import_sync_get_string(sync, b"ran_at") != ran_at
            print(f"after {SYNC_MIN_INTERVAL * scale:.0f} s: forced, enqueued, ran again")
        check(lib, lib.carto_import_sync_delete(sync), "sync_delete")
        gone = ctypes.c_void_p()
        assert lib.carto_import_sync_get(ctypes.byref(gone), client, sync_id) == ENOTFOUND
        check(lib, lib.carto_import_dataset_get(ctypes.byref(again), client, table),
              "dataset_get")  # the table stays, as a normal dataset
        check(lib, lib.carto_import_dataset_delete(again), "dataset_delete")
        print("sync deleted, its table deleted")
        return True
    finally:
        lib.carto_import_dataset_free(again)
        lib.carto_import_dataset_free(dataset)
        lib.carto_import_sync_free(sync)


def main():
    lib = load(sys.argv[1])
    tmp = tempfile.mkdtemp()
    csv_path = os.path.join(tmp, f"cities_{uuid.uuid4().hex[:12]}.csv")
    shutil.copy(sys.argv[2], csv_path)
    scale = float(os.environ.get("CARTO_IMPORT_TIME_SCALE") or 0)
    opts, client = ctypes.c_void_p(), ctypes.c_void_p()
    try:
        new_client(lib, opts, client, lambda opts: check(
            lib, lib.carto_import_options_set_poll_interval_ms(opts, 20, 200), "poll_interval"))
        import_flow(lib, client, csv_path)
        if not sync_flow(lib, client, os.environ["SAMPLES_URL"] + "world_cities.csv", scale):
            print("SKIPPED the sync part: the server has no sync tables yet "
                  "(404 on /api/v1/synchronizations)")
    finally:
        lib.carto_import_client_free(client)
        lib.carto_import_options_free(opts)
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
