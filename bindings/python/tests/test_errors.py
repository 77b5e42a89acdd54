# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Errors become exceptions, mapped once from the last error's snapshot."""
import uuid

import pytest

import carto_import
from carto_import import Client, exceptions
from carto_import.exceptions import (AuthError, CartoException, CartoRateLimitException,
                                     NotFound, RemoteImportError)


def test_mapping_table():
    assert exceptions.exception_class(carto_import.EAUTH) is AuthError
    assert exceptions.exception_class(carto_import.ERATELIMIT) is CartoRateLimitException
    assert exceptions.exception_class(carto_import.EREMOTE) is RemoteImportError
    assert exceptions.exception_class(-17) is exceptions.NetworkError  # by its range
    assert exceptions.exception_class(-1000) is CartoException
    assert issubclass(exceptions.InvalidArgument, ValueError)
    assert issubclass(exceptions.NetworkError, ConnectionError)
    assert issubclass(exceptions.TimeoutError, TimeoutError)
    e = exceptions._from_c(-24, "slow down", 429, None, None, None, 0, 7, 10, 0, 30)
    assert (type(e), e.limit, e.remaining, e.retry_after, e.reset) == \
        (CartoRateLimitException, 10, 0, 7, 30)


def test_bad_key(base_url):
    secret = "not-the-key-" + uuid.uuid4().hex
    with Client(base_url, secret) as c:
        with pytest.raises(AuthError) as info:
            c.verify()
    e = info.value
    assert isinstance(e, CartoException) and e.http_status == 401
    assert e.code == carto_import.EAUTH
    assert secret not in str(e) and secret not in repr(e) and secret not in e.message


def test_unknown_job_and_dataset(client):
    with pytest.raises(NotFound) as info:
        client.attach(str(uuid.uuid4()))
    assert info.value.http_status == 404 and isinstance(info.value, LookupError)
    with pytest.raises(exceptions.NotFoundException):
        client.dataset("no_such_dataset")


def test_failed_import(client, tmp_path):
    path = tmp_path / "notes.xyz"
    path.write_text("not a geo file\n")
    with pytest.raises(RemoteImportError) as info:
        client.import_dataset(path, timeout=60)
    e = info.value
    assert e.remote_code == 1002 and e.code == carto_import.EREMOTE
    assert e.title and e.source == "user"
    assert "1002" in str(e)
    job = client.import_file(path).run()
    with pytest.raises(RemoteImportError):
        job.wait(60)
    assert job.success is False and job.error_code == 1002 and job.error_title


def test_invalid_arguments(base_url, api_key, client):
    with pytest.raises(exceptions.InvalidArgument):
        Client("ftp://nowhere", api_key)
    with pytest.raises(ValueError):
        client.import_url("file:///etc/passwd")
    with pytest.raises(exceptions.FileError) as info:
        client.import_file("/no/such/File.CSV")
    assert isinstance(info.value, OSError) and "File.CSV" in str(info.value)
    with pytest.raises(TypeError):
        client.import_dataset("x.csv", progress=42)


def test_deadline(client, sample_csv):
    with pytest.raises(exceptions.TimeoutError) as info:
        client.import_dataset(sample_csv, timeout=0.001)
    assert isinstance(info.value, TimeoutError)


def test_callback_exception_is_reraised(client, sample_csv):
    class Stop(Exception):
        pass

    def progress(state, done, total):
        raise Stop(state)

    with pytest.raises(Stop):
        client.import_dataset(sample_csv, timeout=60, progress=progress)
    job = client.import_file(sample_csv).run()
    with pytest.raises(Stop):
        job.wait(60, progress)
    job.wait(60)  # the job went on


def test_callback_true_cancels(client, sample_csv):
    with pytest.raises(exceptions.Cancelled):
        client.import_dataset(sample_csv, timeout=60, progress=lambda *a: True)


def test_late_cancel_names_the_job(client, sample_csv):
    # A cancel once the whole file was sent is too late: the server has the job, and the
    # exception (built from the C library's error snapshot) says so and carries its id.
    def progress(state, done, total):
        return state == carto_import.STATE_SENDING and done >= total

    with pytest.raises(exceptions.Cancelled) as info:
        client.import_dataset(sample_csv, timeout=60, progress=progress)
    assert info.value.job_id and info.value.job_id in str(info.value)
    assert "too late" in str(info.value)
    client.attach(info.value.job_id).wait(60)  # it goes on
