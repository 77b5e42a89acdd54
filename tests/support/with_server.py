#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Runs a command against a fresh carto-import-server, or serves one in the foreground.

The command-line form of cis_launcher.py: starts the server on a free loopback port with a
throwaway data directory and one user (--allow-private-urls: URL imports may fetch from
loopback, e.g. from --serve), and its log on stderr.

With `-- COMMAND`: exports CARTO_API_URL (http://127.0.0.1:PORT/user/USER/) and CARTO_API_KEY —
the variables the official SDK's examples use — and CARTO_IMPORT_SERVER_DATA, runs the command,
stops the server, and exits with the command's status.

Without a command (for C and shell callers): prints the server's own first line ("listening on
URL") and then "pid N" (the server's, to signal it directly), forwards SIGTERM, SIGINT and
SIGHUP to it, and exits when it ends: 0 after a clean stop, 128+N if signal N ended it. It
says so on stderr if the server crashed. The server dies with this process.

  --data DIR      use DIR as the data directory (kept) instead of a throwaway one
  --serve DIR     also serve DIR over http on another free port, exported as SAMPLES_URL
  --path DIR      prepend DIR to PATH for the command
  --expect REGEX  the command's output must match REGEX (repeatable); it is echoed
  --tls           serve https with a certificate from a throwaway CA (make_tls_certs.sh);
                  exports CARTO_CA_BUNDLE (the CA) and CARTO_TLS_CERTS (the directory)

usage: with_server.py SERVER [--user NAME:KEY] [--server-arg=ARG ...] [--data DIR] [--serve DIR]
                      [--path DIR] [--expect REGEX ...] [--tls] [-- COMMAND [ARGS...]]
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from cis_launcher import LOG_INHERIT, CisServer, LaunchError


def serve_files(directory):
    """Serves directory over http on a free loopback port; returns its URL."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    files = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    threading.Thread(target=files.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{files.server_address[1]}/"


def run_command(server, args, command, env):
    user, key = args.user.split(":", 1)
    env = dict(os.environ, CARTO_API_URL=f"{server.url.rstrip('/')}/user/{user}/",
               CARTO_API_KEY=key, CARTO_IMPORT_SERVER_DATA=server.data_dir, **env)
    if args.path:
        env["PATH"] = os.pathsep.join(args.path + [env.get("PATH", "")])
    if args.serve:
        env["SAMPLES_URL"] = serve_files(args.serve)
    if not args.expect:
        return subprocess.call(command, env=env)
    run = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True)
    sys.stdout.write(run.stdout)
    for pattern in args.expect:
        if not re.search(pattern, run.stdout):
            print(f"with_server: output does not match {pattern!r}", file=sys.stderr)
            return 1
    return run.returncode


def serve_in_foreground(server):
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda number, _frame: server.proc and server.proc.send_signal(number))
    print(server.first_line, f"pid {server.pid}", sep="\n", flush=True)
    rc = server.wait()
    if server.crash:
        print(f"with_server: carto-import-server {server.crash}", file=sys.stderr)
    return 128 - rc if rc < 0 else rc


def main() -> int:
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("server")
    parser.add_argument("--user", default="demo:demo-master-key")
    parser.add_argument("--server-arg", action="append", default=[])
    parser.add_argument("--data")
    parser.add_argument("--serve")
    parser.add_argument("--path", action="append", default=[])
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--tls", action="store_true")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    certs = tempfile.mkdtemp(prefix="carto-import-certs-") if args.tls else None
    tls_env, tls_args = {}, []
    if certs:
        subprocess.run(["sh", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           "make_tls_certs.sh"), certs], check=True)
        tls_args = ["--tls-cert", os.path.join(certs, "server.pem"),
                    "--tls-key", os.path.join(certs, "server.key")]
        tls_env = {"CARTO_CA_BUNDLE": os.path.join(certs, "ca.pem"), "CARTO_TLS_CERTS": certs}
    name, key = args.user.split(":", 1)
    server = CisServer(args.server, users={name: key}, args=tls_args + args.server_arg,
                       data_dir=args.data, log=LOG_INHERIT, die_with_parent=True)
    try:
        try:
            server.start()
        except LaunchError as e:
            print(f"with_server: {e}", file=sys.stderr)
            return 1
        return run_command(server, args, command, tls_env) if command else serve_in_foreground(server)
    finally:
        server.close()
        if certs:
            shutil.rmtree(certs, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
