# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""A tiny HTTP server for the download tests: prints its port, then serves fixed routes."""
import http.server
import sys
import time

CSV = b"name,n\na,1\n"
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None, length=True):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size limit)
            pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/data.csv":
            if self.headers.get("If-None-Match") == ETAG or \
               self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, headers={"ETag": ETAG})
            return self.send(200, CSV, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        routes = {"/missing": 404, "/private": 401, "/forbidden": 403, "/error": 500}
        if path in routes:
            return self.send(routes[path], b"nope")
        if path == "/redirect":
            return self.send(302, headers={"Location": "/data.csv"})
        if path == "/loop":
            return self.send(302, headers={"Location": "/loop"})
        if path == "/to-other-port":
            return self.send(302, headers={"Location": "http://127.0.0.1:1/data.csv"})
        if path == "/to-file":
            return self.send(302, headers={"Location": "file:///etc/passwd"})
        if path == "/slow":
            time.sleep(3)
            return self.send(200, CSV)
        if path == "/big":
            return self.send(200, b"x" * (2 << 20))
        if path == "/big-unsized":  # no Content-Length: only the streamed count can stop it
            return self.send(200, b"x" * (2 << 20), length=False)
        if path == "/disposition":
            return self.send(200, CSV, {"Content-Disposition": 'attachment; filename="report 2020.csv"'})
        if path == "/disposition-star":
            return self.send(200, CSV, {"Content-Disposition":
                                        "attachment; filename*=UTF-8''caf%C3%A9.csv"})
        if path == "/noext":
            return self.send(200, CSV, {"Content-Type": "text/csv; charset=utf-8"})
        return self.send(200, CSV)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
