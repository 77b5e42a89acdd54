# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible datasets: DatasetManager and Dataset.

    dataset_manager = DatasetManager(auth_client)
    dataset = dataset_manager.create(LOCAL_FILE_OR_URL)          # import, wait, Dataset
    dataset = dataset_manager.create(URL, 900)                   # a sync table's dataset
    dataset = dataset_manager.create(None, None, connection=c)   # a connector import
    dataset.privacy = "PUBLIC"; dataset.save(); dataset.delete()

Unlike carto-python: paths are used as given, booleans are sent as true/false, the wait is
the auth client's timeout (or create(..., timeout=...)), and every dataset of a multi-table
import is returned by create_all() (and in create()'s result, as .datasets).
"""

from ._resource import Resource
from .core import Dataset as _Dataset
from .core import Params

__all__ = ["DatasetManager", "Dataset"]

_NO_TIMEOUT = object()


class Dataset(Resource):
    """A dataset: its fields (id, name, privacy, table, description, ...) are attributes.
    Set name, privacy, description, license, attributions, source, title or display_name,
    then save()."""

    EDITABLE = _Dataset.EDITABLE

    def __setattr__(self, name, value):
        if name not in self.EDITABLE:
            raise AttributeError(f"{name} is not editable; one of {', '.join(self.EDITABLE)}")
        self._handle.set_string(name, value)
        self.__dict__[name] = value

    def save(self):
        """Sends the changed fields to the server, then takes its reply."""
        self._handle.save()
        self._load()

    def refresh(self):
        """Fetches the dataset again (discarding unsaved changes)."""
        self._handle.refresh()
        self._load()

    def delete(self):
        """Deletes the dataset; InUse when maps depend on it (see force_delete)."""
        self._handle.delete()

    def force_delete(self):
        """Deletes the dataset even when maps depend on it."""
        self._handle.force_delete()


class DatasetManager:
    """Creates, lists and fetches datasets of the auth client's account."""

    def __init__(self, auth_client):
        self.auth_client = auth_client
        self.client = auth_client.client

    def create_all(self, archive, interval=None, timeout=_NO_TIMEOUT, progress=None,
                   **import_args):
        """As create(), but returns every Dataset the import created."""
        connection = import_args.pop("connection", None)
        source = connection if connection is not None else archive
        if source is None:
            raise ValueError("give a path or URL, or connection=")
        if timeout is _NO_TIMEOUT:
            timeout = getattr(self.auth_client, "timeout", None)
        params = Params.of(**import_args)
        if interval:
            handles = self.client.import_sync_dataset(source, interval, timeout=timeout,
                                                      progress=progress, params=params)
        else:
            handles = self.client.import_dataset(source, timeout=timeout, progress=progress,
                                                 params=params)
        return [Dataset(h) for h in handles]

    def create(self, archive, interval=None, timeout=_NO_TIMEOUT, progress=None,
               **import_args):
        """Imports archive (a local path or a URL) and waits: its (first) Dataset, with all of
        them in .datasets.

        interval: seconds between syncs (>= 900) to make it a sync table.
        connection: a connector dict ({"connector": {...}}) instead of archive.
        timeout: seconds to wait (default: the auth client's); progress: a callable.
        Other keywords are import parameters (privacy, create_vis, type_guessing, ...).
        """
        datasets = self.create_all(archive, interval, timeout, progress, **import_args)
        first = datasets[0]
        first.__dict__["datasets"] = datasets
        return first

    def all(self):
        """Every dataset of the account."""
        return [Dataset(h) for h in self.client.datasets()]

    def filter(self, **fields):
        """The datasets whose fields equal the given values."""
        return [d for d in self.all()
                if all(getattr(d, k, None) == v for k, v in fields.items())]

    def get(self, id_or_name):
        """One dataset by its id or name; NotFound when there is none."""
        return Dataset(self.client.dataset(id_or_name))
