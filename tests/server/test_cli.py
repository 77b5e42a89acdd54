# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Command line, configuration file, startup and shutdown."""
import json
import re
import signal
import subprocess

from conftest import SERVER, Server, csv_bytes


def run(*args):
    return subprocess.run([SERVER] + list(args), capture_output=True, text=True, timeout=20)


def test_help_documents_every_flag():
    r = run("--help")
    assert r.returncode == 0
    for flag in ("--port", "--data", "--user", "--bind", "--workers", "--max-concurrent-imports",
                 "--max-file-size", "--max-rows", "--quota-bytes", "--table-quota",
                 "--max-upload-bytes", "--max-unpacked-bytes", "--time-scale", "--step-delay-ms",
                 "--test-hooks", "--config", "--allow-url-schemes", "--quiet", "--http-threads",
                 "--max-connections", "--header-timeout", "--read-timeout", "--min-body-rate",
                 "--max-columns", "--max-csv-line-bytes", "--max-csv-cell-bytes",
                 "--max-field-bytes", "--allow-private-urls", "--tls-cert", "--tls-key",
                 "--version"):
        assert flag in r.stdout, flag


def test_bad_command_lines(tmp_path):
    d = str(tmp_path / "d")
    assert run("--user", "a:b").returncode == 2                      # no --data
    assert run("--data", d).returncode == 2                          # no user
    assert run("--data", d, "--user", "nokey").returncode == 2
    assert run("--data", d, "--user", "a:b", "--port", "x").returncode == 2
    assert run("--data", d, "--user", "a:b", "--tls-cert", "c.pem").returncode == 2  # no key
    bad = run("--data", d, "--user", "a:b", "--port", "0", "--tls-cert", d + "/none.pem",
              "--tls-key", d + "/none.pem")
    assert bad.returncode != 0 and "none.pem" in bad.stderr, bad
    # an int option beyond what its field holds is refused, not wrapped (2**32 + 1 would be 1)
    assert run("--data", d, "--user", "a:b", "--max-concurrent-imports", "4294967297").returncode == 2
    assert run("--data", d, "--user", "a:b", "--bogus", "1").returncode == 2
    assert run("--data", d, "--user", "a:b", "--time-scale", "0.1").returncode == 2  # test hook


def test_config_files(tmp_path):
    kv = tmp_path / "server.conf"
    kv.write_text("# users\nuser = carol:ckey\nuser = dave:dkey\nstep-delay-ms = 0\nquiet = true\n")
    s = Server(str(tmp_path / "d1"), ["--config", str(kv)], users={})
    try:
        assert s.get("api/v1/imports", user="carol", key="ckey").status == 200
        assert s.get("api/v1/imports", user="dave", key="dkey").status == 200
        assert s.get("api/v1/imports", user="dave", key="ckey").status == 401
    finally:
        assert s.stop() == 0
    js = tmp_path / "server.json"
    js.write_text(json.dumps({"users": ["erin:ekey"], "step-delay-ms": 0, "test-hooks": True,
                              "max-concurrent-imports": 1}))
    s = Server(str(tmp_path / "d2"), ["--config", str(js), "--max-rows", "3"], users={})
    try:
        job = s.import_file("c.csv", csv_bytes(5), user="erin", key="ekey")
        assert job["error_code"] == 6668  # the command line adds to the file
        assert s.hooks("GET", "/_test/requests").status == 200
    finally:
        s.stop()


def test_port_in_use_and_signals(tmp_path):
    s = Server(str(tmp_path / "d"), ["--step-delay-ms", "0"])
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", s.url)
    r = run("--data", str(tmp_path / "other"), "--user", "a:b", "--port", str(s.port))
    assert r.returncode == 1 and "cannot listen" in r.stderr
    assert s.stop(signal.SIGINT) == 0
