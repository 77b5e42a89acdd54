#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""A throwaway PostgreSQL cluster for tests (Debian package `postgresql`).

initdb in a temporary directory, a server on a free loopback port (TCP with password
authentication; a Unix socket in the same directory for the superuser), one database owned by one
user with a password. Everything is removed at the end. As root, initdb and the server run as the
`postgres` system user (initdb refuses root).

Library:
    with PgCluster() as pg:
        pg.psql("CREATE TABLE t (id int)")          # as the database's owner
        pg.env()                                     # PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE
        pg.connection()                              # {"server", "port", "database", "username", "password", "sslmode"}

CLI:
    pg_cluster.py [--user U] [--password P] [--database D] [--sql SQL ...] -- COMMAND [ARGS...]
runs COMMAND with PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE exported (and PGSSLMODE=disable),
after running every --sql statement in the database, and exits with its status.
"""
import argparse
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def _bindir():
    env = os.environ.get("PG_BINDIR")
    if env:
        return env
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if versions:  # Debian's layout: the newest installed version
        return os.path.dirname(versions[-1])
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(os.path.realpath(found))
    return None


def available():
    """True when the PostgreSQL server binaries are installed."""
    d = _bindir()
    return bool(d) and os.access(os.path.join(d, "initdb"), os.X_OK)


def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class PgCluster:
    def __init__(self, user="carto", password="carto-secret", database="gis"):
        self.user, self.password, self.database = user, password, database
        self.bindir = _bindir()
        if not self.bindir:
            raise RuntimeError("PostgreSQL server binaries not found (Debian package postgresql)")
        self.dir = None
        self.port = None
        self._as = []  # command prefix to run as the postgres system user when root

    # ---- life cycle ----
    def start(self):
        self.dir = tempfile.mkdtemp(prefix="pg-cluster-")
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.dir, "data")
        self._run(self._as + [self._bin("initdb"), "-D", data, "-U", "postgres", "-E", "UTF8",
                              "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256"])
        last = None
        for _ in range(5):  # a port taken meanwhile: another one
            self.port = _free_port()
            opts = "-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c full_page_writes=off" % (
                self.port, self.dir)
            r = subprocess.run(self._as + [self._bin("pg_ctl"), "-D", data, "-l",
                                           os.path.join(self.dir, "log"), "-o", opts, "-w", "-t", "30",
                                           "start"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
            if r.returncode == 0:
                break
            last = r.stdout + self.log()
        else:
            raise RuntimeError("cannot start PostgreSQL: %s" % last)
        self.admin("CREATE ROLE %s LOGIN PASSWORD %s" % (self.ident(self.user), self.literal(self.password)))
        self.admin("CREATE DATABASE %s OWNER %s" % (self.ident(self.database), self.ident(self.user)))
        return self

    def stop(self):
        if not self.dir:
            return
        data = os.path.join(self.dir, "data")
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(self._as + [self._bin("pg_ctl"), "-D", data, "-m", "immediate", "-w",
                                       "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()

    # ---- helpers ----
    def _bin(self, name):
        return os.path.join(self.bindir, name)

    @staticmethod
    def _run(cmd, **kw):
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
        if r.returncode != 0:
            raise RuntimeError("%s failed: %s" % (" ".join(cmd[:6]), r.stdout.decode("utf-8", "replace")))
        return r.stdout

    @staticmethod
    def ident(name):
        return '"' + name.replace('"', '""') + '"'

    @staticmethod
    def literal(text):
        return "'" + text.replace("'", "''") + "'"

    def log(self):
        try:
            with open(os.path.join(self.dir, "log"), encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def env(self):
        return {"PGHOST": "127.0.0.1", "PGPORT": str(self.port), "PGUSER": self.user,
                "PGPASSWORD": self.password, "PGDATABASE": self.database, "PGSSLMODE": "disable"}

    def connection(self):
        """The connector's "connection" object for this cluster."""
        return {"server": "127.0.0.1", "port": self.port, "database": self.database,
                "username": self.user, "password": self.password, "sslmode": "disable"}

    def admin(self, sql, database="postgres"):
        """Runs SQL as the superuser (Unix socket, trust) and returns psql's unaligned output."""
        return self._psql(sql, ["-h", self.dir, "-U", "postgres", "-d", database], {})

    def psql(self, sql, database=None):
        """Runs SQL (text, or bytes in any encoding) as the database's owner over TCP."""
        return self._psql(sql, ["-h", "127.0.0.1", "-U", self.user, "-d", database or self.database],
                          self.env())

    def _psql(self, sql, args, env):
        cmd = [self._bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-p", str(self.port)] + args
        payload = sql if isinstance(sql, bytes) else sql.encode("utf-8")
        r = subprocess.run(cmd, input=payload, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=dict(os.environ, **env))
        if r.returncode != 0:
            raise RuntimeError("psql: %s" % r.stderr.decode("utf-8", "replace"))
        return r.stdout.decode("utf-8", "replace")


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="carto")
    parser.add_argument("--password", default="carto-secret")
    parser.add_argument("--database", default="gis")
    parser.add_argument("--sql", action="append", default=[])
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        sys.exit("pg_cluster.py: no command")
    with PgCluster(args.user, args.password, args.database) as pg:
        for sql in args.sql:
            pg.psql(sql)
        return subprocess.call(command, env=dict(os.environ, **pg.env()))


if __name__ == "__main__":
    sys.exit(main())
