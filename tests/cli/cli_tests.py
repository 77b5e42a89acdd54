#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Tests of the carto-import tool, one per function test_NAME, run through with_server.py:

  with_server.py SERVER --serve examples/data -- cli_tests.py TOOL NAME

The server's URL and key come from the environment (CARTO_API_URL, CARTO_API_KEY), and the
served examples/data from SAMPLES_URL. CARTO_IMPORT_CLI_WRAPPER, when set, prefixes every run
of the tool (e.g. with valgrind). Tests without a server run with the environment as it is.
"""
import json
import os
import pty
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile

TOOL = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "data")
CSV = os.path.join(DATA, "world_cities.csv")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Run:
    def __init__(self, args, proc):
        self.args, self.code, self.out, self.err = args, proc.returncode, proc.stdout, proc.stderr

    def json(self):
        return json.loads(self.out)


def run(*args, expect=0, stdin=None, env=None):
    """Runs the tool; checks its exit status; echoes what it printed."""
    cmd = shlex.split(os.environ.get("CARTO_IMPORT_CLI_WRAPPER", "")) + [TOOL, *args]
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=300)
    r = Run(args, proc)
    print(f"$ carto-import {' '.join(args)}  -> {r.code}")
    sys.stdout.write(r.out)
    sys.stdout.write(r.err)
    check(expect is None or r.code == expect, f"exit status {r.code}, expected {expect}")
    return r


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def contains(text, pattern):
    check(re.search(pattern, text), f"no match for {pattern!r}")


def samples_url(name):
    return os.environ["SAMPLES_URL"] + name


def import_csv(*extra):
    """Imports world_cities.csv with --json; returns the new dataset's JSON."""
    doc = run("--json", "import", CSV, *extra).json()
    check(doc["job"]["state"] == "complete", "the job is complete")
    check(len(doc["datasets"]) == 1, "one dataset")
    return doc["datasets"][0]


# ---- without a server ----------------------------------------------------------------------

def test_help():
    main = run("--help").out
    for section in ("Usage: carto-import", "Commands:", "Global options", "Environment:",
                    "Exit status:", "CARTO_API_KEY"):
        contains(main, re.escape(section))
    for code in [*range(9), 10, 130]:
        contains(main, rf"\n +{code}  \S")
    commands = re.findall(r"^  ([a-z]+(?: [a-z-]+)?) +\S", main.split("Commands:")[1]
                          .split("\n\n")[0], re.M)
    check(len(commands) >= 15, f"all the commands are listed: {commands}")
    for command in commands:
        text = run(*command.split(), "--help").out
        contains(text, rf"^Usage: carto-import {re.escape(command)}\b")
        check(max(len(line) for line in text.splitlines()) <= 80, "lines fit in 80 columns")
    contains(run("datasets", "--help").out, r"datasets delete")
    contains(run("-h").out, r"^Usage")
    contains(run("--version").out, r"^carto-import \d+\.\d+\.\d+ \(libcarto_import ")


def test_version_and_completion():
    for flag in ("-V", "--version"):
        contains(run(flag).out, r"^carto-import \d+\.\d+\.\d+ \(libcarto_import \d+\.\d+\.\d+\)\n$")
    script = run("completion", "bash").out
    check(subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0, "bash -n")
    probe = script + textwrap.dedent("""
        comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _carto_import; echo "${COMPREPLY[*]}"; }
        comp carto-import da
        comp carto-import syncs ""
        comp carto-import --timeout 5 datasets update world --pri
        comp carto-import import f.csv --collision ""
        comp carto-import import --
    """)
    lines = subprocess.run(["bash"], input=probe, text=True, capture_output=True).stdout
    print(lines)
    lines = lines.splitlines()
    check(lines[0] == "datasets", "the group")
    check(lines[1].split() == ["create", "list", "show", "force", "set-interval", "delete"],
          "the group's commands")
    check(lines[2] == "--privacy", "the command's option, past a global option's value")
    check(lines[3] == "rename skip overwrite", "an option's choices")
    check("--sync-interval" in lines[4] and "--verbose" in lines[4], "command and global options")
    zsh = run("completion", "zsh").out
    check("bashcompinit" in zsh and "complete -o filenames -F _carto_import carto-import" in zsh,
          "zsh loads the same script")
    contains(run("completion", "fish", expect=1).err, r"not bash or zsh")
    contains(run("--help").out, r"130 +interrupted \(Ctrl-C\)")


