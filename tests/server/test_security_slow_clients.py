# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 4): slow clients cannot starve others.

20 connections that send a header line every few seconds (more than the 16 threads started up
front) used to hold every HTTP thread, and every other request waited 30-46 s. Each connection
now has its own thread, and a request's head has a deadline (--header-timeout). Over https
the same, the TLS handshake within the head's deadline (cpp-httplib's TLS server, used before,
gave a silent or slow client a pool thread for as long as it liked). About 25 s.
"""
import http.client
import os
import socket
import ssl
import subprocess
import time

import pytest

from conftest import USERS


REQUEST_HEAD = b"GET /user/alice/api/v1/imports HTTP/1.1\r\nHost: localhost\r\n"


def slow_connection(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(REQUEST_HEAD)
    return s


def test_twenty_slow_clients_do_not_delay_an_authenticated_get(make_server):
    server = make_server()
    slow = [slow_connection(server) for _ in range(20)]
    try:
        for _ in range(2):
            time.sleep(1)
            for s in slow:
                s.sendall(b"X-Slow: 1\r\n")
            # The deadline: answered within 2 s with 20 such connections open.
            start = time.monotonic()
            r = server.get("api/v1/imports", timeout=10)
            assert r.status == 200, r
            assert time.monotonic() - start < 2.0
    finally:
        for s in slow:
            s.close()


def closed_while_sending_header_lines(s, seconds):
    """Sends a header line every 0.25 s, and after each answer (a 400) the head of another
    request: True when the server closes `s` within `seconds`."""
    s.settimeout(0.25)
    line = b"X-Slow: 1\r\n"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            s.sendall(line)
            line = b"X-Slow: 1\r\n"
            if not s.recv(4096):
                return True
            line = REQUEST_HEAD
        except (socket.timeout, ssl.SSLWantReadError):
            continue
        except OSError:
            return True
    return False


def test_a_request_head_has_a_deadline(make_server):
    # Each read is quick, the head never ends: after --header-timeout a 400, and the connection
    # closes (it used to stay open for the next request, up to 5 of them: 5 deadlines).
    server = make_server("--header-timeout", "3")
    s = slow_connection(server)
    try:
        assert closed_while_sending_header_lines(s, 6), "a request head that never ends kept its connection"
    finally:
        s.close()
    r = server.get("api/v1/imports", params={"api_key": USERS["alice"]})
    assert r.status == 200


# ---- https ----

@pytest.fixture
def tls_server(make_server, tmp_path):
    certs = str(tmp_path / "certs")
    subprocess.run(["sh", os.path.join(os.path.dirname(__file__), "..", "support",
                                       "make_tls_certs.sh"), certs], check=True)
    server = make_server("--tls-cert", os.path.join(certs, "server.pem"),
                         "--tls-key", os.path.join(certs, "server.key"), "--header-timeout", "3")
    assert server.url.startswith("https://")
    server.tls_context = ssl.create_default_context(cafile=os.path.join(certs, "ca.pem"))
    return server


def tls_get(server, timeout=10):
    c = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=timeout,
                                    context=server.tls_context)
    try:
        c.request("GET", "/user/alice/api/v1/imports?api_key=" + USERS["alice"])
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def slow_tls_connection(server):
    s = server.tls_context.wrap_socket(socket.create_connection(("127.0.0.1", server.port), timeout=10),
                                       server_hostname="127.0.0.1")
    s.sendall(REQUEST_HEAD)
    return s


def test_https_slow_and_silent_clients_do_not_delay_an_authenticated_get(tls_server):
    silent = [socket.create_connection(("127.0.0.1", tls_server.port), timeout=10) for _ in range(20)]
    slow = [slow_tls_connection(tls_server) for _ in range(20)]
    try:
        time.sleep(1)
        for s in slow:
            s.sendall(b"X-Slow: 1\r\n")
        start = time.monotonic()
        status, _ = tls_get(tls_server)
        assert status == 200
        assert time.monotonic() - start < 2.0
    finally:
        for s in silent + slow:
            s.close()


def test_https_handshake_and_head_have_the_head_deadline(tls_server):
    silent = socket.create_connection(("127.0.0.1", tls_server.port), timeout=10)  # no ClientHello
    slow = slow_tls_connection(tls_server)
    try:
        assert closed_while_sending_header_lines(slow, 6), "a TLS request head that never ends kept its connection"
        silent.settimeout(3)
        assert silent.recv(4096) == b"", "a client that never began TLS kept its connection"
    finally:
        silent.close()
        slow.close()
    assert tls_get(tls_server)[0] == 200
