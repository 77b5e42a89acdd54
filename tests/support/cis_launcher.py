# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The one way tests and benchmarks start carto-import-server (stdlib only).

    server = CisServer(binary, users={"alice": "alice-key"}, args=["--test-hooks"])
    server.start()          # a free loopback port; waits for "listening on URL"
    server.url, server.port, server.pid, server.data_dir
    server.stop()           # SIGTERM (or the signal given), SIGKILL after 15 s; returns the status
    server.log_text         # its stderr, read back at stop (log=LOG_INHERIT: the caller's stderr)
    server.crash            # why it ended badly ("killed by SIGSEGV"), else None

Every server gets --port 0, --data DIR (a throwaway directory, removed by close(), unless one is
given), one --user per account, --allow-private-urls (the tests' URL imports fetch from
loopback) unless told otherwise, --quiet when asked, then the caller's flags (the server keeps
the last value of a repeated flag). The command-line form is with_server.py.
"""
import ctypes
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time

LOG_CAPTURE, LOG_INHERIT = "capture", "inherit"
LISTENING = "listening on "
# Signals that mean the server crashed rather than was stopped.
CRASH_SIGNALS = (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGFPE, signal.SIGILL,
                 signal.SIGTRAP, signal.SIGSYS)


class LaunchError(RuntimeError):
    """The server did not print its "listening on" line."""


_LIBC = ctypes.CDLL(None)  # resolved here: the child of a fork should not load anything


def _die_with_parent():
    """In the child: SIGKILL when the launcher goes away, however it goes (Linux prctl)."""
    _LIBC.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _end(returncode):
    if returncode is not None and returncode < 0:
        return "killed by " + signal.Signals(-returncode).name
    return "exited with status %s" % returncode


class CisServer:
    def __init__(self, binary, users=None, args=(), data_dir=None, quiet=False,
                 allow_private_urls=True, log=LOG_CAPTURE, die_with_parent=False):
        """users: {name: key}. die_with_parent: the server gets SIGKILL if this process dies
        (forks through a Python pre-exec hook: only while no other thread runs)."""
        self.binary = binary
        self.own_data_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="carto-import-server-")
        command = [binary, "--port", "0", "--data", self.data_dir]
        for name, key in (users or {}).items():
            command += ["--user", "%s:%s" % (name, key)]
        if quiet:
            command.append("--quiet")
        if allow_private_urls:
            command.append("--allow-private-urls")
        self.command = command + list(args)
        self.log = log
        self.die_with_parent = die_with_parent
        self.proc = self._log_file = None
        self.url = self.port = self.first_line = None
        self.log_text = ""
        self.crash = None

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def start(self, timeout=30):
        """Starts the server and waits for its first line; raises LaunchError if it does not
        come within timeout seconds or is not "listening on URL"."""
        self._log_file = tempfile.TemporaryFile() if self.log == LOG_CAPTURE else None
        self.crash = None
        self.proc = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=self._log_file,
                                     preexec_fn=_die_with_parent if self.die_with_parent else None)
        line = self._first_line(timeout)
        if not line.startswith(LISTENING):
            self.stop(signal.SIGKILL)
            raise LaunchError("carto-import-server did not start: first line %r, %s\n%s"
                              % (line, self.crash or "still running", self.log_text))
        self.first_line = line
        self.url = line[len(LISTENING):]
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    def _first_line(self, timeout):
        fd, got, end = self.proc.stdout.fileno(), b"", time.monotonic() + timeout
        while b"\n" not in got:
            left = end - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            got += chunk
        return got.split(b"\n", 1)[0].decode("utf-8", "replace").strip()

    def wait(self):
        """Waits until the server ends (whoever stopped it); returns its status."""
        self.proc.wait()
        return self._reaped()

    def stop(self, sig=signal.SIGTERM, timeout=15):
        """Sends sig unless the server already ended, SIGKILL if it is still there after
        timeout seconds; returns its status (negative: the signal that ended it), None if it
        was not running. A crash signal, or a failure before it was stopped, is noted in
        self.crash."""
        if not self.proc:
            return None
        if self.proc.poll() is not None:
            if self.proc.returncode:
                self.crash = "ended before it was stopped: " + _end(self.proc.returncode)
        else:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self._reaped()

    def _reaped(self):
        rc = self.proc.returncode
        if rc is not None and rc < 0 and -rc in CRASH_SIGNALS:
            self.crash = _end(rc)
        self.proc.stdout.close()
        if self._log_file:
            self._log_file.seek(0)
            self.log_text = self._log_file.read().decode("utf-8", "replace")
            self._log_file.close()
            self._log_file = None
        self.proc = None
        return rc

    def restart(self, sig=signal.SIGTERM):
        """Stops the server and starts it again on the same data directory (a new port)."""
        self.stop(sig)
        return self.start()

    def close(self, sig=signal.SIGTERM):
        """Stops the server and removes the data directory if it made it."""
        rc = self.stop(sig)
        if self.own_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        return rc

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()