def test_usage_errors():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARTO_API_")}
    cases = [
        (["frobnicate"], r"unknown command 'frobnicate'\nTry 'carto-import --help'"),
        ([], r"missing command"),
        (["datasets"], r"missing datasets command\nTry 'carto-import datasets --help'"),
        (["datasets", "frob"], r"unknown command 'datasets frob'"),
        (["import"], r"missing argument.*\nTry 'carto-import import --help'"),
        (["datasets", "show", "a", "b"], r"unexpected argument 'b'"),
        (["import", "a.csv", "--bogus"], r"unknown option '--bogus'"),
        (["import", "a.csv", "--privacy", "secret"], r"--privacy: 'secret' is not one of"),
        (["import", "a.csv", "--collision"], r"--collision needs a value"),
        (["import", "a.csv", "--sync-interval", "900"], r"needs a URL"),
        (["import", "a.csv", "--create-vis=yes"], r"--create-vis takes no value"),
        (["--timeout", "soon", "jobs", "list"], r"--timeout wants a whole number"),
        (["syncs", "set-interval", "x", "often"], r"SECONDS wants a whole number"),
        (["syncs", "create", "http://example.com/a.csv"], r"--interval SECONDS is required"),
        (["datasets", "update", "x"], r"nothing to change"),
        (["datasets", "list"], r"no account URL: give --url URL or set CARTO_API_URL"),
        (["--url", "http://127.0.0.1:1/user/demo/", "jobs", "list"], r"no API key"),
    ]
    for args, message in cases:
        contains(run(*args, expect=1, env=env).err, message)
    doc = json.loads(run("--json", "frobnicate", expect=1).err)
    check(doc["error"]["exit_code"] == 1 and "frobnicate" in doc["error"]["message"], "JSON")


def test_other_error():
    """A status in none of the exit table's ranges (here a reply that is not CARTO's) is
    exit 10, "any other error", whatever the table's last row."""
    import http.server
    import threading

    class NotCarto(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "8")
            self.end_headers()
            self.wfile.write(b"not json")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), NotCarto)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/user/demo/"
        r = run("--insecure", "--url", url, "--api-key", "Some-Key-1234", "datasets", "list",
                expect=10)
        contains(r.err, r"CARTO protocol")
        err = json.loads(run("--json", "--insecure", "--url", url, "--api-key", "Some-Key-1234",
                             "datasets", "list", expect=10).err)["error"]
        check(err["exit_code"] == 10 and err["status"] == -30, "exit 10 in the JSON error")
    finally:
        server.shutdown()


# ---- imports ----------------------------------------------------------------------------------

def test_import_file():
    r = run("import", CSV)
    contains(r.err, r"uploading world_cities\.csv: 100% \(437 B of 437 B\)")  # the file's bytes
    contains(r.err, r"sent gzip-compressed as world_cities\.csv\.gz: \d+ bytes")
    contains(r.err, r"import job [0-9a-f-]{36}: complete")
    contains(r.out, r"^ID +PRIVACY +ROWS +MAPS +NAME\n[0-9a-f-]{36} +PRIVATE +10 +0 +world_cities\n$")
    r = run("--quiet", "import", CSV, "--privacy", "public", "--collision", "rename")
    check(r.err == "", "--quiet prints nothing on stderr")
    contains(r.out, r"PUBLIC +10 +0 +world_cities_1\n$")


