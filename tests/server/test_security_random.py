# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Ids and auth tokens come from a cryptographic source (issue 10, item 11): OpenSSL's
RAND_bytes, not a Mersenne Twister (whose state, hence every future id, follows from a few
hundred of its outputs). Shown by interposing RAND_bytes: with a stand-in that hands out
counting bytes, the server's UUIDs and tokens are exactly those bytes."""
import shutil
import subprocess

import pytest

SHIM = r"""
/* Stand-in RAND_bytes: 00 01 02 03 ... across calls. */
static unsigned char next;
int RAND_bytes(unsigned char *buf, int num) {
  for (int i = 0; i < num; ++i) buf[i] = next++;
  return 1;
}
"""


def counting(hex_text, skip=()):
    """True if the bytes of hex_text (positions in `skip` aside) count up by one."""
    b = bytes.fromhex(hex_text)
    return all(b[i] == (b[0] + i) % 256 for i in range(len(b)) if i not in skip)


@pytest.fixture
def shimmed(make_server, tmp_path, monkeypatch):
    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler to build the RAND_bytes stand-in (install build-essential)")
    src, lib = tmp_path / "rand_shim.c", tmp_path / "rand_shim.so"
    src.write_text(SHIM)
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    monkeypatch.setenv("LD_PRELOAD", str(lib))
    # The sanitizer build wants its runtime first; the stand-in uses no instrumented code.
    monkeypatch.setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=0")
    server = make_server()
    monkeypatch.delenv("LD_PRELOAD")
    return server


def test_ids_and_tokens_come_from_rand_bytes(shimmed):
    job = shimmed.import_file("counted.csv", b"name,lat,lon\na,1,2\n", params={"privacy": "private"})
    assert job["state"] == "complete", job
    # UUID v4: byte 6 carries the version, byte 8 the variant; every other byte is RAND_bytes'.
    for uuid in (job["id"], job["table_id"]):
        assert counting(uuid.replace("-", ""), skip=(6, 8)), uuid
    viz = shimmed.get("api/v1/viz", params={"types": "table"}).json()["visualizations"][0]
    assert counting(viz["id"].replace("-", ""), skip=(6, 8)), viz["id"]
    shown = shimmed.get("api/v1/viz/" + viz["id"]).json()
    assert len(shown["auth_tokens"]) == 1 and counting(shown["auth_tokens"][0]), shown["auth_tokens"]
