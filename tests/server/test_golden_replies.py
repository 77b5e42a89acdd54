# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Golden replies: every route of carto-import-server, byte for byte (issue 16).

Each test drives a fixed script of requests against a fresh server and compares every reply
(status, response headers but Date and Content-Length, raw body) with golden/<test>.txt, so a
restructuring of the server shows any change of a reply, key order and formatting included.

Only what truly varies between runs is normalized, by regex on the raw text:
  UUIDs (job, table, visualization, map, layer, permission, sync and user ids)  -> <idN>
  20-hex auth tokens (random_hex(20))                                           -> <tokenN>
  port numbers after 127.0.0.1: (or %3A) and localhost: (server, file servers)  -> <portN>
  ISO timestamps                                                                -> <time>
  the data directory (a pytest temp path, in a file import's original_url)      -> <data>
N numbers each distinct value by its first appearance in the test, so "the same id here and
there" is still checked. Timestamps are not numbered: two stamps taken within the same
millisecond are equal in one run and not in the next. API keys in the request lines are
shown as <key:USER>.

Record again after an intended change of a reply (and review the diff of golden/):
    CIS_GOLDEN_RECORD=1 CARTO_IMPORT_SERVER=... python3 -m pytest -q test_golden_replies.py
"""
import difflib
import http.server
import json
import os
import re
import threading
import time
import urllib.parse

import pytest

from conftest import USERS, basic_auth, csv_bytes, geojson_bytes, kml_bytes, multipart
from synclib import wait_next_run, wait_settled

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
RECORD = os.environ.get("CIS_GOLDEN_RECORD") == "1"

# Every route of the server (app.cpp, api_*.cpp, hooks.cpp; "(/user/NAME)?" prefix omitted):
# test_every_route_is_recorded checks that the golden files hold a request for each.
ID = r"[^/?]+"
ROUTES = [
    ("POST", r"/api/v1/imports"),
    ("GET", r"/api/v1/imports"),
    ("GET", r"/api/v1/imports/" + ID),
    ("POST", r"/api/v1/synchronizations"),
    ("GET", r"/api/v1/synchronizations"),
    ("GET", r"/api/v1/synchronizations/" + ID),
    ("PUT", r"/api/v1/synchronizations/" + ID),
    ("DELETE", r"/api/v1/synchronizations/" + ID),
    ("GET", r"/api/v1/synchronizations/" + ID + "/sync_now"),
    ("PUT", r"/api/v1/synchronizations/" + ID + "/sync_now"),
    ("GET", r"/api/v1/viz"),
    ("GET", r"/api/v1/viz/" + ID),
    ("PUT", r"/api/v1/viz/" + ID),
    ("DELETE", r"/api/v1/viz/" + ID),
    ("GET", r"/api/v1/tables/" + ID),
    ("POST", r"/_test/faults"),
    ("GET", r"/_test/faults"),
    ("DELETE", r"/_test/faults"),
    ("GET", r"/_test/requests"),
    ("DELETE", r"/_test/requests"),
    ("POST", r"/_test/drain"),
    ("DELETE", r"/api/v1/imports/" + ID),  # no such route: Rails' 404
    ("PATCH", r"/api/v1/viz/" + ID),       # idem
    ("OPTIONS", r"/api/v1/imports"),       # idem
    ("GET", r"/api/v1/nothing/here"),      # idem
]

VOLATILE = re.compile(
    r"(?P<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"|(?P<token>(?<![0-9a-f])[0-9a-f]{20}(?![0-9a-f]))"
    r"|(?<=127\.0\.0\.1:)(?P<port>\d+)|(?<=127\.0\.0\.1%3A)(?P<port2>\d+)|(?<=localhost:)(?P<port3>\d+)"
    r"|(?P<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)")
SKIPPED_HEADERS = ("date", "content-length")


class Recorder:
    """Sends requests to one server and writes each reply as a normalized text block."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        self.blocks = []
        self.names = {}   # volatile value -> placeholder
        self.counts = {}  # kind -> placeholders given

    def normalize(self, text):
        text = text.replace(self.server.data_dir, "<data>")

        def placeholder(m):
            kind = m.lastgroup.rstrip("23")
            if kind == "time":
                return "<time>"
            value = m.group(0)
            if value not in self.names:
                self.counts[kind] = self.counts.get(kind, 0) + 1
                self.names[value] = "<%s%d>" % (kind, self.counts[kind])
            return self.names[value]
        return VOLATILE.sub(placeholder, text)

    def call(self, label, method, path, user="alice", key=None, params=(), raw=False, **kw):
        """path is under /user/USER/ unless raw (then the whole path). key=None: the user's key,
        False: none. Returns the Response."""
        target = path if raw else "/user/%s/%s" % (user, path)
        if key is None:
            key = USERS.get(user)
        query = list(params) + ([("api_key", key)] if key is not False else [])
        if query:
            target += ("&" if "?" in target else "?") + urllib.parse.urlencode(query)
        r = self.server.request(method, "", key=False, url=self.server.url + target, **kw)
        shown = target
        for name, k in USERS.items():
            shown = shown.replace("api_key=" + urllib.parse.quote_plus(k), "api_key=<key:%s>" % name)
        lines = ["=== %d. %s" % (len(self.blocks) + 1, label), "%s %s" % (method, shown),
                 "%d" % r.status]
        lines += ["%s: %s" % (h, v) for h, v in r.headers.items() if h.lower() not in SKIPPED_HEADERS]
        lines += ["", r.body.decode("utf-8")]
        self.blocks.append(self.normalize("\n".join(lines)) + "\n")
        return r

    def check(self):
        path = os.path.join(GOLDEN_DIR, self.name + ".txt")
        text = "".join(self.blocks)
        if RECORD:
            os.makedirs(GOLDEN_DIR, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return
        with open(path, encoding="utf-8") as f:
            expected = f.read()
        if text == expected:
            return
        want = split_blocks(expected)
        for i in range(max(len(want), len(self.blocks))):
            a = want[i] if i < len(want) else ""
            b = self.blocks[i] if i < len(self.blocks) else ""
            if a != b:
                pytest.fail("reply %d differs from golden/%s.txt (CIS_GOLDEN_RECORD=1 records "
                            "again):\n%s" % (i + 1, self.name, block_diff(a, b)))


def split_blocks(text):
    starts = [m.start() for m in re.finditer(r"^=== \d+\. ", text, re.M)]
    return [text[s:e] for s, e in zip(starts, starts[1:] + [len(text)])]


def block_diff(expected, actual):
    """A unified diff of one reply; long JSON lines are also cut after each comma for it."""
    def lines(t):
        return t.splitlines()

    def cut(t):
        return re.sub(r',(?=["{\[])', ",\n", t).splitlines()
    out = list(difflib.unified_diff(lines(expected), lines(actual), "golden", "now", lineterm=""))
    if any(len(l) > 200 for l in lines(expected) + lines(actual)):
        out += ["", "--- the same, cut at commas:"]
        out += list(difflib.unified_diff(cut(expected), cut(actual), "golden", "now", lineterm=""))
    return "\n".join(out)


@pytest.fixture
def gate():
    """A one-file HTTP source that holds its reply until gate.open(): an import stays unfinished."""
    opened = threading.Event()

    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            opened.wait(60)
            body = csv_bytes(2)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.url = "http://127.0.0.1:%d/held.csv" % httpd.server_address[1]
    httpd.open = opened.set
    yield httpd
    opened.set()
    httpd.shutdown()
    httpd.server_close()


def wait_state(server, job_id, state, timeout=30):
    deadline = time.time() + timeout
    while server.job(job_id)["state"] != state:
        assert time.time() < deadline, "import %s never %s" % (job_id, state)
        time.sleep(0.02)


# ---- imports, viz, tables, routing ----
def test_imports_viz_tables(make_server, file_server, gate):
    s = make_server("--max-concurrent-imports", "1", "--max-upload-bytes", "20000",
                    "--max-field-bytes", "200")
    rec = Recorder(s, "imports_viz_tables")
    c = rec.call

    def job_id(r):
        assert r.status == 200, r
        return r.json()["item_queue_id"]

    def upload(label, filename, data, params=(), user="alice"):
        ct, body = multipart(files=[("file", filename, data)])
        return c(label, "POST", "api/v1/imports", user=user, params=params, body=body, content_type=ct)

    def finished(label, jid, user="alice"):
        s.wait(jid, user=user)
        return c(label, "GET", "api/v1/imports/" + jid, user=user).json()

    # imports: every kind of source, then their final records
    places = finished("places.csv: the record",
                      job_id(upload("multipart upload, create_vis", "places.csv", csv_bytes(3),
                                    params=[("create_vis", "true")])))
    ct, body = multipart(fields=[("api_key", USERS["alice"]), ("privacy", "public")],
                         files=[("file", "points.geojson", geojson_bytes(2))])
    points = finished("points.geojson: the record",
                      job_id(c("multipart upload, key and privacy as form fields", "POST",
                               "api/v1/imports", key=False, body=body, content_type=ct)))
    finished("raw upload: the record",
             job_id(c("raw upload (?filename=)", "POST", "api/v1/imports",
                      params=[("filename", "marks.kml"), ("privacy", "link")], body=kml_bytes(),
                      content_type="application/vnd.google-earth.kml+xml")))
    finished("same name again: the record", job_id(upload("same file name again", "places.csv", csv_bytes(1))))
    url = file_server.add("/remote.csv", csv_bytes(4))
    finished("URL import: the record",
             job_id(c("URL import, table_name, no type guessing", "POST", "api/v1/imports",
                      params=[("url", url), ("table_name", "remote_named"), ("type_guessing", "false")])))
    finished("URL 404: the record", job_id(c("URL import of a missing file", "POST", "api/v1/imports",
                                                params=[("url", file_server.base + "/missing.csv")])))
    finished("form body: the record",
             job_id(c("URL import, key and url in a form body", "POST", "api/v1/imports", key=False,
                      body=urllib.parse.urlencode({"api_key": USERS["alice"], "url": url}).encode(),
                      content_type="application/x-www-form-urlencoded")))
    finished("unreadable file: the record", job_id(upload("a file of an unknown kind", "data.xyz", b"\x00\x01binary")))
    finished("sql: the record", job_id(c("sql import (unsupported)", "POST", "api/v1/imports",
                                         params=[("sql", "SELECT 1")])))
    finished("no source: the record", job_id(c("JSON body with the key and no source", "POST", "api/v1/imports",
                                               key=False, json_body={"api_key": USERS["alice"]})))
    finished("connector mysql: the record",
             job_id(c("connector of another provider", "POST", "api/v1/imports", json_body={
                 "connector": {"provider": "mysql", "connection": {"server": "x", "password": "pw"},
                               "table": "t"}})))
    finished("connector bad sslmode: the record",
             job_id(c("connector with invalid parameters", "POST", "api/v1/imports", json_body={
                 "connector": {"provider": "postgres", "table": "roads", "connection": {
                     "server": "x", "database": "d", "username": "u", "sslmode": "verify"}}})))
    bob = finished("bob's import: the record",
                   job_id(upload("bob uploads", "bobs.csv", csv_bytes(1), user="bob")), user="bob")

    # imports: errors
    c("upload, wrong key", "POST", "api/v1/imports", key="wrong", json_body={"url": url})
    c("upload, unknown user", "POST", "api/v1/imports", user="mallory", key=USERS["alice"], json_body={})
    ct, body = multipart(files=[("file", "x.csv", csv_bytes(1))])
    c("multipart upload, wrong key", "POST", "api/v1/imports", key="wrong", body=body, content_type=ct)
    c("bad privacy", "POST", "api/v1/imports", params=[("url", url), ("privacy", "secret")])
    c("bad collision_strategy", "POST", "api/v1/imports", params=[("url", url), ("collision_strategy", "merge")])
    c("service_item_id not a string", "POST", "api/v1/imports", json_body={"url": url, "service_item_id": 5})
    c("connector without provider", "POST", "api/v1/imports", json_body={"connector": {"table": "t"}})
    c("invalid URL", "POST", "api/v1/imports", params=[("url", "gopher://example.com/x.csv")])
    c("remote_visualization_id without source", "POST", "api/v1/imports", params=[("remote_visualization_id", "x")])
    c("field over --max-field-bytes", "POST", "api/v1/imports", params=[("url", url + "?" + "x" * 200)])
    ct, body = multipart(fields=[("table_name", "y" * 300)], files=[("file", "x.csv", csv_bytes(1))])
    c("multipart field over --max-field-bytes", "POST", "api/v1/imports", body=body, content_type=ct)
    c("malformed multipart body", "POST", "api/v1/imports", body=b"garbage",
      content_type="multipart/form-data; boundary=xyz")
    c("body over --max-upload-bytes", "POST", "api/v1/imports", params=[("filename", "big.csv")],
      body=csv_bytes(800), content_type="text/csv")

    # imports: an unfinished one (list, show, 429 for the only slot)
    held = job_id(c("URL import held by its source", "POST", "api/v1/imports", params=[("url", gate.url)]))
    wait_state(s, held, "uploading")
    c("list: the unfinished import", "GET", "api/v1/imports")
    c("list: bob has none", "GET", "api/v1/imports", user="bob")
    c("show: downloading", "GET", "api/v1/imports/" + held)
    upload("no import slot left: 429", "slot.csv", csv_bytes(1))
    gate.open()
    finished("held import: the record", held)
    c("list: empty", "GET", "api/v1/imports/")

    # imports: show errors, routing forms, auth forms
    c("show: not a uuid", "GET", "api/v1/imports/not-a-uuid")
    c("show: unknown uuid", "GET", "api/v1/imports/12345678-1234-4234-8234-123456789012")
    c("show: bob's job for alice", "GET", "api/v1/imports/" + bob["id"])
    c("show: wrong key", "GET", "api/v1/imports/" + places["id"], key="wrong")
    c("list: wrong key", "GET", "api/v1/imports", key=False)
    c("show: Basic auth", "GET", "api/v1/imports/" + places["id"], key=False,
      headers={"Authorization": basic_auth("alice", USERS["alice"])})
    c("show: Basic auth of another user", "GET", "api/v1/imports/" + places["id"], key=False,
      headers={"Authorization": basic_auth("bob", USERS["bob"])})
    c("show: /u/ form with a trailing slash", "GET", "/u/alice/api/v1/imports/%s/" % places["id"], raw=True)
    c("show: user from the Host", "GET", "/api/v1/imports/" + places["id"], raw=True,
      headers={"Host": "alice.localhost:%d" % s.port})
    c("show: no user at all", "GET", "/api/v1/imports/" + places["id"], raw=True)

    # tables
    c("table by id", "GET", "api/v1/tables/" + places["table_id"])
    c("table by name, user from the Host", "GET", "/api/v1/tables/points", raw=True,
      headers={"Host": "alice.localhost:%d" % s.port})
    c("table: unknown", "GET", "api/v1/tables/nothing")
    c("table: alice's for bob", "GET", "api/v1/tables/" + places["table_id"], user="bob")
    c("table: wrong key", "GET", "api/v1/tables/places", key="wrong")

    # viz: lists
    c("viz list: derived (default)", "GET", "api/v1/viz")
    c("viz list: tables by name", "GET", "api/v1/viz",
      params=[("type", "table"), ("order", "name"), ("order_direction", "asc")])
    c("viz list: page 2 of 1 per page, by size", "GET", "api/v1/viz",
      params=[("types", "table,derived"), ("per_page", "1"), ("page", "2"), ("order", "size")])
    c("viz list: q and privacy, no totals", "GET", "api/v1/viz",
      params=[("type", "table"), ("q", "PLA"), ("privacy", "private"), ("load_totals", "false"),
              ("show_table", "false"), ("show_permission", "false")])
    c("viz list: anonymous", "GET", "api/v1/viz", key=False, params=[("type", "table")])
    c("viz list: bad page", "GET", "api/v1/viz", params=[("page", "0")])
    c("viz list: bad per_page", "GET", "api/v1/viz", params=[("per_page", "x")])
    c("viz list: bad order", "GET", "api/v1/viz", params=[("order", "colour")])
    c("viz list: unknown user", "GET", "api/v1/viz", user="nobody", key=False)

    # viz: show
    table = s.get("api/v1/tables/" + places["table_id"]).json()
    viz = table["table_visualization"]["id"]
    c("viz: table viz with dependents", "GET", "api/v1/viz/" + viz,
      params=[("with_dependent_visualizations", "3"), ("show_liked", "true"), ("show_permission", "true")])
    c("viz: derived map", "GET", "api/v1/viz/" + places["visualization_id"])
    c("viz: by name", "GET", "api/v1/viz/points")
    c("viz: private, anonymous", "GET", "api/v1/viz/" + viz, key=False)
    c("viz: public, anonymous", "GET", "api/v1/viz/points", key=False)
    c("viz: unknown", "GET", "api/v1/viz/12345678-1234-4234-8234-123456789012")
    c("viz: alice's for bob", "GET", "api/v1/viz/" + viz, user="bob")

    # viz: update
    c("viz update", "PUT", "api/v1/viz/" + viz, json_body={
        "id": viz, "display_name": "Places", "description": "Some places", "tags": ["a", "b"],
        "privacy": "link", "locked": True, "source": "tests", "license": "cc", "version": 3})
    c("viz update: rename", "PUT", "api/v1/viz/" + viz, json_body={"id": viz, "name": "renamed_places"})
    c("viz list: by tag", "GET", "api/v1/viz", params=[("type", "table"), ("tags", "b")])
    c("viz update: invalid fields", "PUT", "api/v1/viz/" + viz, json_body={
        "id": viz, "privacy": "everyone", "tags": "a", "locked": "maybe", "kind": "x", "version": "1",
        "title": 5})
    c("viz update: password privacy without password", "PUT", "api/v1/viz/" + viz,
      json_body={"id": viz, "privacy": "password"})
    c("viz update: blank name", "PUT", "api/v1/viz/" + viz, json_body={"id": viz, "name": ""})
    c("viz update: field too long", "PUT", "api/v1/viz/" + viz, json_body={"id": viz, "description": "d" * 300})
    c("viz update: other id", "PUT", "api/v1/viz/" + viz, json_body={"id": points["id"]})
    c("viz update: not JSON", "PUT", "api/v1/viz/" + viz, body=b"{", content_type="application/json")
    c("viz update: wrong key", "PUT", "api/v1/viz/" + viz, key="wrong", json_body={"id": viz})
    c("viz update: unknown", "PUT", "api/v1/viz/nothing", json_body={"id": "nothing"})
    c("table after the update", "GET", "api/v1/tables/renamed_places")

    # viz: delete
    c("viz delete: wrong key", "DELETE", "api/v1/viz/" + viz, key="wrong")
    c("viz delete: the derived map", "DELETE", "api/v1/viz/" + places["visualization_id"])
    c("viz delete: the dataset", "DELETE", "api/v1/viz/renamed_places")
    c("viz delete: again", "DELETE", "api/v1/viz/" + viz)
    c("table after the delete", "GET", "api/v1/tables/" + places["table_id"])

    # no such route
    c("no DELETE of an import", "DELETE", "api/v1/imports/" + places["id"])
    c("no PATCH of a viz", "PATCH", "api/v1/viz/" + viz, json_body={"id": viz})
    c("no OPTIONS", "OPTIONS", "api/v1/imports")
    c("unknown path", "GET", "api/v1/nothing/here")
    c("no route outside /api", "GET", "/", raw=True, key=False)
    rec.check()


# ---- synchronizations ----
SCALE = 0.001               # --time-scale: sync_now's 900 s rule lasts 0.9 s
SPAN = 900 * SCALE
FAR = 10_000_000            # an interval whose scaled length (10^4 s) no test outlasts


def test_synchronizations(make_server, file_server):
    s = make_server("--time-scale", str(SCALE), "--max-field-bytes", "200")
    rec = Recorder(s, "synchronizations")
    c = rec.call
    url = file_server.add("/sync.csv", csv_bytes(3))
    tagged = file_server.add("/tagged.csv", csv_bytes(2), etag='"v1"')

    def created(label, body, user="alice"):
        r = c(label, "POST", "api/v1/synchronizations", user=user, json_body=body)
        assert r.status == 200, r
        out = r.json()
        s.wait(out["data_import"]["item_queue_id"], user=user)
        return out

    def settled(label, sync_id, user="alice"):
        wait_settled(s, sync_id, user=user)
        return c(label, "GET", "api/v1/synchronizations/" + sync_id, user=user).json()

    first = created("create: URL sync", {"url": url, "interval": FAR, "type_guessing": False})
    c("its first import", "GET", "api/v1/imports/" + first["data_import"]["item_queue_id"])
    one = settled("show: after the first import", first["id"])
    etag = created("create: URL sync with an ETag, service name", {
        "url": tagged, "interval": FAR, "service_name": "golden", "service_item_id": "item-7",
        "table_name": "tagged_sync"})
    settled("show: the ETag sync", etag["id"])
    missing = created("create: URL sync of a missing file",
                      {"url": file_server.base + "/missing.csv", "interval": FAR})
    settled("show: failed first import", missing["id"])
    nothing = created("create: no URL, no connector", {"interval": FAR})
    settled("show: nothing to load", nothing["id"])
    conn = created("create: connector sync", {"interval": FAR, "connector": {
        "provider": "mysql", "connection": {"server": "x", "password": "pw"}, "table": "t"}})
    settled("show: connector of another provider", conn["id"])
    c("list", "GET", "api/v1/synchronizations")
    c("list: bob has none", "GET", "api/v1/synchronizations", user="bob")
    c("table of a sync", "GET", "api/v1/tables/" + one["name"])

    # update, then a forced run from the new URL
    moved = file_server.add("/moved.csv", csv_bytes(5))
    c("update", "PUT", "api/v1/synchronizations/" + first["id"], json_body={
        "interval": FAR * 2, "url": moved, "content_guessing": True, "name": "sync"})
    c("state", "GET", "api/v1/synchronizations/%s/sync_now" % first["id"])
    time.sleep(SPAN + 0.1)
    c("sync_now", "PUT", "api/v1/synchronizations/%s/sync_now" % first["id"])
    c("sync_now again", "PUT", "api/v1/synchronizations/%s/sync_now" % first["id"])
    wait_next_run(s, first["id"], one["ran_at"])
    c("show: after the forced run", "GET", "api/v1/synchronizations/" + first["id"])
    c("state after the run", "GET", "api/v1/synchronizations/%s/sync_now" % first["id"])
    c("table after the run", "GET", "api/v1/tables/" + one["name"])

    # errors
    c("create: interval under 15 minutes", "POST", "api/v1/synchronizations", json_body={"url": url, "interval": 60})
    c("create: invalid URL", "POST", "api/v1/synchronizations", json_body={"url": "gopher://x/y.csv", "interval": FAR})
    c("create: connector without provider", "POST", "api/v1/synchronizations", json_body={"connector": {"table": "t"}})
    c("create: field too long", "POST", "api/v1/synchronizations", json_body={"url": url + "?" + "x" * 200})
    c("create: not JSON", "POST", "api/v1/synchronizations", body=b"[", content_type="application/json")
    c("create: wrong key", "POST", "api/v1/synchronizations", key="wrong", json_body={"url": url})
    c("create: key in the body", "POST", "api/v1/synchronizations", key=False,
      json_body={"api_key": USERS["alice"], "interval": 60})
    c("show: unknown", "GET", "api/v1/synchronizations/12345678-1234-4234-8234-123456789012")
    c("show: not a uuid", "GET", "api/v1/synchronizations/nothing")
    c("show: alice's for bob", "GET", "api/v1/synchronizations/" + first["id"], user="bob")
    c("list: wrong key", "GET", "api/v1/synchronizations", key="wrong")
    c("update: invalid URL", "PUT", "api/v1/synchronizations/" + first["id"], json_body={"url": "file:///etc/passwd"})
    c("update: not JSON", "PUT", "api/v1/synchronizations/" + first["id"], body=b"x", content_type="application/json")
    c("update: field too long", "PUT", "api/v1/synchronizations/" + first["id"], json_body={"name": "n" * 300})
    c("update: unknown", "PUT", "api/v1/synchronizations/12345678-1234-4234-8234-123456789012", json_body={})
    c("sync_now: unknown", "PUT", "api/v1/synchronizations/12345678-1234-4234-8234-123456789012/sync_now")
    c("sync_now: alice's for bob", "PUT", "api/v1/synchronizations/%s/sync_now" % first["id"], user="bob")

    # delete
    c("delete: wrong key", "DELETE", "api/v1/synchronizations/" + first["id"], key="wrong")
    c("delete: alice's for bob", "DELETE", "api/v1/synchronizations/" + first["id"], user="bob")
    c("delete", "DELETE", "api/v1/synchronizations/" + first["id"])
    c("delete: again", "DELETE", "api/v1/synchronizations/" + first["id"])
    c("show: deleted", "GET", "api/v1/synchronizations/" + first["id"])
    c("table of a deleted sync", "GET", "api/v1/tables/" + one["name"])
    c("list after the delete", "GET", "api/v1/synchronizations")
    rec.check()


# ---- /_test/ hooks (--test-hooks) ----
def test_test_hooks(server):
    rec = Recorder(server, "test_hooks")
    ua = {"User-Agent": "golden-test"}  # the request log shows the client's headers

    def c(label, method, path, **kw):
        kw.setdefault("headers", ua)
        return rec.call(label, method, path, **kw)

    def hook(label, method, path, **kw):
        return c(label, method, path, raw=True, key=False, **kw)

    hook("clear the request log", "DELETE", "/_test/requests")
    c("a logged request", "GET", "api/v1/imports", params=[("page", "1"), ("password", "pw")])
    hook("the request log", "GET", "/_test/requests")
    hook("fault: not JSON", "POST", "/_test/faults", body=b"{", content_type="application/json")
    hook("fault: unknown action", "POST", "/_test/faults", json_body={"action": "explode"})
    hook("fault: bad regex", "POST", "/_test/faults", json_body={"path": "("})
    hook("fault: bad status", "POST", "/_test/faults", json_body={"status": 700})
    hook("fault: not an object", "POST", "/_test/faults", json_body=[1])
    hook("faults", "POST", "/_test/faults", json_body=[
        {"method": "GET", "path": "/api/v1/imports$", "action": "ratelimit", "retry_after": 7, "limit": 5,
         "nth": 1},
        {"method": "POST", "path": "imports", "action": "status", "status": 503, "retry_after": 2, "count": 1},
        {"method": "GET", "path": "viz", "action": "malformed", "status": 201, "nth": 1},
        {"method": "GET", "path": "tables", "action": "truncate", "nth": 1},
        {"method": "PUT", "path": "viz", "action": "status", "status": 409, "body": "{\"conflict\":true}"},
        {"method": "DELETE", "path": "viz", "action": "status", "status": 418},
        {"method": "GET", "path": "synchronizations", "action": "delay", "delay_ms": 1, "nth": 1}])
    c("ratelimit", "GET", "api/v1/imports")
    c("after the ratelimit", "GET", "api/v1/imports")
    c("status 503 with a body to drain", "POST", "api/v1/imports", json_body={"url": "http://x/y.csv"})
    c("malformed", "GET", "api/v1/viz")
    c("truncate", "GET", "api/v1/tables/x")
    c("status with a body", "PUT", "api/v1/viz/x", json_body={"id": "x"})
    c("status without a body", "DELETE", "api/v1/viz/x")
    c("delay", "GET", "api/v1/synchronizations")
    hook("the faults", "GET", "/_test/faults")
    hook("clear the faults", "DELETE", "/_test/faults")
    hook("no faults", "GET", "/_test/faults")
    hook("drain, not rerouted", "POST", "/_test/drain", json_body={})
    hook("the request log", "GET", "/_test/requests")
    hook("clear the request log again", "DELETE", "/_test/requests")
    hook("an empty request log", "GET", "/_test/requests")
    rec.check()


def test_every_route_is_recorded():
    if RECORD:
        pytest.skip("recording")
    requests = []
    for name in sorted(os.listdir(GOLDEN_DIR)):
        with open(os.path.join(GOLDEN_DIR, name), encoding="utf-8") as f:
            requests += re.findall(r"^=== \d+\. .*\n(\S+) (\S+)$", f.read(), re.M)
    for method, pattern in ROUTES:
        route = re.compile(r"(?:/(?:user|u)/[^/]+)?" + pattern + r"/?(?:\?.*)?$")
        assert any(m == method and route.match(p) for m, p in requests), (method, pattern)