def test_import_compress():
    """--compress: gzip and auto send NAME.gz (auto: a CSV), none the file; same table."""
    for mode, gz in (("gzip", True), ("auto", True), ("none", False)):
        r = run("--json", "import", CSV, "--compress", mode, "--collision", "overwrite")
        doc = r.json()
        check(doc["job"]["display_name"] == "world_cities.csv" + (".gz" if gz else ""),
              f"--compress {mode}: the file sent")
        check(doc["datasets"][0]["name"] == "world_cities", f"--compress {mode}: the table")
        check(doc["datasets"][0]["table"]["row_count"] == 10, f"--compress {mode}: its rows")
    doc = run("--json", "import", "--parallel", "1", CSV, "--compress", "none",
              "--collision", "overwrite").json()
    check(doc["job"]["display_name"] == "world_cities.csv", "--compress none, several sources")
    r = run("import", CSV, "--compress", "zstd", expect=1)
    contains(r.err, r"--compress: 'zstd' is not one of auto, gzip or none")


def test_import_url():
    r = run("import", samples_url("world_cities.csv"), "--privacy", "link")
    contains(r.err, r": complete")
    contains(r.out, r"LINK +10 +0 +world_cities\n$")
    r = run("import", samples_url("world_cities.csv") + "?token=Tok-7q2w-SECRET",
            "--collision", "overwrite")
    contains(r.err, r"imported world_cities\.csv in ")  # the name, not the query
    check("Tok-7q2w-SECRET" not in r.err, "the query is not printed")


def test_import_json():
    dataset = import_csv("--no-type-guessing", "--content-guessing")
    check(dataset["name"] == "world_cities", "the dataset's name")
    check(dataset["table"]["row_count"] == 10, "its rows")
    doc = run("--json", "import", CSV, "--no-wait").json()
    check(UUID.fullmatch(doc["job"]["id"]), "--no-wait gives the job")


def test_import_archive():
    """An archive creates several datasets: all are shown."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "cities.zip")
        with zipfile.ZipFile(archive, "w") as z:
            z.write(CSV, "north.csv")
            z.write(CSV, "south.csv")
        r = run("import", archive)
        contains(r.out, r"PRIVATE +10 +0 +north\n")
        contains(r.out, r"PRIVATE +10 +0 +south\n")
        doc = run("--json", "import", archive).json()
        check(doc["job"]["tables_created_count"] == 2, "two tables")
        check(sorted(d["name"] for d in doc["datasets"]) == ["north_1", "south_1"], "both")


def on_a_terminal(*args, env=None):
    """Runs the tool with stderr on a pseudo-terminal: (exit status, stdout, stderr text)."""
    master, slave = pty.openpty()
    proc = subprocess.run([TOOL, *args], stderr=slave, stdout=subprocess.PIPE, text=True,
                          timeout=120, env=env)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    print(repr(err.decode()))
    return proc.returncode, proc.stdout, err.decode()


def test_import_progress_on_a_terminal():
    """stderr on a terminal: one line updated in place for the upload (bar, percent, bytes,
    rate, time left), then for the state with the time waited; the last line says how long
    it all took. NO_COLOR turns the bar's color off."""
    with tempfile.TemporaryDirectory() as folder:
        big = os.path.join(folder, "big_points.csv")
        with open(big, "w") as f:
            f.write("name,lat,lon\n")
            for i in range(300000):
                f.write(f"point {i},{i % 90}.5,{i % 180}.25\n")
        code, _, text = on_a_terminal("import", big)
    check(code == 0, "exit status 0")
    contains(text, r"\r\x1b\[Kuploading big_points\.csv \x1b\[32m\[#{20}\]\x1b\[0m 100%  "
                   r"\d+\.\d MB of \d+\.\d MB  \d+(\.\d)? [kMG]?B/s  ETA 0:00")
    # (mid-upload: the rate and time left once 100 ms have passed, placeholders before)
    contains(text, r"\[#*-+\]\x1b\[0m +\d+%  .* (\d+(\.\d)? [kMG]?B/s  ETA \d+:\d\d|--/s  ETA -:--)")
    contains(text, r"\r\x1b\[Kimport job [0-9a-f-]{36}: pending  0:0\d")
    contains(text, r"complete  \d+:\d\d\r?\n")
    contains(text, r"imported big_points\.csv in \d+\.\d s\r?\n$")
    code, _, text = on_a_terminal("import", CSV, env=dict(os.environ, NO_COLOR="1"))
    check(code == 0 and "\x1b[32m" not in text, "no color with NO_COLOR")
    contains(text, r"uploading world_cities\.csv \[#{20}\] 100%  437 B of 437 B")


