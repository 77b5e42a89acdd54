# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The carto-python compatible layer beyond the seed's blocks."""
import pytest

from carto_import import NotFound
from carto_import.auth import APIKeyAuthClient, NonVerifiedAPIKeyAuthClient
from carto_import.datasets import DatasetManager
from carto_import.exceptions import AuthError, CartoException, NotFoundException
from carto_import.file_import import FileImportJobManager


def test_auth_clients(base_url, api_key):
    auth = APIKeyAuthClient(base_url, api_key, organization="org")
    assert auth.username == "demo" and auth.base_url == base_url
    assert api_key not in repr(auth)
    insecure = NonVerifiedAPIKeyAuthClient(base_url, api_key)
    assert insecure.verify is False
    insecure.client.verify()
    with pytest.raises(AuthError):
        APIKeyAuthClient(base_url, "wrong").client.verify()


def test_create_modify_delete(auth_client, sample_csv):
    manager = DatasetManager(auth_client)
    dataset = manager.create(str(sample_csv), create_vis=False, privacy="private")
    assert dataset.id and dataset.privacy == "PRIVATE"
    dataset.privacy = "PUBLIC"
    dataset.license = "mit"
    dataset.attributions = "test"
    dataset.save()
    fresh = manager.get(dataset.id)
    assert (fresh.privacy, fresh.license, fresh.attributions) == ("PUBLIC", "mit", "test")
    assert [d.id for d in manager.filter(q=sample_csv.stem)] == [dataset.id]
    fresh.delete()
    with pytest.raises(NotFoundException):
        manager.get(dataset.id)


def test_create_all_and_timeout(auth_client, sample_csv):
    manager = DatasetManager(auth_client)
    datasets = manager.create_all(sample_csv, timeout=60)
    assert len(datasets) == 1
    first = manager.create(sample_csv, timeout=60)
    assert first.datasets == [first]
    with pytest.raises(CartoException) as info:
        manager.create(sample_csv, timeout=0.001)
    assert isinstance(info.value, TimeoutError)


def test_force_delete(auth_client, client, sample_csv):
    (created,) = client.import_dataset(sample_csv, timeout=60, create_vis=True)
    dataset = DatasetManager(auth_client).get(created.id)
    assert dataset.dependent_visualizations_count >= 1
    from carto_import import InUse
    with pytest.raises(InUse):
        dataset.delete()
    dataset.force_delete()
    with pytest.raises(NotFound):
        client.dataset(created.id)


def test_file_import_jobs(auth_client, sample_csv, samples_url):
    manager = FileImportJobManager(auth_client)
    job = manager.create(sample_csv)
    assert job.get_id() is None and job.state is None
    job.run(type_guessing=False)
    running = manager.all()
    assert all(j.get_id() for j in running)
    job.refresh()
    assert job.get_id() in [j.get_id() for j in running] or job.state == "complete"
    job.wait(60)
    assert job.state == "complete" and job.success is True and job.type_guessing is False
    again = manager.get(job.get_id())
    assert again.table_name == job.table_name == sample_csv.stem
    assert [d.name for d in again.datasets()] == [sample_csv.stem]
    url_job = manager.create(samples_url + "world_cities.csv")
    url_job.run()
    url_job.wait(60)
    assert url_job.data_type == "url"
    with pytest.raises(ValueError):
        url_job.run()
    with pytest.raises(NotFound):
        manager.get("00000000-0000-4000-8000-000000000000")
