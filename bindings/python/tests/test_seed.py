# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Every code block of the seed document (import_api.rst), with `carto` replaced by
`carto_import` and the blanks filled in: a local file, a URL from SAMPLES_URL, and the ids of
datasets created. The blocks are kept verbatim otherwise; time.sleep is shortened."""
import textwrap
import time

import pytest

import carto_import
from carto_import.exceptions import CartoException


@pytest.fixture
def run_block(auth_client, monkeypatch):
    real_sleep = time.sleep
    monkeypatch.setattr(time, "sleep", lambda s: real_sleep(min(s, 0.05)))

    def run(code, **names):
        namespace = {"auth_client": auth_client, **names}
        exec(compile(textwrap.dedent(code), "<seed block>", "exec"), namespace)
        return namespace
    return run


def test_import_a_local_file(run_block, sample_csv):
    ns = run_block(f"""
        from carto_import.datasets import DatasetManager

        # write here the path to a local file or remote URL
        LOCAL_FILE_OR_URL = {str(sample_csv)!r}

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.create(LOCAL_FILE_OR_URL)
    """)
    assert ns["dataset"].name == sample_csv.stem and ns["dataset"].table.row_count == 10


def test_import_a_remote_url(run_block, samples_url):
    ns = run_block(f"""
        from carto_import.datasets import DatasetManager

        # write here the path to a local file or remote URL
        LOCAL_FILE_OR_URL = {samples_url + "world_cities.csv"!r}

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.create(LOCAL_FILE_OR_URL)
    """)
    assert ns["dataset"].id and ns["dataset"].table.row_count == 10


def test_import_a_sync_dataset(run_block, samples_url, require_syncs):
    ns = run_block(f"""
        from carto_import.datasets import DatasetManager

        # how often to sync the dataset (in seconds)
        SYNC_TIME = 900
        # write here the URL for the dataset to sync
        URL_TO_DATASET = {samples_url + "world_cities.csv"!r}

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.create(URL_TO_DATASET, SYNC_TIME)
    """)
    assert ns["dataset"].id and ns["dataset"].synchronization


def test_sync_table_job_manager(run_block, samples_url, require_syncs, capsys):
    ns = run_block(f"""
        from carto_import.sync_tables import SyncTableJobManager
        import time

        # how often to sync the dataset (in seconds)
        SYNC_TIME = 900
        # write here the URL for the dataset to sync
        URL_TO_DATASET = {samples_url + "world_cities.csv"!r}

        syncTableManager = SyncTableJobManager(auth_client)
        syncTable = syncTableManager.create(URL_TO_DATASET, SYNC_TIME)

        # return the id of the sync
        sync_id = syncTable.get_id()

        while(syncTable.state != 'success'):
            time.sleep(5)
            syncTable.refresh()
            if (syncTable.state == 'failure'):
                print('The error code is: ' + str(syncTable.error_code))
                print('The error message is: ' + str(syncTable.error_message))
                break

        # force sync
        syncTable.refresh()
        syncTable.force_sync()
    """)
    assert ns["sync_id"] and ns["syncTable"].state in ("success", "queued", "syncing")
    assert "The error code" not in capsys.readouterr().out


def test_list_import_jobs(run_block):
    ns = run_block("""
        from carto_import.file_import import FileImportJobManager

        file_import_manager = FileImportJobManager(auth_client)
        file_imports = file_import_manager.all()
    """)
    assert isinstance(ns["file_imports"], list)


def test_get_all_the_datasets(run_block, client, sample_csv):
    (created,) = client.import_dataset(sample_csv, timeout=60)
    ns = run_block("""
        from carto_import.datasets import DatasetManager

        dataset_manager = DatasetManager(auth_client)
        datasets = dataset_manager.all()
    """)
    assert created.id in [d.id for d in ns["datasets"]]


def test_get_a_specific_dataset(run_block, client, sample_csv):
    (created,) = client.import_dataset(sample_csv, timeout=60)
    ns = run_block(f"""
        from carto_import.datasets import DatasetManager

        # write here the ID of the dataset to retrieve
        DATASET_ID = {created.id!r}

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.get(DATASET_ID)
    """)
    assert ns["dataset"].id == created.id and ns["dataset"].name == sample_csv.stem


def test_delete_a_dataset(run_block, client, sample_csv):
    (created,) = client.import_dataset(sample_csv, timeout=60)
    run_block(f"""
        from carto_import.datasets import DatasetManager

        # write here the ID of the dataset to retrieve
        DATASET_ID = {created.id!r}

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.get(DATASET_ID)
        dataset.delete()
    """)
    with pytest.raises(carto_import.NotFound):
        client.dataset(created.id)


HIVE = """
    from carto_import.datasets import DatasetManager

    dataset_manager = DatasetManager(auth_client)

    connection = {
      "connector": {
        "provider": "hive",
        "connection": {
          "server": "YOUR_SERVER_IP",
          "database": "default",
          "username": "YOUR_USER_NAME",
          "password": "YOUR_PASSWORD"
        },
        "schema": "default",
        "table": "YOUR_HIVE_TABLE"
      }
    }

    table = dataset_manager.create(None, None, connection=connection)
"""


def test_external_database_connector(run_block):
    # The server has no hive connector: the import fails with 1501 "Connectors disabled".
    with pytest.raises(CartoException) as info:
        run_block(HIVE)
    assert info.value.remote_code == 1501
    assert "YOUR_PASSWORD" not in str(info.value)


def test_sync_external_database_connector(run_block, require_syncs):
    ns = {}
    try:
        run_block(HIVE)
    except CartoException:
        pass
    with pytest.raises(CartoException) as info:
        run_block(HIVE.replace("create(None, None, ", "create(None, 900, "), **ns)
    assert info.value.remote_code == 1501


def test_file_import_job_manager(run_block, sample_csv, capsys):
    ns = run_block(f"""
        from carto_import.file_import import FileImportJobManager
        import time

        # write here the URL for the dataset or the path to a local file (local to the server...)
        LOCAL_FILE_OR_URL = {str(sample_csv)!r}

        file_import_manager = FileImportJobManager(auth_client)
        file_import = file_import_manager.create(LOCAL_FILE_OR_URL)

        # return the id of the import
        file_id = file_import.get_id()

        file_import.run()
        while(file_import.state != "complete" and file_import.state != "created"
                    and file_import.state != "success"):
            time.sleep(5)
            file_import.refresh()
            if (file_import.state == 'failure'):
                print('The error code is: ' + str(file_import))
                break
    """)
    job = ns["file_import"]
    assert job.state == "complete" and job.table_name == sample_csv.stem
    assert job.get_id() and job.tables_created_count == 1
    assert "error code" not in capsys.readouterr().out


def test_dataset_manager_create(run_block, base_url, api_key, samples_url):
    ns = run_block(f"""
        from carto_import.auth import APIKeyAuthClient
        from carto_import.datasets import DatasetManager
        BASE_URL, API_KEY = {base_url!r}, {api_key!r}

        # write here the path to a local file (local to the server...) or remote URL
        LOCAL_FILE_OR_URL = {samples_url + "world_cities.csv"!r}

        # to use the DatasetManager you need an enterprise account
        auth_client = APIKeyAuthClient(BASE_URL, API_KEY)

        dataset_manager = DatasetManager(auth_client)
        dataset = dataset_manager.create(LOCAL_FILE_OR_URL)

        # the create method will wait up to 10 minutes until the dataset is uploaded.
    """)
    assert ns["dataset"].id and ns["dataset"].table.row_count == 10