def test_import_failure():
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(b"\x00\x01\x02 not a table")
        f.flush()
        r = run("import", f.name, expect=6)
        contains(r.err, r"CARTO error 1002: Unsupported/Unrecognized file type")
        contains(r.err, r"failure")
        err = json.loads(run("--json", "import", f.name, expect=6).err)["error"]
        check(err["exit_code"] == 6 and err["status"] == -40, "the status")
        check(err["carto_error"]["code"] == 1002, "the CARTO error code")
        check(err["carto_error"]["title"] == "Unsupported/Unrecognized file type", "the title")
        check(err["carto_error"]["explanation"], "an explanation")
    contains(run("import", "/nonexistent/cities.csv", expect=2).err, r"cannot open")


def test_bad_key():
    r = run("--api-key", "not-the-key", "datasets", "list", expect=4)
    contains(r.err, r"HTTP 401")
    check("not-the-key" not in r.out + r.err, "the key is never printed")
    env = dict(os.environ, CARTO_API_KEY="not-the-key")
    r = run("import", CSV, expect=4, env=env)
    check("uploading" not in r.err, "the key is checked before uploading")


def test_not_found():
    contains(run("datasets", "show", "no_such_dataset", expect=5).err, r"finding dataset")
    run("datasets", "delete", "no_such_dataset", expect=5)
    run("jobs", "show", "00000000-0000-4000-8000-000000000000", expect=5)
    err = json.loads(run("--json", "datasets", "show", "nope", expect=5).err)["error"]
    check(err["http_status"] == 404 and err["exit_code"] == 5, "JSON error")


def test_network_error():
    r = run("--url", "http://127.0.0.1:1/user/demo/", "datasets", "list", expect=3)
    contains(r.err, r"connect")


def test_tls():
    """Against an https server whose CA is made at test time (with_server.py --tls)."""
    ca = os.environ["CARTO_CA_BUNDLE"]
    check(os.environ["CARTO_API_URL"].startswith("https://"), "an https server")
    r = run("datasets", "list", expect=3)
    contains(r.err, r"TLS|certificate")
    contains(r.err, r"unable to get local issuer certificate")
    run("--ca-bundle", ca, "import", CSV)
    contains(run("--ca-bundle", ca, "datasets", "list").out, r"world_cities")
    contains(run("--insecure", "datasets", "list").out, r"world_cities")
    other = os.path.join(os.environ["CARTO_TLS_CERTS"], "no-such-ca.pem")
    run("--ca-bundle", other, "datasets", "list", expect=3)


def test_timeout():
    r = run("--timeout", "1", "import", CSV, expect=3)
    contains(r.err, r"timed out after 1 s: import job ([0-9a-f-]{36}) is still '\w+'")
    job = re.search(UUID, r.err).group(0)
    contains(r.err, rf"carto-import jobs wait {job}")
    contains(run("jobs", "wait", job).out, r"world_cities")


