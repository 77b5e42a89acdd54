# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 4): slow clients cannot starve others.

20 connections that send a header line every few seconds (more than the 16 threads started up
front) used to hold every HTTP thread, and every other request waited 30-46 s. Each connection
now has its own thread, and a request's head has a deadline (--header-timeout). About 15 s.
"""
import socket
import time

from conftest import USERS


def slow_connection(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"GET /user/alice/api/v1/imports HTTP/1.1\r\nHost: localhost\r\n")
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


def test_a_request_head_has_a_deadline(make_server):
    server = make_server()  # --header-timeout 10 by default
    s = slow_connection(server)
    closed = False
    try:
        for _ in range(60):  # one header line every 0.25 s: each read is quick, the head never ends
            time.sleep(0.25)
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                closed = True
                break
            s.setblocking(False)
            try:
                if s.recv(4096) is not None:
                    closed = True
                    break
            except BlockingIOError:
                pass
            except OSError:
                closed = True
                break
            finally:
                s.setblocking(True)
    finally:
        s.close()
    assert closed, "a request head that never ends kept its connection for 15 s"
    r = server.get("api/v1/imports", params={"api_key": USERS["alice"]})
    assert r.status == 200
