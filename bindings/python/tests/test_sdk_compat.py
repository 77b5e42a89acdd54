# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python code run unchanged through carto_import.compat: the scenarios of carto-python's
own tests for datasets, file imports, sync tables, exceptions and auth (written anew), plus
what code one step beyond them relies on (declared fields reading None, dates, nested
resources, file objects, save(fields=), the delete rule)."""
import datetime
import io
import os
import subprocess
import sys
import textwrap

import pytest

import carto_import.compat

carto_import.compat.install()

from carto.auth import APIKeyAuthClient, NonVerifiedAPIKeyAuthClient  # noqa: E402
from carto.datasets import Dataset, DatasetManager  # noqa: E402
from carto.exceptions import CartoException, CartoRateLimitException  # noqa: E402
from carto.file_import import FileImportJob, FileImportJobManager  # noqa: E402
from carto.permissions import LINK, PRIVATE, PUBLIC  # noqa: E402
from carto.resources import AsyncResource, Manager, WarnResource  # noqa: E402
from carto.sync_tables import SyncTableJob, SyncTableJobManager  # noqa: E402
from pyrestcli.exceptions import NotFoundException  # noqa: E402


@pytest.fixture
def sdk_auth(base_url, api_key):
    with APIKeyAuthClient(base_url, api_key, "org", poll_interval=(0.02, 0.2)) as auth:
        yield auth


@pytest.fixture
def datasets(sdk_auth):
    return DatasetManager(sdk_auth)


def test_names_and_bases():
    assert (PUBLIC, PRIVATE, LINK) == ("PUBLIC", "PRIVATE", "LINK")
    assert issubclass(Dataset, WarnResource) and issubclass(FileImportJob, AsyncResource)
    assert issubclass(SyncTableJob, AsyncResource) and issubclass(DatasetManager, Manager)
    assert issubclass(NotFoundException, CartoException)
    import carto
    assert carto.datasets is sys.modules["carto.datasets"]
    with pytest.raises(ImportError):
        import carto.sql  # noqa: F401  (not part of the import surface)


def test_auth_client(base_url, api_key):
    auth = APIKeyAuthClient(base_url.rstrip("/"), api_key, organization="acme",
                            client_id="my-client", user_agent="my-agent/1")
    assert auth.api_key == api_key and api_key not in repr(auth)
    assert auth.base_url == base_url and auth.username == "demo"
    assert (auth.organization, auth.client_id, auth.user_agent) == ("acme", "my-client",
                                                                     "my-agent/1")
    with pytest.raises(AttributeError):
        auth.api_key = "other"
    insecure = NonVerifiedAPIKeyAuthClient(base_url, api_key, "acme")
    assert insecure.verify is False and insecure.organization == "acme"


def test_rate_limit_exception_from_response():
    class Response:
        status_code = 429
        text = '{"error": ["slow down"]}'
        headers = {"Retry-After": "7", "Carto-Rate-Limit-Limit": "10",
                   "Carto-Rate-Limit-Remaining": "0", "Carto-Rate-Limit-Reset": "1700000000"}

    assert CartoRateLimitException.is_rate_limited(Response())
    error = CartoRateLimitException(Response())
    assert (error.limit, error.remaining, error.retry_after, error.reset) == (10, 0, 7,
                                                                             1700000000)
    assert isinstance(error, CartoException) and "slow down" in str(error)
    Response.headers = {}
    assert not CartoRateLimitException.is_rate_limited(Response())
    assert CartoRateLimitException(Response()).limit == -1  # no KeyError, unlike carto-python


def test_get_datasets_and_filter(datasets, sample_csv):
    before = len(datasets.all())
    dataset = datasets.create(str(sample_csv))
    assert len(datasets.all()) == before + 1
    assert [d.get_id() for d in datasets.filter(q=sample_csv.stem)] == [dataset.get_id()]
    assert datasets.filter(q=sample_csv.stem, privacy="public") == []
    assert len(datasets.filter(per_page=1, order="name")) == before + 1
    dataset.delete()


def test_create_modify_delete_from_file(datasets, sample_csv):
    dataset = datasets.create(str(sample_csv))
    assert dataset.get_id() is not None and dataset.privacy == PRIVATE
    assert str(dataset) == sample_csv.stem
    dataset = datasets.get(dataset.get_id())
    dataset.privacy = PUBLIC
    dataset.license = "mit"
    dataset.attributions = "test"
    dataset.save()
    dataset = datasets.get(dataset.get_id())
    assert (dataset.privacy, dataset.license, dataset.attributions) == (PUBLIC, "mit", "test")
    dataset.delete()
    with pytest.raises(NotFoundException):
        datasets.get(dataset.get_id())


def test_fields_dates_and_nested_resources(datasets, sample_csv):
    dataset = datasets.create(sample_csv, create_vis=True)
    assert isinstance(dataset.created_at, datetime.datetime)
    assert isinstance(dataset.updated_at, datetime.datetime)
    assert dataset.table.get_id() and dataset.table.name == sample_csv.stem
    assert dataset.table.row_count == 10
    assert dataset.dependent_visualizations_count == 1
    (derived,) = dataset.dependent_visualizations
    from carto_import.resources import Visualization
    assert isinstance(derived, Visualization) and derived.get_id() != dataset.get_id()
    assert derived.name and derived.table is None
    for absent in ("active_child", "next_id", "liked", "connector"):
        assert getattr(dataset, absent) is None, absent
    with pytest.raises(AttributeError):
        dataset.no_such_field  # noqa: B018  (undeclared names still raise)
    assert dataset.permission is None or dataset.permission.get_id()
    dataset.force_delete()


def test_refresh_drops_what_the_server_no_longer_sends():
    class Handle:  # a dataset handle whose JSON loses members between two fetches
        id = "d1"
        data = {"id": "d1", "name": "roads", "synchronization": {"id": "s1"}, "extra": 1}

        def refresh(self):
            self.data = {"id": "d1", "name": "roads"}

    dataset = Dataset(Handle())
    assert dataset.synchronization.get_id() == "s1" and dataset.extra == 1
    dataset.refresh()
    assert dataset.synchronization is None and dataset.name == "roads"
    assert not hasattr(dataset, "extra")


def test_save_fields_sends_only_those(datasets, sample_csv):
    dataset = datasets.create(sample_csv)
    dataset.description = "sent"
    dataset.license = "not sent"
    dataset.save(fields=["description", "id"])  # (id is not editable: not sent)
    fresh = datasets.get(dataset.get_id())
    assert fresh.description == "sent" and fresh.license != "not sent"
    with pytest.raises(CartoException):
        fresh.save(force_create=True)
    fresh.delete()


def test_delete_rule(datasets, sample_csv):
    """carto-python's rule reads the local count; the library then asks the server."""
    dataset = datasets.create(sample_csv)
    dataset.dependent_visualizations_count = 1
    with pytest.raises(CartoException):
        dataset.delete()
    dataset.dependent_visualizations_count = 0
    dataset.delete()
    mapped = datasets.create(sample_csv, create_vis=True)
    mapped.dependent_visualizations_count = 0  # the server still counts its map
    with pytest.raises(CartoException):
        mapped.delete()
    mapped.force_delete()
    with pytest.raises(NotFoundException):
        datasets.get(mapped.get_id())


