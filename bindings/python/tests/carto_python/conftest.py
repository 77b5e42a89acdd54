# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Fixtures for running carto-python's own test files (tests/test_datasets.py,
test_file_imports.py, test_sync_tables.py of its source) against carto-import-server, with
carto.* mapped onto carto_import by carto_import.compat. Written for carto_import: the
fixtures carto-python's conftest.py provides, for the account of tests/support/with_server.py.
run.py copies the test files here and writes secret.py."""
import os

import pytest

import carto_import.compat

carto_import.compat.install()

from carto.auth import APIKeyAuthClient  # noqa: E402  (after install())


@pytest.fixture(scope="session")
def api_key_auth_client():
    return APIKeyAuthClient(os.environ["CARTO_API_URL"], os.environ["CARTO_API_KEY"],
                            poll_interval=(0.02, 0.2))


@pytest.fixture(scope="session")
def api_key_auth_client_usr(api_key_auth_client):
    return api_key_auth_client


@pytest.fixture(scope="session")
def user():
    """carto-python's fixture is None for an account outside an organization."""
    return None
