#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Runs a command against a fresh carto-import-server.

Starts the server on a free loopback port with a throwaway data directory and one user, exports
CARTO_API_URL (http://127.0.0.1:PORT/user/USER/) and CARTO_API_KEY — the variables the official
SDK's examples use — runs the command, stops the server, and exits with the command's status.

  --serve DIR     also serve DIR over http on another free port, exported as SAMPLES_URL
  --path DIR      prepend DIR to PATH for the command
  --expect REGEX  the command's output must match REGEX (repeatable); it is echoed
  --tls           serve https with a certificate from a throwaway CA (make_tls_certs.sh);
                  exports CARTO_CA_BUNDLE (the CA) and CARTO_TLS_CERTS (the directory)

The server runs with --allow-private-urls: URL imports may fetch from loopback (--serve).

usage: with_server.py SERVER [--user NAME:KEY] [--server-arg ARG ...] [--serve DIR]
                      [--path DIR] [--expect REGEX ...] [--tls] -- COMMAND [ARGS...]
"""
import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--user", default="demo:demo-master-key")
    parser.add_argument("--server-arg", action="append", default=[])
    parser.add_argument("--serve")
    parser.add_argument("--path", action="append", default=[])
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--tls", action="store_true")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    data = tempfile.mkdtemp(prefix="carto-import-server-")
    tls_env, tls_args = {}, []
    if args.tls:
        certs = os.path.join(data, "certs")
        subprocess.run(["sh", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           "make_tls_certs.sh"), certs], check=True)
        tls_args = ["--tls-cert", os.path.join(certs, "server.pem"),
                    "--tls-key", os.path.join(certs, "server.key")]
        tls_env = {"CARTO_CA_BUNDLE": os.path.join(certs, "ca.pem"), "CARTO_TLS_CERTS": certs}
    server = subprocess.Popen(
        [args.server, "--port", "0", "--data", data, "--user", args.user, "--allow-private-urls",
         *tls_args,
         *args.server_arg],
        stdout=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline().strip()
        prefix = "listening on "
        if not first.startswith(prefix):
            print(f"with_server: unexpected first line {first!r}", file=sys.stderr)
            return 1
        user, key = args.user.split(":", 1)
        env = dict(os.environ,
                   CARTO_API_URL=f"{first[len(prefix):].rstrip('/')}/user/{user}/",
                   CARTO_API_KEY=key,
                   CARTO_IMPORT_SERVER_DATA=data, **tls_env)
        if args.path:
            env["PATH"] = os.pathsep.join(args.path + [env.get("PATH", "")])
        if args.serve:
            handler = functools.partial(QuietHandler, directory=args.serve)
            files = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=files.serve_forever, daemon=True).start()
            env["SAMPLES_URL"] = f"http://127.0.0.1:{files.server_address[1]}/"
        if not args.expect:
            return subprocess.call(command, env=env)
        run = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True)
        sys.stdout.write(run.stdout)
        for pattern in args.expect:
            if not re.search(pattern, run.stdout):
                print(f"with_server: output does not match {pattern!r}", file=sys.stderr)
                return 1
        return run.returncode
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
