#!/usr/bin/env python3
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
    check(r.code == expect, f"exit status {r.code}, expected {expect}")
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
    for code in range(11):
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


def test_usage_errors():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARTO_API_")}
    cases = [
        (["frobnicate"], r"unknown command 'frobnicate'\nTry 'carto-import --help'"),
        ([], r"missing command"),
        (["datasets"], r"missing datasets command\nTry 'carto-import datasets --help'"),
        (["datasets", "frob"], r"unknown command 'datasets frob'"),
        (["import"], r"missing argument.*\nTry 'carto-import import --help'"),
        (["import", "a.csv", "b.csv"], r"unexpected argument 'b.csv'"),
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
    r = run("import", CSV, "--compress", "zstd", expect=1)
    contains(r.err, r"--compress: 'zstd' is not one of auto, gzip or none")


def test_import_url():
    r = run("import", samples_url("world_cities.csv"), "--privacy", "link")
    contains(r.err, r": complete")
    contains(r.out, r"LINK +10 +0 +world_cities\n$")


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


def test_import_progress_on_a_terminal():
    """stderr on a terminal: one line updated in place for the upload, then for the state."""
    master, slave = pty.openpty()
    proc = subprocess.run([TOOL, "import", CSV], stderr=slave, stdout=subprocess.PIPE,
                          text=True, timeout=120)
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
    text = err.decode()
    print(repr(text))
    check(proc.returncode == 0, "exit status 0")
    contains(text, r"\r\x1b\[Kuploading world_cities\.csv: 100% \(437 B of 437 B\)\r?\n")
    contains(text, r"\r\x1b\[Kimport job [0-9a-f-]{36}: pending\r\x1b\[K")
    contains(text, r": complete\r?\n$")


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


def test_timeout():
    r = run("--timeout", "1", "import", CSV, expect=3)
    contains(r.err, r"timed out after 1 s: import job ([0-9a-f-]{36}) is still '\w+'")
    job = re.search(UUID, r.err).group(0)
    contains(r.err, rf"carto-import jobs wait {job}")
    contains(run("jobs", "wait", job).out, r"world_cities")


def test_interrupt():
    """Ctrl-C while waiting stops waiting (exit 9), and the job goes on."""
    proc = subprocess.Popen([TOOL, "import", CSV], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # the server runs each step slowly (--step-delay-ms)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    print(out, err)
    check(proc.returncode == 9, f"exit status {proc.returncode}, expected 9")
    contains(err, r"interrupted: stopped waiting; import job ([0-9a-f-]{36}) goes on")
    job = re.search(UUID, err).group(0)
    contains(run("jobs", "wait", job).out, r"world_cities")


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