def test_interrupt():
    """Ctrl-C while waiting stops waiting (exit 130), and the job goes on."""
    proc = subprocess.Popen([TOOL, "import", CSV], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # the server runs each step slowly (--step-delay-ms)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    print(out, err)
    check(proc.returncode == 130, f"exit status {proc.returncode}, expected 130 (128 + SIGINT)")
    contains(err, r"interrupted: stopped waiting; import job ([0-9a-f-]{36}) goes on")
    job = re.search(UUID, err).group(0)
    contains(run("jobs", "wait", job).out, r"world_cities")


def test_verbose():
    """-v: one line per HTTP request on stderr, from the library's debug callback; no key."""
    r = run("-v", "datasets", "list")
    contains(r.err, r"(?m)^\* GET /user/demo/api/v1/imports -> 200, \d+ B sent, \d+ B received, "
                    r"\d+ ms, attempt 1$")
    contains(r.err, r"(?m)^\* GET /user/demo/api/v1/viz\?type=table&.*per_page=100.* -> 200")
    check(os.environ["CARTO_API_KEY"] not in r.out + r.err, "the key is never printed")
    check("* GET" not in run("datasets", "list").err, "silent without -v")
    r = run("--verbose", "--json", "import", CSV)
    contains(r.err, r"(?m)^\* POST /user/demo/api/v1/imports -> 200, \d{3,} B sent")
    json.loads(r.out)


def test_parallel():
    """Several sources through one client, --parallel at a time, against a server with 2
    import slots: a source refused for lack of a slot waits for one; each result as it ends,
    then a summary; --json gives one object per source; the exit status is the highest."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name in ("first", "second", "third"):
            files.append(os.path.join(folder, f"{name}.csv"))
            with open(CSV) as src, open(files[-1], "w") as dst:
                dst.write(src.read())
        r = run("import", "--parallel", "2", *files)
        for name in ("first", "second", "third"):
            contains(r.err, rf"(?m)^{name}\.csv: complete: {name} \(\d+\.\d s\)$")
            contains(r.out, rf"(?m)^{name}\.csv +complete +1 +\d+\.\d s$")
        contains(r.out, r"^SOURCE +RESULT +DATASETS +TIME\n")
        r = run("import", "--parallel", "3", *files)
        contains(r.err, r"waiting for a free import slot")  # (3 at once, 2 slots)
        check(len(re.findall(r"complete: \w+_1 ", r.err)) == 3, "three more datasets")
        bad = os.path.join(folder, "bad.bin")
        with open(bad, "wb") as f:
            f.write(b"\x00\x01 not a table")
        r = run("--json", "import", "--parallel", "2", files[0], bad, expect=6)
        docs = [json.loads(line) for line in r.out.splitlines()]
        check(sorted(d["source"] for d in docs) == sorted([files[0], bad]), "one object each")
        for d in docs:
            if d["source"] == bad:
                check(d["exit_code"] == 6 and d["error"]["carto_error"]["code"] == 1002, "error")
            else:
                check(d["exit_code"] == 0 and d["error"] is None and len(d["datasets"]) == 1,
                      "the good one")
        contains(run("import", "--parallel", "0", CSV, expect=1).err, r"from 1 to 64")
        contains(run("import", "--sync-interval", "900", CSV, CSV, expect=1).err, r"one URL")
    names = [d["name"] for d in run("--json", "datasets", "list").json()["datasets"]]
    check(len(names) == 7, f"seven datasets: {names}")


# ---- datasets and jobs ------------------------------------------------------------------------

def test_datasets():
    dataset = import_csv()
    r = run("datasets", "list")
    contains(r.out, rf"{dataset['id']} +PRIVATE +10 +0 +world_cities\n")
    listed = run("--json", "datasets", "list").json()["datasets"]
    check([d["name"] for d in listed] == ["world_cities"], "the list as JSON")
    for key in ("world_cities", dataset["id"]):
        r = run("datasets", "show", key)
        contains(r.out, r"^id +" + dataset["id"])
        contains(r.out, r"\nrows +10\n")
    r = run("datasets", "update", "world_cities", "--privacy", "link", "--title", "World cities",
            "--description", "Ten cities")
    contains(r.out, r"\nprivacy +LINK\n")
    contains(r.out, r"\ntitle +World cities\n")
    shown = run("--json", "datasets", "show", dataset["id"]).json()
    check(shown["privacy"] == "LINK" and shown["description"] == "Ten cities", "saved")
    run("datasets", "update", "world_cities", "--description", "")
    check(run("--json", "datasets", "show", "world_cities").json()["description"] in (None, ""),
          "an empty TEXT clears the field")
    run("datasets", "update", "world_cities", "--privacy", "secret", expect=1)
    r = run("datasets", "update", "world_cities", "--name", "cities")
    contains(r.out, r"\nname +cities\n")
    r = run("datasets", "delete", "cities")
    contains(r.out, rf"deleted dataset cities \({dataset['id']}\)")
    run("datasets", "show", "cities", expect=5)


def test_delete_in_use():
    run("import", CSV, "--create-vis")
    r = run("datasets", "delete", "world_cities", expect=7)
    contains(r.err, r"1 dependent map")
    contains(r.err, r"use --force")
    err = json.loads(run("--json", "datasets", "delete", "world_cities", expect=7).err)["error"]
    check(err["status"] == -41, "in use, as JSON")
    run("datasets", "show", "world_cities")
    contains(run("datasets", "delete", "world_cities", "--force").out, r"deleted dataset")
    run("datasets", "show", "world_cities", expect=5)


def test_jobs():
    job = run("import", CSV, "--no-wait").out.strip()
    check(UUID.fullmatch(job), "--no-wait prints the job id")
    r = run("jobs", "list")
    contains(r.out, rf"^ID +STATE +NAME\n{job} +\w+ +world_cities\.csv\.gz\n")  # sent compressed
    check(run("--json", "jobs", "list").json()["jobs"][0]["id"] == job, "jobs list --json")
    contains(run("jobs", "show", job).out, rf"^id +{job}\nstate +\w+\nname +world_cities\.csv\.gz")
    r = run("jobs", "wait", job)
    contains(r.err, rf"import job {job}: complete")
    contains(r.out, r"world_cities\n$")
    shown = run("jobs", "show", job).out
    contains(shown, r"\nstate +complete\n")
    contains(shown, r"\ntable +world_cities\n")
    check(run("--json", "jobs", "show", job).json()["state"] == "complete", "jobs show --json")
    contains(run("jobs", "list").err, r"no import jobs")
    # several sources with --no-wait: the summary gives each job's whole id
    r = run("--quiet", "import", "--no-wait", "--parallel", "2", CSV, CSV)
    check(len(re.findall(rf"(?m)^world_cities\.csv +started job {UUID.pattern} +0 ", r.out))
          == 2, "both jobs' ids")


def test_connector():
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        f.write('{"connector": {"provider": "postgres", "connection": {"server": "db"}, '
                '"table": "roads"}}')
        f.flush()
        r = run("connector", "import", f.name, expect=6)
        contains(r.err, r"CARTO error 15\d\d")
        r = run("connector", "import", "-", expect=6, stdin=open(f.name).read())
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        f.write("not json")
        f.flush()
        run("connector", "import", f.name, expect=2)
    contains(run("connector", "import", "/nonexistent.json", expect=2).err, r"cannot read")


# ---- sync tables ------------------------------------------------------------------------------

def test_syncs():
    url = samples_url("world_cities.csv")
    doc = run("--json", "syncs", "create", url, "--interval", "900").json()
    sync = doc["sync"]["id"]
    check(doc["datasets"][0]["name"] == "world_cities", "the synced dataset")
    r = run("syncs", "list")
    contains(r.out, rf"^ID +STATE +INTERVAL +NAME\n{sync} +success +900 +world_cities\n")
    contains(run("syncs", "show", sync).out, rf"^id +{sync}\n")
    r = run("syncs", "force", sync)
    contains(r.out, rf"sync table {sync}: not queued: the last run is less than 15 minutes old")
    forced = run("--json", "syncs", "force", sync).json()
    check(forced == {"id": sync, "enqueued": False, "reason": "too soon"}, "force as JSON")
    contains(run("syncs", "set-interval", sync, "3600").out, r"\ninterval +3600\n")
    contains(run("syncs", "set-interval", sync, "60", expect=2).err, r"900")
    contains(run("syncs", "delete", sync).out, rf"deleted sync table {sync}; its dataset stays")
    run("syncs", "show", sync, expect=5)
    run("datasets", "show", "world_cities")
    r = run("import", url, "--sync-interval", "900", "--collision", "overwrite")
    contains(r.err, r"sync table [0-9a-f-]{36} syncs every 900 s")
    run("import", url, "--sync-interval", "60", expect=2)


def test_secrets():
    """A key and a password run through every failure path, plain and --json: never printed."""
    key, pw = os.environ["CARTO_API_KEY"], "Pw-4x9q-SECRET-c0nn"
    bad_key, url = "K3y-7w2e-NOT-THE-KEY", os.environ["CARTO_API_URL"]
    port = re.search(r":(\d+)/", url).group(1)
    runs = [("import", f"gopher://u:{pw}@h/x"), ("import", f"ftp://u:{pw}@127.0.0.1:1/x.csv"),
            ("import", f"http://u:{pw}@127.0.0.1:1/x.csv"),
            ("import", f"http://127.0.0.1:1/x.csv?api_key={key}&password={pw}"),
            ("syncs", "create", f"https://u:{pw}@127.0.0.1:1/x.csv", "--interval", "900"),
            ("--api-key", bad_key, "datasets", "list"), ("--api-key", bad_key, "import", CSV),
            ("--url", f"https://u:{pw}@127.0.0.1:{port}/user/demo/", "datasets", "list"),
            ("--url", f"http://u:{pw}@127.0.0.1:1/user/demo/", "jobs", "list"),
            ("jobs", "show", key), ("datasets", "show", key),
            ("datasets", "update", key, "--title", "t")]
    with tempfile.TemporaryDirectory() as d:
        for name, text in (("ws.json", "  \n {\"provider\":\"postgres\",\"connection\":"
                                       f"{{\"server\":\"127.0.0.1\",\"port\":1,\"password\":\"{pw}\","
                                       "\"username\":\"u\",\"database\":\"d\"},\"table\":\"t\"}"),
                           ("broken.json", f"  {{\"connection\":{{\"password\":\"{pw}\"")):
            path = os.path.join(d, name)
            with open(path, "w") as f:
                f.write(text)
            runs += [("connector", "import", path),
                     ("connector", "import", path, "--sync-interval", "900")]
        failures = 0
        for args in runs:
            for mode in ([], ["--json"]):
                r = run(*mode, *args, expect=None)
                failures += r.code != 0
                for secret in (key, pw, bad_key):
                    check(secret not in r.out + r.err, f"{secret} printed by {args}")
        check(failures == 2 * len(runs), "every run failed")
    # Several sources: their progress, results and summary name each by its URL's last
    # segment. (Not with --json: the job objects it shows are the server's, with the URL.)
    r = run("import", "--parallel", "2", f"http://u:{pw}@127.0.0.1:1/x.csv",
            f"http://127.0.0.1:1/y.csv?api_key={key}&password={pw}", expect=6)
    for secret in (key, pw):
        check(secret not in r.out + r.err, f"{secret} printed by several sources")
    contains(r.out, r"(?m)^y\.csv +failed \(exit 6\)")


def main():
    name = sys.argv[2]
    try:
        globals()["test_" + name]()
    except AssertionError as e:
        print(f"FAIL: {name}: {e}", file=sys.stderr)
        return 1
    print(f"ok: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
