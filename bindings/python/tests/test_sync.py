# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Sync tables, and connectors against a throwaway PostgreSQL (tests/support/pg_cluster.py)."""
import os
import sys

import pytest

import carto_import
from carto_import.sync_tables import SyncTableJobManager

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "support"))
from pg_cluster import PgCluster  # noqa: E402


@pytest.fixture(scope="module")
def postgres():
    """A connector to a table of 3 rows in a fresh PostgreSQL cluster."""
    with PgCluster() as pg:
        pg.psql("CREATE TABLE roads (id int PRIMARY KEY, name text);"
                "INSERT INTO roads VALUES (1, 'A-1'), (2, 'A-2'), (3, 'M-30')")
        yield {"provider": "postgres", "connection": pg.connection(), "table": "roads"}


def test_sync_table_lifecycle(client, samples_url, require_syncs):
    with client.create_sync(samples_url + "world_cities.csv", 900) as sync:
        assert sync.id and sync.interval == 900
        sync.wait(60)
        assert sync.state_name == "success" and sync.state == carto_import.STATE_SUCCESS
        assert sync.dataset().row_count == 10
        assert sync.force() == carto_import.FORCE_TOO_SOON  # less than 15 minutes old
        assert sync.is_syncing() is False
        sync.set_interval(3600)
        sync.refresh()
        assert sync.interval == 3600
        assert sync.id in [s.id for s in client.syncs()]
        assert client.sync(sync.id).id == sync.id
        with pytest.raises(carto_import.InvalidArgument):
            sync.set_interval(10)
        sync.delete()
        with pytest.raises(carto_import.NotFound):
            client.sync(sync.id)


def test_sync_manager(auth_client, samples_url, require_syncs):
    manager = SyncTableJobManager(auth_client)
    job = manager.create(samples_url + "world_cities.csv", 900)
    job.wait(60)
    assert job.state == "success" and job.interval == 900
    assert job.get_id() in [s.get_id() for s in manager.all()]
    assert manager.get(job.get_id()).url == samples_url + "world_cities.csv"
    assert job.force_sync() is False
    assert job.dataset().table.row_count == 10


def test_postgres_connector_import(client, postgres):
    datasets = client.import_dataset({"connector": postgres}, timeout=60)
    assert [d.name for d in datasets] == ["roads"] and datasets[0].row_count == 3


def test_postgres_connector_sync(client, postgres, require_syncs):
    datasets = client.import_sync_dataset({"connector": postgres}, 900, timeout=60)
    assert datasets[0].row_count == 3
    assert datasets[0].get_string("synchronization_id")


def test_connector_parameter_error(client, postgres):
    broken = dict(postgres)
    del broken["table"]  # neither table nor sql_query
    with pytest.raises(carto_import.RemoteImportError) as info:
        client.import_dataset({"connector": broken}, timeout=60)
    assert info.value.remote_code == 1502