def test_import_file_objects(datasets, sample_csv):
    with open(sample_csv, "rb") as archive:
        from_binary = datasets.create(archive)
    with open(sample_csv, encoding="utf-8") as archive:
        from_text = datasets.create(archive)
    memory = io.BytesIO(sample_csv.read_bytes())
    memory.name = "in_memory.csv"
    from_memory = datasets.create(memory)
    assert [d.table.row_count for d in (from_binary, from_text, from_memory)] == [10] * 3
    assert from_text.name.startswith(sample_csv.stem) and from_memory.name == "in_memory"
    with pytest.raises(CartoException):
        datasets.create(io.BytesIO(b"a,b\n1,2\n"))  # no name: no format
    for dataset in (from_binary, from_text, from_memory):
        dataset.delete()


def test_a_connector_job_never_reads_its_archive():
    class Unreadable(io.RawIOBase):
        name = "never.csv"

        def read(self, size=-1):
            raise AssertionError("the archive was read for a connector import")

    class Handle:
        id, state_name, success, error_code, data = "j1", "pending", None, 0, {}

        def run(self, progress):
            pass

    class Auth:
        class client:  # noqa: N801  (stands for carto_import.Client)
            import_connector = staticmethod(lambda connection, params: Handle())

    job = FileImportJob(Unreadable(), Auth(), connection={"provider": "postgres"})
    job.run()
    assert job.get_id() == "j1"


