# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Helpers of the sync and connector tests: a fast time scale and sync polling."""
import datetime
import time

# --time-scale of the sync tests: every sync duration is multiplied by it, so the 900 s minimum
# interval and the 900 s sync_now rule last SPAN seconds, and the scheduler looks every 0.12 s.
SCALE = 0.002
SPAN = 900 * SCALE

SYNC_KEYS = ["id", "name", "interval", "url", "state", "user_id", "created_at", "updated_at",
             "run_at", "retried_times", "log_id", "error_code", "error_message", "ran_at",
             "modified_at", "etag", "checksum", "service_name", "service_item_id", "type_guessing",
             "quoted_fields_guessing", "content_guessing", "visualization_id",
             "from_external_source"]


def ts(text):
    """Seconds since the epoch of a server timestamp (2016-09-07T16:53:24.123Z)."""
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=datetime.timezone.utc).timestamp()


def create_sync(server, body, user="alice", status=200):
    r = server.request("POST", "api/v1/synchronizations", user=user, json_body=body)
    assert r.status == status, r
    return r.json() if r.body else None


def new_sync(server, url, interval=3600, **extra):
    """Creates a URL sync and waits for its first import: (create response, job, sync)."""
    created = create_sync(server, dict(extra, url=url, interval=interval))
    job = server.wait(created["data_import"]["item_queue_id"])
    return created, job, wait_settled(server, created["id"])


def get_sync(server, sync_id, user="alice"):
    r = server.get("api/v1/synchronizations/" + sync_id, user=user)
    assert r.status == 200, r
    return r.json()


def wait_sync(server, sync_id, pred, timeout=30, user="alice", what="condition"):
    deadline = time.time() + timeout
    while True:
        s = get_sync(server, sync_id, user=user)
        if pred(s):
            return s
        if time.time() > deadline:
            raise AssertionError("sync %s: %s not reached: %r" % (sync_id, what, s))
        time.sleep(0.05)


def wait_settled(server, sync_id, timeout=30, user="alice"):
    return wait_sync(server, sync_id, lambda s: s["state"] in ("success", "failure"),
                     timeout=timeout, user=user, what="success or failure")


def wait_next_run(server, sync_id, after, timeout=30, user="alice"):
    """The sync once it has settled after a run that started after `after` (its old ran_at)."""
    return wait_sync(server, sync_id,
                     lambda s: s["ran_at"] != after and s["state"] in ("success", "failure"),
                     timeout=timeout, user=user, what="another run")


def sync_now(server, sync_id, user="alice"):
    r = server.request("PUT", "api/v1/synchronizations/%s/sync_now" % sync_id, user=user)
    assert r.status == 200, r
    body = r.json()
    assert list(body) == ["enqueued", "synchronization_id"] and body["synchronization_id"] == sync_id
    return body["enqueued"]


def table_of(server, name, user="alice"):
    r = server.get("api/v1/tables/" + name, user=user)
    assert r.status == 200, r
    return r.json()
