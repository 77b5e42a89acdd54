# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible import jobs: FileImportJobManager and FileImportJob.

    file_import = FileImportJobManager(auth_client).create(LOCAL_FILE_OR_URL)
    file_import.run(privacy="public")
    while file_import.state != "complete": ... file_import.refresh()

The job's fields (state, success, error_code, table_name, table_id, tables_created_count,
synchronization_id, warnings, get_error_text, ...) are attributes after run() and refresh().
"""

import os

from ._resource import Resource
from .core import Params

__all__ = ["FileImportJobManager", "FileImportJob"]

_URL_SCHEMES = ("http://", "https://", "ftp://")


class FileImportJob(Resource):
    """An import of a local file, a URL, or (connection=) an external database.

    Created by FileImportJobManager.create() (not yet sent: run() sends it), or from an
    existing job by get()/all().
    """

    def __init__(self, archive=None, auth_client=None, handle=None, connection=None):
        object.__setattr__(self, "_archive", archive)
        object.__setattr__(self, "_connection", connection)
        object.__setattr__(self, "_auth_client", auth_client)
        if handle is None:  # not yet run: nothing to show but the state
            object.__setattr__(self, "_handle", None)
            self.__dict__.update(state="new", id=None, item_queue_id=None, success=None,
                                 error_code=None)
        else:
            Resource.__init__(self, handle)

    def _computed(self):
        h = self._handle
        return {"id": h.id, "item_queue_id": h.id, "state": h.state_name, "success": h.success,
                "error_code": h.error_code or None}

    def run(self, progress=None, **import_args):
        """Sends the file (streamed) or the URL, with the given import parameters
        (privacy, create_vis, type_guessing, ...; connection= for a connector)."""
        if self._handle is not None:
            raise ValueError("this import job already ran")
        client = self._auth_client.client
        params = Params.of(**{k: v for k, v in import_args.items() if k != "connection"})
        connection = import_args.get("connection", self._connection)
        if connection is not None:
            handle = client.import_connector(connection, params)
        elif str(self._archive).lower().startswith(_URL_SCHEMES):
            handle = client.import_url(self._archive, params)
        else:
            handle = client.import_file(os.fspath(self._archive), params)
        handle.run(progress)
        Resource.__init__(self, handle)

    def refresh(self):
        """Fetches the job's current state and fields."""
        if self._handle is None:
            raise ValueError("run() the import job first")
        self._handle.refresh()
        self._load()

    def wait(self, timeout=None, progress=None):
        """Waits until the job is final (raises RemoteImportError if it failed)."""
        self._handle.wait(timeout, progress)
        self._load()

    def get_id(self):
        """The job id (item_queue_id); None before run()."""
        return None if self._handle is None else self._handle.id

    def datasets(self):
        """The datasets the completed job created (carto_import.datasets.Dataset)."""
        from .datasets import Dataset
        return [Dataset(h) for h in self._handle.datasets()]

    def __str__(self):
        text = f"import {self.get_id()}: {self.state}"
        if getattr(self, "error_code", None):
            text += f", error {self.error_code}"
            title = self._handle.error_title
            if title:
                text += f" ({title})"
        return text


class FileImportJobManager:
    """Creates and lists the account's import jobs."""

    def __init__(self, auth_client):
        self.auth_client = auth_client
        self.client = auth_client.client

    def create(self, archive, connection=None):
        """A FileImportJob for a local path (used as given), a URL, or connection=; run()
        sends it."""
        return FileImportJob(archive, self.auth_client, connection=connection)

    def get(self, id):
        """The import job with that id; NotFound when there is none."""
        return FileImportJob(auth_client=self.auth_client, handle=self.client.attach(id))

    def all(self):
        """The account's unfinished import jobs (newest first), with their fields."""
        return [self.get(job_id) for job_id in self.client.import_jobs()]

    def filter(self, **fields):
        """The unfinished import jobs whose fields equal the given values."""
        return [j for j in self.all()
                if all(getattr(j, k, None) == v for k, v in fields.items())]
