# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""URL imports follow production's rules by default (issue 10, item 2; PROTOCOL.md §2.1): ports
21, 80 and 443 only, and no loopback, private, link-local, multicast or unspecified address,
however it is spelled; the fetched URL is the validated one; a sync's new URL is validated too.
--allow-private-urls lifts the rules (the rest of the suite runs with it)."""
import time

import pytest

from conftest import csv_bytes
from synclib import SCALE, SPAN, create_sync, get_sync, new_sync, sync_now, ts, wait_next_run

# Every host here is refused on an allowed port: loopback in each IPv4 spelling (dotted,
# decimal, hex, octal, short), IPv6 and IPv4-mapped IPv6, a name resolving to loopback, and the
# private, link-local, multicast and unspecified ranges.
REFUSED = [
    "http://127.0.0.1/a.csv", "http://2130706433/a.csv", "http://0x7f000001/a.csv",
    "http://017700000001/a.csv", "http://0x7f.0.0.1/a.csv", "http://127.1/a.csv",
    "http://[::1]/a.csv", "http://[::ffff:127.0.0.1]/a.csv", "http://[::ffff:7f00:1]/a.csv",
    "http://localhost/a.csv", "http://LOCALHOST:80/a.csv", "https://localhost/a.csv",
    "ftp://127.0.0.1/a.csv", "http://10.0.0.1/a.csv", "http://172.16.5.4/a.csv",
    "http://192.168.1.1/a.csv", "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/a.csv", "http://[fd00::1]/a.csv", "http://224.0.0.1/a.csv",
    "http://[ff02::1]/a.csv", "http://0.0.0.0/a.csv", "http://[::]/a.csv", "http://0/a.csv",
    "http://user:pw@127.0.0.1/a.csv",
    # ports other than 21, 80 and 443, even on a public address
    "http://93.184.216.34:8080/a.csv", "https://93.184.216.34:22/a.csv",
    "ftp://93.184.216.34:2121/a.csv",
]


@pytest.fixture
def strict(make_server):
    """A server with production's URL rules (no --allow-private-urls)."""
    return make_server(allow_private_urls=False)


def invalid(url):
    return {"errors": {"imports": "Invalid URL, cannot connect dataset: " + url}}


@pytest.mark.parametrize("url", REFUSED)
def test_import_url_refused_as_production_does(strict, url):
    for where in ("params", "json_body"):
        r = strict.request("POST", "api/v1/imports", **{where: {"url": url}})
        assert r.status == 400 and r.json() == invalid(url), (where, r)
    assert strict.get("api/v1/imports").json()["imports"] == []


def test_refused_url_reaches_nobody(strict, file_server):
    url = file_server.add("/a.csv", csv_bytes(2))
    r = strict.request("POST", "api/v1/imports", params={"url": url})
    assert r.status == 400 and r.json() == invalid(url)
    r = strict.request("POST", "api/v1/synchronizations", json_body={"url": url})
    assert r.status == 400 and r.json() == {"errors": "Invalid URL, cannot connect dataset: " + url}
    time.sleep(0.5)
    assert file_server.requests("/a.csv") == []


def test_public_url_is_accepted(strict):
    # A name that does not resolve passes, as in production: the download fails instead.
    r = strict.request("POST", "api/v1/imports", params={"url": "http://cis-test.invalid/a.csv"})
    assert r.status == 200, r
    job = strict.wait(r.json()["item_queue_id"])
    assert job["state"] == "failure" and job["error_code"] == 1102


def test_sync_update_validates_its_new_url(strict):
    created = create_sync(strict, {"url": "http://cis-test.invalid/a.csv", "interval": 3600})
    for url in ("http://127.0.0.1/b.csv", "http://2130706433/b.csv", "http://cis-test.invalid:8080/"):
        r = strict.request("PUT", "api/v1/synchronizations/" + created["id"], json_body={"url": url})
        assert r.status == 400, r
        assert r.json() == {"errors": "Invalid URL, cannot connect dataset: " + url}
    assert get_sync(strict, created["id"])["url"] == "http://cis-test.invalid/a.csv"
    r = strict.request("PUT", "api/v1/synchronizations/" + created["id"],
                       json_body={"url": "https://cis-test.invalid/c.csv"})
    assert r.status == 200 and r.json()["url"] == "https://cis-test.invalid/c.csv"


def test_service_item_id_never_replaces_the_fetched_url(make_server, file_server):
    server = make_server()  # --allow-private-urls: the file server is on loopback
    url = file_server.add("/published.csv", csv_bytes(2))
    secret = file_server.add("/internal-secret.csv", csv_bytes(5))
    job = server.import_url(url, params={"service_item_id": secret})
    assert job["state"] == "complete", job
    assert job["table_name"] == "published" and job["original_url"] == url
    assert file_server.requests("/internal-secret.csv") == []
    assert len(file_server.requests("/published.csv")) == 1


def test_allow_private_urls_lifts_the_rules(make_server, file_server):
    server = make_server()
    job = server.import_url(file_server.add("/loopback.csv", csv_bytes(2)))
    assert job["state"] == "complete", job


def test_download_checks_the_address_it_connects_to(make_server, file_server, tmp_path):
    """A sync made with --allow-private-urls, run after a restart without it: the download
    itself refuses (the scheduler does not re-validate stored URLs)."""
    data = str(tmp_path / "data")
    server = make_server("--time-scale", str(SCALE), data_dir=data)
    url = file_server.add("/synced.csv", csv_bytes(2))
    _, _, s = new_sync(server, url, interval=3600)
    assert s["state"] == "success" and len(file_server.requests("/synced.csv")) == 1
    server.stop()
    strict = make_server("--time-scale", str(SCALE), data_dir=data, allow_private_urls=False)
    time.sleep(max(0, ts(s["ran_at"]) + SPAN - time.time()) + 0.2)  # sync_now's 15-minute rule
    assert sync_now(strict, s["id"]) is True
    done = wait_next_run(strict, s["id"], s["ran_at"])
    assert done["state"] == "failure" and done["error_code"] == 1001, done
    assert len(file_server.requests("/synced.csv")) == 1
