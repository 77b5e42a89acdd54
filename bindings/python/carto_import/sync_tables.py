# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible sync tables: SyncTableJobManager and SyncTableJob.

    sync_table = SyncTableJobManager(auth_client).create(URL, 900)
    sync_table.refresh(); sync_table.state; sync_table.force_sync()

Fields (§4.6: id, name, interval, url, state, run_at, ran_at, error_code, error_message,
retried_times, service_name, visualization_id, ...) are attributes. Unlike carto-python,
force_sync() uses the sync_now endpoint, and all() returns the sync tables.
"""

from ._resource import Resource
from .core import Params

__all__ = ["SyncTableJobManager", "SyncTableJob"]


class SyncTableJob(Resource):
    """A sync table of the account."""

    def _computed(self):
        return {"id": self._handle.id, "state": self._handle.state_name}

    def refresh(self):
        """Fetches the sync table's state and fields."""
        self._handle.refresh()
        self._load()

    def force_sync(self):
        """Asks the server to sync now. Returns True when a run was queued; False when the
        server refused (the last run is under 15 minutes old, or it is busy)."""
        outcome = self._handle.force()  # (it refreshes the handle itself)
        self._load()
        from .core import FORCE_ENQUEUED
        return outcome == FORCE_ENQUEUED

    def is_syncing(self):
        """Whether it is queued or syncing now (asks the server)."""
        return self._handle.is_syncing()

    def wait(self, timeout=None, progress=None):
        """Waits until the current run ends (raises RemoteImportError if it failed)."""
        self._handle.wait(timeout, progress)
        self._load()

    def set_interval(self, interval):
        """Changes the interval between runs (seconds, >= 900)."""
        self._handle.set_interval(int(interval))  # (the handle takes the server's reply)
        self._load()

    def delete(self):
        """Stops syncing; the table stays as a normal dataset."""
        self._handle.delete()

    def dataset(self):
        """The dataset it keeps up to date (carto_import.datasets.Dataset)."""
        from .datasets import Dataset
        return Dataset(self._handle.dataset())


class SyncTableJobManager:
    """Creates and lists the account's sync tables."""

    def __init__(self, auth_client):
        self.auth_client = auth_client
        self.client = auth_client.client

    def create(self, url, interval, **import_args):
        """Creates a sync table from a URL (or connection= a connector dict) that the server
        re-imports every interval seconds (>= 900)."""
        connection = import_args.pop("connection", None)
        source = connection if connection is not None else url
        return SyncTableJob(self.client.create_sync(source, interval,
                                                    Params.of(**import_args)))

    def get(self, id):
        """The sync table with that id; NotFound when there is none."""
        return SyncTableJob(self.client.sync(id))

    def all(self):
        """Every sync table of the account."""
        return [SyncTableJob(h) for h in self.client.syncs()]
