# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The Pythonic API: Client, ImportJob, Dataset, Options, Params."""
import gc
import zipfile

import pytest

import carto_import
from carto_import import Client, Options, Params


def test_version_and_constants():
    assert carto_import.version() == carto_import.__version__
    assert carto_import.version_num() == (carto_import.VERSION_MAJOR << 16 |
                                          carto_import.VERSION_MINOR << 8 |
                                          carto_import.VERSION_PATCH)
    assert carto_import.EINVAL == -2 and carto_import.STATE_COMPLETE == 10
    assert carto_import.state_string(carto_import.STATE_COMPLETE) == "complete"
    assert carto_import.state_is_final(carto_import.STATE_STUCK)
    assert not carto_import.state_is_final(carto_import.STATE_PENDING)
    assert carto_import.strerror(carto_import.ENOTFOUND)


def test_client_properties(client, base_url):
    assert client.username == "demo"
    assert client.base_url == base_url
    client.verify()
    assert base_url in repr(client)


def test_import_dataset_file(client, sample_csv):
    seen = []
    datasets = client.import_dataset(sample_csv, timeout=60,
                                     progress=lambda *a: seen.append(a))
    assert [d.name for d in datasets] == [sample_csv.stem]
    assert datasets[0].row_count == 10
    assert datasets[0].privacy == "PRIVATE"
    sending = [(done, total) for state, done, total in seen if state == carto_import.STATE_SENDING]
    assert sending[-1][0] == sending[-1][1] >= sample_csv.stat().st_size  # the whole body
    assert seen[-1][0] == carto_import.STATE_COMPLETE


def test_import_dataset_url_with_params(client, samples_url):
    (dataset,) = client.import_dataset(samples_url + "world_cities.csv", timeout=60,
                                       privacy="public", collision_strategy="rename")
    assert dataset.row_count == 10
    assert dataset.privacy == "PUBLIC"


def test_multi_table_import(client, tmp_path, sample_csv):
    archive = tmp_path / "Two Tables.ZIP"  # the path is sent as given
    with zipfile.ZipFile(archive, "w") as z:
        z.write(sample_csv, "first_table.csv")
        z.write(sample_csv, "second_table.csv")
    job = client.import_file(archive).run().wait(60)
    assert job.get_int("tables_created_count", 0) == 2
    datasets = client.import_dataset(archive, timeout=60, collision_strategy="overwrite")
    if len(datasets) == 1:
        # libcarto_import finds the tables of a job in its "table_names" (a field the Rails
        # model hides), which carto-import-server does not send yet: only the first is known.
        pytest.xfail("the server's import job reply has no table_names")
    assert sorted(d.name for d in datasets) == ["first_table", "second_table"]
    assert [d.row_count for d in datasets] == [10, 10]


def test_import_job_lifecycle(client, sample_csv):
    with client.import_file(sample_csv, params=Params(type_guessing=False)) as job:
        assert job.id is None and job.state == carto_import.STATE_NEW
        assert job.success is None
        job.run()
        assert job.id
        job.wait(timeout=60)
        assert job.state == carto_import.STATE_COMPLETE and job.state_name == "complete"
        assert job.success is True and job.is_final and job.error_code == 0
        assert job["table_name"] == job.get_string("table_name") == sample_csv.stem
        assert job.get_int("tables_created_count", -1) == 1
        (dataset,) = job.datasets()
        assert dataset.row_count == 10
        again = client.attach(job.id)
        assert again.state_name == "complete" and again.id == job.id
    assert job.is_closed()


def test_params_keywords_rejected():
    for name in ("api_key", "url", "interval"):  # (the library's own: never parameters)
        with pytest.raises(ValueError):
            Params(**{name: "x"})
    with pytest.raises(ValueError):
        Params(privacy="secret")
    p = Params(privacy="LINK", create_vis=True, content_guessing=False,
               collision_strategy=carto_import.COLLISION_OVERWRITE)
    assert repr(p) == "<carto_import.Params>"


def test_datasets_list_get_save_delete(client, sample_csv):
    (created,) = client.import_dataset(sample_csv, timeout=60)
    listed = client.datasets()
    assert created.id in [d.id for d in listed]
    # filters: None leaves a parameter out (as in Params), never sent as "None"
    assert [d.id for d in client.datasets(q=sample_csv.stem, privacy=None)] == [created.id]
    dataset = client.dataset(created.id)
    assert client.dataset(sample_csv.stem).id == created.id
    dataset.privacy = "public"
    dataset.description = "ten cities"
    dataset.license = "mit"
    dataset.save()
    fresh = client.dataset(created.id)
    assert (fresh.privacy, fresh.description, fresh.license) == ("PUBLIC", "ten cities", "mit")
    assert fresh.data["id"] == created.id
    fresh.delete()
    with pytest.raises(carto_import.NotFound):
        client.dataset(created.id)