def test_create_as_sync_table_and_delete(datasets, samples_url):
    dataset = datasets.create(samples_url + "world_cities.csv", interval=3600)
    assert dataset.get_id() is not None and dataset.synchronization.interval == 3600
    dataset.delete()
    with pytest.raises(NotFoundException):
        datasets.get(dataset.get_id())


def test_file_import_jobs(sdk_auth, sample_csv):
    manager = FileImportJobManager(sdk_auth)
    assert isinstance(manager.all(), list)
    job = manager.create(str(sample_csv))
    assert job.get_id() is None and job.state is None and job.table_name is None
    with pytest.raises(CartoException):
        job.refresh()
    job.run()
    assert job.get_id() == job.item_queue_id and str(job) == job.id
    job.refresh()
    while job.state not in ("complete", "failure"):
        job.refresh()
    assert job.success is True and job.table_name == sample_csv.stem
    assert job.get_error_text is None and job.error_code is None
    assert manager.get(job.get_id()).table_id == job.table_id
    direct = FileImportJob(str(sample_csv), sdk_auth)
    direct.run(privacy="public", type_guessing=False)
    assert direct.get_id() is not None
    direct.wait(60)
    for dataset in job.datasets() + direct.datasets():
        dataset.delete()


def test_sync_table_jobs(sdk_auth, samples_url):
    manager = SyncTableJobManager(sdk_auth)
    assert isinstance(manager.all(), list)
    url = samples_url + "world_cities.csv"
    sync = manager.create(url, 900, table_name="renamed_sync")
    assert sync.get_id() and sync.url == url and sync.interval == 900
    assert sync.name == "renamed_sync"
    assert sync.get_force_sync_endpoint() == (
        f"api/v1/synchronizations/{sync.get_id()}/sync_now")
    sync.refresh()
    assert sync.state in ("created", "queued", "syncing", "success")
    assert sync.ran_at is None or isinstance(sync.ran_at, datetime.datetime)
    sync.interval = 1800
    sync.save()
    assert manager.get(sync.get_id()).interval == 1800
    assert sync.get_id() in [s.get_id() for s in manager.all()]
    constructed = SyncTableJob(url, 3600, sdk_auth)
    assert constructed.get_id() is None and constructed.state is None
    constructed.run(type_guessing=False)
    assert constructed.get_id() and constructed.interval == 3600
    for each in (sync, constructed):
        each.wait(60)
        each.delete()


def test_install_refuses_a_real_carto_and_runs_scripts(tmp_path, base_url, api_key):
    env = dict(os.environ, CARTO_API_URL=base_url, CARTO_API_KEY=api_key)
    refused = subprocess.run(
        [sys.executable, "-c", "import sys, types; sys.modules['carto'] = types.ModuleType("
         "'carto'); import carto_import.compat as c; c.install()"],
        capture_output=True, text=True, env=env)
    assert refused.returncode != 0 and "already imported" in refused.stderr
    script = tmp_path / "sdk_script.py"
    script.write_text(textwrap.dedent("""
        import os, sys
        from carto.auth import APIKeyAuthClient
        from carto.datasets import DatasetManager
        manager = DatasetManager(APIKeyAuthClient(os.environ["CARTO_API_URL"],
                                                  os.environ["CARTO_API_KEY"]))
        print(type(manager).__module__, len(manager.all()), sys.argv[1:])
    """))
    ran = subprocess.run([sys.executable, "-m", "carto_import.compat", str(script), "x"],
                         capture_output=True, text=True, env=env)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("carto_import.datasets ") and "['x']" in ran.stdout
    assert api_key not in ran.stdout + ran.stderr
