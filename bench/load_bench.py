#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Load benchmark of carto-import-server (figures only, never pass/fail; docs/benchmarks.md).

CLIENTS clients (30) for SECONDS (120) against one server: each uploads small CSVs, starts URL
imports from a loopback file server, lists its imports and datasets and deletes datasets of its
own finished imports, in a random mix. Every file has a unique name, so every accepted import
must end "complete" with exactly one dataset of that name. Afterwards it waits for every
accepted import and prints: requests, 429s, 5xx, transport errors, imports accepted, completed,
failed (6671 = falsely stuck: every import here is healthy), lost (never final, or unknown to
the server, or a dataset missing), duplicated (a dataset nobody imported, e.g. a second run of
an import), renamed (a completed import whose name was taken: its duplicate is counted above),
and the server's peak RSS and open files (sampled from /proc every 0.1 s).

usage: bench/load_bench.py [--server build/server/carto-import-server] [--clients 30]
                           [--seconds 120] [--users 6] [-- extra server flags]
"""
import argparse
import collections
import http.server
import json
import os
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "support"))
from cis_launcher import LOG_INHERIT, CisServer, LaunchError  # noqa: E402

FINAL = ("complete", "failure")


def csv_bytes(rows):
    return ("lat,lon,name\n" + "".join("%f,%f,n%d\n" % (40 + i * 0.01, -3 - i * 0.01, i)
                                       for i in range(rows))).encode()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.c = collections.Counter()

    def add(self, key, n=1):
        with self.lock:
            self.c[key] += n


class Api:
    def __init__(self, base, stats):
        self.base, self.stats = base, stats

    def call(self, method, user, key, path, params=None, body=None, ctype=None, timeout=60):
        q = dict(params or {})
        q["api_key"] = key
        url = "%s/user/%s/%s?%s" % (self.base, user, path, urllib.parse.urlencode(q))
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": ctype} if ctype else {})
        self.stats.add("requests")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, data = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, data = e.code, e.read()
            e.close()
        except OSError as e:
            self.stats.add("transport errors")
            self.stats.add("transport: %s %s %s" % (type(e).__name__, method, path.split("/")[2]))
            return None, None
        if status == 429:
            self.stats.add("429s")
        elif status >= 500:
            self.stats.add("5xx")
        return status, data


def multipart(name, data):
    boundary = "----load" + uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
            "Content-Type: text/csv\r\n\r\n" % (boundary, name)).encode() + data + \
        ("\r\n--%s--\r\n" % boundary).encode()
    return "multipart/form-data; boundary=" + boundary, body


class Client(threading.Thread):
    def __init__(self, n, user, key, api, files_base, files, deadline):
        super().__init__(daemon=True)
        self.n, self.user, self.key, self.api = n, user, key, api
        self.files_base, self.files, self.deadline = files_base, files, deadline
        self.accepted = {}   # job id -> expected table name
        self.deleted = set()  # job ids whose dataset this client deleted
        self.rng = random.Random(n)

    def run(self):
        i = 0
        while time.time() < self.deadline:
            action = self.rng.random()
            if action < 0.35:
                name = "c%d_%d" % (self.n, i)
                ctype, body = multipart(name + ".csv", csv_bytes(self.rng.randint(1, 50)))
                self.begin_import(name, body=body, ctype=ctype)
            elif action < 0.55:
                name = "u%d_%d" % (self.n, i)
                self.files[name + ".csv"] = csv_bytes(self.rng.randint(1, 50))
                self.begin_import(name, params={"url": "%s/%s.csv" % (self.files_base, name)})
            elif action < 0.75:
                self.api.call("GET", self.user, self.key, "api/v1/imports")
            elif action < 0.90:
                self.api.call("GET", self.user, self.key, "api/v1/viz",
                              params={"type": "table", "per_page": "20"})
            else:
                self.delete_one()
            i += 1

    def begin_import(self, name, **kw):
        status, data = self.api.call("POST", self.user, self.key, "api/v1/imports", **kw)
        if status == 200:
            self.accepted[json.loads(data)["item_queue_id"]] = name

    def delete_one(self):
        for job_id in list(self.accepted):
            if job_id in self.deleted:
                continue
            status, data = self.api.call("GET", self.user, self.key, "api/v1/imports/" + job_id)
            if status != 200:
                continue
            job = json.loads(data)
            if job["state"] != "complete" or not job.get("table_id"):
                continue
            status, data = self.api.call("GET", self.user, self.key, "api/v1/tables/" + job["table_id"])
            if status != 200:
                continue
            viz = json.loads(data)["table_visualization"]["id"]
            status, _ = self.api.call("DELETE", self.user, self.key, "api/v1/viz/" + viz)
            if status == 204:
                self.deleted.add(job_id)
            return


def file_server(files):
    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = files.get(self.path.lstrip("/").split("?")[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def sampler(pid, peak, stop):
    while not stop.is_set():
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak["rss_kib"] = max(peak["rss_kib"], int(line.split()[1]))
            peak["fds"] = max(peak["fds"], len(os.listdir("/proc/%d/fd" % pid)))
        except OSError:
            pass
        stop.wait(0.1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default="build/server/carto-import-server")
    ap.add_argument("--clients", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--users", type=int, default=6)
    ap.add_argument("extra", nargs="*", help="more server flags (after --)")
    a = ap.parse_args()

    users = {"load%d" % u: "load-key-%d" % u for u in range(a.users)}
    server = CisServer(a.server, users=users, quiet=True, log=LOG_INHERIT,
                       args=["--step-delay-ms", "0", "--max-concurrent-imports", "10"] + a.extra)
    try:
        server.start()
        report(a, server.url, users, server.pid)
    except LaunchError as e:
        sys.exit(str(e))
    finally:
        server.close()


def report(a, base, users, server_pid):
    stats = Stats()
    api = Api(base, stats)
    files = {}
    httpd = file_server(files)
    peak, stop = {"rss_kib": 0, "fds": 0}, threading.Event()
    threading.Thread(target=sampler, args=(server_pid, peak, stop), daemon=True).start()

    deadline = time.time() + a.seconds
    names = list(users)
    clients = [Client(n, names[n % len(names)], users[names[n % len(names)]], api,
                      "http://127.0.0.1:%d" % httpd.server_address[1], files, deadline)
               for n in range(a.clients)]
    started = time.time()
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    load_seconds = time.time() - started

    # Every accepted import must end; then compare the datasets with what was imported.
    results = collections.Counter()
    expected = collections.defaultdict(collections.Counter)  # user -> table name -> count
    settle = time.time() + 300
    for c in clients:
        for job_id, name in c.accepted.items():
            while True:
                status, data = api.call("GET", c.user, c.key, "api/v1/imports/" + job_id)
                job = json.loads(data) if status == 200 else None
                if job and job["state"] in FINAL or time.time() > settle or status == 404:
                    break
                time.sleep(0.1)
            if not job or job["state"] not in FINAL:
                results["lost"] += 1
            elif job["state"] == "complete":
                results["completed"] += 1
                if job["table_name"] != name:
                    # Its name was taken, by a second run of the same import: the dataset check
                    # below counts that other dataset as duplicated (once, not here again).
                    results["renamed"] += 1
                if job_id not in c.deleted:
                    expected[c.user][job["table_name"]] += 1
            elif job["error_code"] == 6671:
                results["falsely failed (6671)"] += 1
            else:
                results["failed (other code %s)" % job["error_code"]] += 1
    for user, key in users.items():
        status, data = api.call("GET", user, key, "api/v1/viz", params={"type": "table", "per_page": "100000"})
        have = collections.Counter(v["name"] for v in json.loads(data)["visualizations"]) if status == 200 else {}
        for name in set(have) | set(expected[user]):
            if have.get(name, 0) > expected[user].get(name, 0):
                results["duplicated"] += have[name] - expected[user].get(name, 0)
            elif have.get(name, 0) < expected[user].get(name, 0):
                results["lost"] += expected[user][name] - have.get(name, 0)
    stop.set()
    httpd.shutdown()

    accepted = sum(len(c.accepted) for c in clients)
    rows = [("clients", a.clients), ("seconds of load", round(load_seconds, 1)),
            ("requests", stats.c["requests"]), ("429s", stats.c["429s"]), ("5xx", stats.c["5xx"]),
            ("transport errors", stats.c["transport errors"]), ("imports accepted", accepted),
            ("completed", results["completed"]), ("falsely failed (6671)", results["falsely failed (6671)"]),
            ("lost", results["lost"]), ("duplicated", results["duplicated"]),
            ("renamed", results["renamed"]),
            ("datasets deleted", sum(len(c.deleted) for c in clients)),
            ("server peak RSS (MiB)", round(peak["rss_kib"] / 1024, 1)),
            ("server peak open files", peak["fds"])]
    rows += sorted((k, v) for k, v in results.items() if k.startswith("failed (other"))
    rows += sorted((k, v) for k, v in stats.c.items() if k.startswith("transport: "))
    for k, v in rows:
        print("%-24s %s" % (k, v))


if __name__ == "__main__":
    main()