def test_options_keywords(base_url, api_key):
    options = Options(connect_timeout=5, request_timeout=0, max_attempts=2,
                      backoff=(0.1, 1), low_speed=(1, 30), user_agent_suffix="tests",
                      auth_mode="query", verify_tls=True)
    with Client(base_url, api_key, options=options) as c:
        c.verify()
    options.close()
    with pytest.raises(ValueError):
        Options(connect_timeout=-1)


@pytest.mark.parametrize("mode, sent_as", [("auto", "gzip"), ("gzip", "gzip"), ("none", "none")])
def test_upload_compression(base_url, api_key, sample_csv, mode, sent_as):
    with Client(base_url, api_key, poll_interval=(0.02, 0.2), upload_compression=mode) as c:
        seen = []
        job = c.import_file(sample_csv)
        assert job.upload_compression is None
        job.run(progress=lambda *a: seen.append(a)).wait(60)
        assert job.upload_compression == sent_as
        size = sample_csv.stat().st_size
        if sent_as == "gzip":  # progress counts the file's bytes; fewer go on the wire
            assert seen[-1][1:] == (size, size)
            assert 0 < job.upload_bytes_sent < size + 400
            assert job.data["display_name"] == sample_csv.name + ".gz"
        else:
            assert job.upload_bytes_sent > size
            assert job.data["display_name"] == sample_csv.name
        (dataset,) = job.datasets()
        assert dataset.name == sample_csv.stem and dataset.row_count == 10
        dataset.delete()


def test_upload_compression_invalid():
    with pytest.raises(ValueError, match="upload compression"):
        Options(upload_compression="zstd")


def test_close_is_idempotent_and_closed_objects_raise(client, sample_csv):
    job = client.import_file(sample_csv)
    job.close()
    job.close()
    assert job.is_closed() and "closed" in repr(job)
    with pytest.raises(carto_import.InvalidHandle, match="ImportJob is closed"):
        job.run()
    with pytest.raises(carto_import.InvalidHandle):
        job.id
    params = Params()
    params.close()
    with pytest.raises(carto_import.InvalidHandle, match="Params is closed"):
        client.import_file(sample_csv, params)
    client.close()
    with pytest.raises(carto_import.InvalidHandle):
        client.verify()


def test_context_managers(base_url, api_key, sample_csv):
    with Client(base_url, api_key) as c, c.import_file(sample_csv) as job:
        job.run().wait(60)
        with job.datasets()[0] as d:
            assert d.row_count == 10
        assert d.is_closed()
    assert c.is_closed() and job.is_closed()


def test_objects_freed_in_any_order(base_url, api_key, sample_csv):
    c = Client(base_url, api_key)
    job = c.import_file(sample_csv)
    del c
    gc.collect()
    job.run().wait(60)  # the job keeps what it needs of its client
    (dataset,) = job.datasets()
    del job
    gc.collect()
    assert dataset.row_count == 10
    dataset.refresh()
    assert dataset.name == sample_csv.stem


def test_import_jobs_lists_running_jobs(client, sample_csv):
    job = client.import_file(sample_csv).run()
    running = client.import_jobs()
    assert isinstance(running, list)
    assert job.id in running or job.refresh() or job.is_final
    job.wait(60)
    assert job.id not in client.import_jobs()


def test_debug_callback(base_url, api_key, sample_csv):
    """One line per request from the library, key never in it; a failing callable cannot
    stop a request; it lives as long as the client, whatever happens to the Options."""
    import gc
    import threading
    lines, threads = [], set()

    def log(line):
        lines.append(line)
        threads.add(threading.get_ident())

    with carto_import.Client(base_url, api_key, auth_mode="query", debug=log,
                             poll_interval=(0.02, 0.2)) as client:
        del log
        gc.collect()
        client.verify()
        (dataset,) = client.import_dataset(sample_csv, timeout=60)
        dataset.delete()
    assert lines[0].startswith("GET ") and "api/v1/imports" in lines[0] and "-> 200" in lines[0]
    assert any(line.startswith("POST ") and "B sent" in line for line in lines)
    assert any(line.startswith("DELETE ") for line in lines)
    assert all(api_key not in line and "attempt 1" in line for line in lines)
    assert threads == {threading.get_ident()}

    def broken(line):
        raise RuntimeError("the log is full")
    with carto_import.Client(base_url, api_key, debug=broken) as client:
        client.verify()  # (reported as unraisable, not raised)
    with pytest.raises(TypeError):
        carto_import.Options(debug=42)
