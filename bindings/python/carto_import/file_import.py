# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible import jobs: FileImportJobManager and FileImportJob
(carto.file_import).

    file_import = FileImportJobManager(auth_client).create(LOCAL_FILE_URL_OR_FILE_OBJECT)
    file_import.run(privacy="public")
    while file_import.state != "complete": ... file_import.refresh()

carto-python's fields (id, item_queue_id, state, success, table_name, table_id, error_code,
get_error_text, warnings, display_name, ...) are attributes, None until the server sends them.
Unlike carto-python, create() sends nothing (run() does: carto-python posts an empty import
first), and all() returns the jobs.
"""

import contextlib
import io
import os
import tempfile

from ._resource import Resource, declare
from .core import Params
from .exceptions import InvalidArgument
from .resources import Manager

__all__ = ["FileImportJobManager", "FileImportJob"]

_URL_SCHEMES = ("http://", "https://", "ftp://")
_CHUNK = 1 << 20


@contextlib.contextmanager
def _local_source(archive):
    """What the library imports for archive: a path, URL or connector as given; an open file
    object as its own path when it is a whole regular file on disk, else copied 1 MiB at a
    time into a temporary file of the same name (text is encoded as the stream's encoding),
    removed afterwards."""
    if not (hasattr(archive, "read") and not isinstance(archive, (str, bytes))):
        yield archive
        return
    name = getattr(archive, "name", None)
    if isinstance(name, (str, bytes, os.PathLike)) and _is_whole_file(archive, name):
        yield os.fsdecode(name)
        return
    if not isinstance(name, (str, bytes, os.PathLike)) or not os.path.basename(os.fsdecode(name)):
        raise InvalidArgument("a file object without a file name: the server needs one with "
                              "an extension to know the format (set its .name, e.g. 'x.csv')")
    with tempfile.TemporaryDirectory(prefix="carto_import-") as folder:
        path = os.path.join(folder, os.path.basename(os.fsdecode(name)))
        encoding = getattr(archive, "encoding", None) or "utf-8"
        with open(path, "wb") as copy:
            while True:
                chunk = archive.read(_CHUNK)
                if not chunk:
                    break
                copy.write(chunk.encode(encoding) if isinstance(chunk, str) else chunk)
        yield path


def _is_whole_file(stream, name):
    """Whether stream reads the regular file `name` from its start (so the path can be sent)."""
    try:
        if stream.tell() != 0 or not isinstance(stream, (io.BufferedReader, io.FileIO)):
            return False
        mine, theirs = os.fstat(stream.fileno()), os.stat(name)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


class FileImportJob(Resource):
    """An import of a local file, a URL, a file object, or (connection=) an external database.

    FileImportJob(archive, auth_client) or FileImportJobManager.create() make one that is not
    yet sent: run() sends it. get() and all() give existing ones.
    """

    FIELDS = declare("item_queue_id id user_id table_id data_type table_name state error_code "
                     "queue_id tables_created_count synchronization_id type_guessing "
                     "quoted_fields_guessing content_guessing create_visualization "
                     "visualization_id user_defined_limits get_error_text display_name success "
                     "warnings is_raster")
    ID_FIELD = "item_queue_id"

    def __init__(self, archive=None, auth_client=None, handle=None, connection=None):
        object.__setattr__(self, "_archive", archive)
        object.__setattr__(self, "_connection", connection)
        object.__setattr__(self, "_auth_client", auth_client)
        object.__setattr__(self, "_handle", None)
        if handle is None:  # not yet run: every field None, as in carto-python
            self._set_data({})
        else:
            Resource.__init__(self, handle)

    def _computed(self):
        h = self._handle
        return {"id": h.id, "item_queue_id": h.id, "state": h.state_name, "success": h.success,
                "error_code": h.error_code or None}

    def run(self, progress=None, **import_params):
        """Sends the file (streamed), the URL or the connector, with the given import
        parameters (privacy, create_vis, type_guessing, table_name, ...; connection= for a
        connector)."""
        if self._handle is not None:
            raise InvalidArgument("this import job already ran")
        client = self._auth_client.client
        connection = import_params.pop("connection", self._connection)
        params = Params.of(**import_params)
        with _local_source(self._archive if connection is None else None) as source:
            if connection is not None:
                handle = client.import_connector(connection, params)
            elif str(source).lower().startswith(_URL_SCHEMES):
                handle = client.import_url(source, params)
            else:
                handle = client.import_file(os.fspath(source), params)
            handle.run(progress)
        Resource.__init__(self, handle)

    def refresh(self):
        """Fetches the job's current state and fields."""
        if self._handle is None:
            raise InvalidArgument("Async job needs to be run or retrieved first!")
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
        return str(self.id) if self.id is not None else repr(self)

    def __repr__(self):
        text = f"<FileImportJob {self.get_id()}: {self.state or 'not run'}"
        if self.error_code:
            text += f", error {self.error_code}"
        return text + ">"


class FileImportJobManager(Manager):
    """Creates and lists the account's import jobs."""

    def create(self, archive, **kwargs):
        """A FileImportJob for a local path (used as given), a URL, a file object, or
        connection=; nothing is sent until its run()."""
        return FileImportJob(archive, self.auth_client, connection=kwargs.get("connection"))

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
