# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Fixtures for the carto-import-server test suite (stdlib only: urllib, http.server)."""
import base64
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import warnings
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from cis_launcher import CisServer  # noqa: E402

SERVER = os.environ.get("CARTO_IMPORT_SERVER")
USERS = {"alice": "alice-master-key", "bob": "bob-master-key"}
FINAL = ("complete", "failure")


def pytest_collection_modifyitems(config, items):
    if not SERVER or not os.access(SERVER, os.X_OK):
        skip = pytest.mark.skip(reason="CARTO_IMPORT_SERVER is not set to the built server")
        for item in items:
            item.add_marker(skip)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<Response %d %r>" % (self.status, self.body[:300])


def multipart(fields=(), files=()):
    """fields: [(name, value)], files: [(field, filename, bytes)] -> (content_type, body)."""
    boundary = "----cis" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                % (boundary, name, value)).encode()
    for field, filename, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n" % (boundary, field, filename)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return "multipart/form-data; boundary=" + boundary, bytes(out)


class Server(CisServer):
    """A running carto-import-server with its own data directory (tests/support/cis_launcher.py),
    and HTTP helpers."""

    def __init__(self, data_dir, extra_args=(), users=USERS, quiet=True, allow_private_urls=True):
        """allow_private_urls: the suite's URL imports fetch from loopback (the production rules
        are tested with False)."""
        super().__init__(SERVER, users=users, args=extra_args, data_dir=data_dir, quiet=quiet,
                         allow_private_urls=allow_private_urls)
        self.start()

    def stop(self, sig=signal.SIGTERM):
        rc = super().stop(sig)
        self.stderr_text = self.log_text
        return rc

    # ---- HTTP ----
    def base(self, user="alice"):
        return "%s/user/%s/" % (self.url, user)

    def request(self, method, path, user="alice", key=None, params=None, body=None,
                content_type=None, headers=None, json_body=None, url=None, timeout=30):
        """key=None: the user's master key in the query string; key=False: no key."""
        if key is None:
            key = USERS.get(user)
        params = dict(params or {})
        if key is not False and key is not None:
            params.setdefault("api_key", key)
        target = url or (self.base(user) + path.lstrip("/"))
        if params:
            target += ("&" if "?" in target else "?") + urllib.parse.urlencode(params)
        hdrs = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            content_type = "application/json"
        if content_type:
            hdrs["Content-Type"] = content_type
        if body is None and method in ("POST", "PUT"):
            body = b""
        req = urllib.request.Request(target, data=body, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            data = e.read()
            e.close()
            return Response(e.code, e.headers, data)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def upload(self, filename, data, user="alice", params=None, field="file", **kw):
        ct, body = multipart(files=[(field, filename, data)])
        return self.request("POST", "api/v1/imports", user=user, params=params, body=body,
                            content_type=ct, **kw)

    def import_file(self, filename, data, user="alice", params=None, timeout=60, **kw):
        r = self.upload(filename, data, user=user, params=params, **kw)
        assert r.status == 200, r
        return self.wait(r.json()["item_queue_id"], user=user, timeout=timeout, key=kw.get("key"))

    def import_url(self, url, user="alice", params=None, timeout=60):
        p = dict(params or {})
        p["url"] = url
        r = self.request("POST", "api/v1/imports", user=user, params=p)
        assert r.status == 200, r
        return self.wait(r.json()["item_queue_id"], user=user, timeout=timeout)

    def job(self, job_id, user="alice", key=None):
        if key is False:
            key = None
        r = self.get("api/v1/imports/" + job_id, user=user, key=key)
        assert r.status == 200, r
        return r.json()

    def wait(self, job_id, user="alice", timeout=60, key=None):
        deadline = time.time() + timeout
        while True:
            j = self.job(job_id, user=user, key=key)
            if j["state"] in FINAL:
                return j
            if time.time() > deadline:
                raise AssertionError("import %s still %s" % (job_id, j["state"]))
            time.sleep(0.05)

    def hooks(self, method, path, **kw):
        return self.request(method, path, key=False, url=self.url + path, **kw)


@pytest.fixture
def make_server(tmp_path):
    """Factory: make_server(*extra_args) starts a server on a fresh data dir."""
    servers = []

    def factory(*extra, data_dir=None, users=USERS, quiet=True, allow_private_urls=True):
        d = data_dir or str(tmp_path / ("data%d" % len(servers)))
        s = Server(d, ["--step-delay-ms", "0", "--test-hooks"] + list(extra), users=users,
                   quiet=quiet, allow_private_urls=allow_private_urls)
        servers.append(s)
        return s

    yield factory
    for s in servers:
        s.stop(signal.SIGKILL)
        if s.crash:
            warnings.warn("carto-import-server %s\n%s" % (s.crash, s.stderr_text))


@pytest.fixture
def server(make_server):
    return make_server()


# ---- test data ----
def csv_bytes(rows=3, header="lat,lon,name"):
    lines = [header] + ["%f,%f,name_%d" % (40 + i * 0.01, -3 - i * 0.01, i) for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def geojson_bytes(n=2):
    feats = [{"type": "Feature", "properties": {"name": "p%d" % i, "value": i},
              "geometry": {"type": "Point", "coordinates": [-3.7 + i, 40.4 + i]}} for i in range(n)]
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()


def kml_bytes():
    return b"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>one</name><Point><coordinates>-3.7,40.4,0</coordinates></Point></Placemark>
<Placemark><name>two</name><Point><coordinates>-3.8,40.5,0</coordinates></Point></Placemark>
</Document></kml>
"""


def gpx_bytes():
    return b"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="40.4" lon="-3.7"><name>a</name></wpt>
<wpt lat="40.5" lon="-3.8"><name>b</name></wpt>
</gpx>
"""


def ogr2ogr(tmp_path, fmt, src_name, src_bytes, out_name, extra=()):
    """Converts a generated file with GDAL's ogr2ogr (Debian package gdal-bin)."""
    exe = shutil.which("ogr2ogr")
    if not exe:
        pytest.skip("ogr2ogr not found (install Debian package gdal-bin)")
    src = tmp_path / src_name
    src.write_bytes(src_bytes)
    out = tmp_path / out_name
    subprocess.run([exe, "-f", fmt, str(out), str(src)] + list(extra), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


# ---- a local HTTP server for URL imports ----
class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {}
    etags = {}  # path -> ETag to send (and honour in If-None-Match)
    seen = []   # (path, {header: value}) of every request

    def do_GET(self):
        path = self.path.split("?")[0]
        self.seen.append((path, dict(self.headers.items())))
        route = self.routes.get(path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, body, delay = route
        if delay:
            time.sleep(delay)
        try:
            etag = self.etags.get(path)
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def file_server():
    """A threaded HTTP server: file_server.add(path, body, status=200, delay=0) -> URL."""
    class H(_Handler):
        routes = {}
        etags = {}
        seen = []

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()

    class FS:
        base = "http://127.0.0.1:%d" % httpd.server_address[1]

        def add(self, path, body=b"", status=200, delay=0, etag=None):
            H.routes[path] = (status, body, delay)
            if etag:
                H.etags[path] = etag
            else:
                H.etags.pop(path, None)
            return self.base + path

        def remove(self, path):
            H.routes.pop(path, None)

        def requests(self, path):
            """Headers of every request for path, oldest first."""
            return [h for p, h in H.seen if p == path]

    yield FS()
    httpd.shutdown()
    httpd.server_close()


def basic_auth(user, key):
    return "Basic " + base64.b64encode(("%s:%s" % (user, key)).encode()).decode()
