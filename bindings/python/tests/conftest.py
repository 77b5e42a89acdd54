# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Fixtures: the account of the carto-import-server started by tests/support/with_server.py
(CARTO_API_URL, CARTO_API_KEY; SAMPLES_URL serves examples/data)."""
import json
import os
import pathlib
import shutil
import uuid
import urllib.error
import urllib.request

import pytest

import carto_import
from carto_import.auth import APIKeyAuthClient

SAMPLES = pathlib.Path(os.environ.get(
    "CARTO_IMPORT_SAMPLES", pathlib.Path(__file__).resolve().parents[3] / "examples" / "data"))


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set: run under tests/support/with_server.py")
    return value


@pytest.fixture(scope="session")
def base_url():
    return _env("CARTO_API_URL")


@pytest.fixture(scope="session")
def api_key():
    return _env("CARTO_API_KEY")


@pytest.fixture(scope="session")
def samples_url():
    return _env("SAMPLES_URL")


@pytest.fixture
def client(base_url, api_key):
    with carto_import.Client(base_url, api_key, poll_interval=(0.02, 0.2)) as c:
        yield c


@pytest.fixture
def auth_client(base_url, api_key):
    with APIKeyAuthClient(base_url, api_key, timeout=120, poll_interval=(0.02, 0.2)) as a:
        yield a


@pytest.fixture
def sample_csv(tmp_path):
    """A copy of world_cities.csv (10 rows) with a name of its own (its stem is the name of
    the table it imports into)."""
    path = tmp_path / f"cities_{uuid.uuid4().hex[:12]}.csv"
    shutil.copy(SAMPLES / "world_cities.csv", path)
    return path


def server_json(base_url, api_key, method, path):
    """(status, body) of a raw request to the server (to probe what it supports)."""
    request = urllib.request.Request(f"{base_url}{path}?api_key={api_key}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


@pytest.fixture
def require_syncs(base_url, api_key):
    """Skips when the server does not serve /api/v1/synchronizations yet."""
    status, _ = server_json(base_url, api_key, "GET", "api/v1/synchronizations")
    if status == 404:
        pytest.skip("the server does not serve api/v1/synchronizations yet (404)")
