#!/usr/bin/env python3
"""Runs a command against a fresh carto-import-server.

Starts the server on a free loopback port with a throwaway data directory and one user, exports
CARTO_API_URL (http://127.0.0.1:PORT/user/USER/) and CARTO_API_KEY — the variables the official
SDK's examples use — runs the command, stops the server, and exits with the command's status.

usage: with_server.py SERVER [--user NAME:KEY] [--server-arg ARG ...] -- COMMAND [ARGS...]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--user", default="demo:demo-master-key")
    parser.add_argument("--server-arg", action="append", default=[])
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    data = tempfile.mkdtemp(prefix="carto-import-server-")
    server = subprocess.Popen(
        [args.server, "--port", "0", "--data", data, "--user", args.user, *args.server_arg],
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
                   CARTO_IMPORT_SERVER_DATA=data)
        return subprocess.call(command, env=env)
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
