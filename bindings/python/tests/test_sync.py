"""Sync tables and connectors (skipped while the server does not serve synchronizations)."""
import pytest

import carto_import
from carto_import.sync_tables import SyncTableJobManager

POSTGRES = {"provider": "postgres",
            "connection": {"server": "db", "database": "gis", "username": "u", "password": "p"},
            "table": "roads"}


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


def test_postgres_connector_import(client):
    try:
        datasets = client.import_dataset({"connector": POSTGRES}, timeout=60)
    except carto_import.RemoteImportError as e:
        if e.remote_code == 1501:
            pytest.skip("the server has no postgres connector yet (1501)")
        raise
    assert datasets and datasets[0].row_count >= 0


def test_postgres_connector_sync(client, require_syncs):
    try:
        datasets = client.import_sync_dataset({"connector": POSTGRES}, 900, timeout=60)
    except carto_import.RemoteImportError as e:
        if e.remote_code == 1501:
            pytest.skip("the server has no postgres connector yet (1501)")
        raise
    assert datasets[0].get_string("synchronization_id")
