# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible sync tables: SyncTableJobManager and SyncTableJob
(carto.sync_tables).

    sync_table = SyncTableJobManager(auth_client).create(URL, 900)
    sync_table.refresh(); sync_table.state; sync_table.force_sync()

carto-python's fields (id, name, interval, url, state, run_at, ran_at, error_code,
error_message, retried_times, service_name, visualization_id, ...) are attributes, None until
the server sends them; dates are datetimes. Unlike carto-python, force_sync() uses the sync_now
endpoint (carto-python's PUT to the sync itself does not sync), and all() returns the sync
tables.
"""

from ._resource import Resource, declare
from .core import FORCE_ENQUEUED, Params
from .exceptions import InvalidArgument
from .resources import Manager

__all__ = ["SyncTableJobManager", "SyncTableJob"]

_ENDPOINT = "api/v1/synchronizations/"


class SyncTableJob(Resource):
    """A sync table of the account.

    SyncTableJob(url, interval, auth_client) makes one that is not yet created: run() creates
    it. SyncTableJobManager.create(), get() and all() give created ones.
    """

    FIELDS = declare("id name interval url state retried_times log_id error_code error_message "
                     "etag checksum user_id service_name service_item_id success type_guessing "
                     "quoted_fields_guessing content_guessing visualization_id "
                     "from_external_source synchronization_id enqueued",
                     "created_at updated_at run_at ran_at modified_at")

    def __init__(self, url=None, interval=None, auth_client=None, handle=None):
        object.__setattr__(self, "_auth_client", auth_client)
        object.__setattr__(self, "_handle", None)
        if handle is None:  # not yet created: carto-python's constructor
            self._set_data({"url": url, "interval": interval})
        else:
            Resource.__init__(self, handle)

    def _computed(self):
        return {"id": self._handle.id, "state": self._handle.state_name}

    def _created(self):
        if self._handle is None:
            raise InvalidArgument("Async job needs to be run or retrieved first!")
        return self._handle

    def get_id(self):
        """The sync table's id; None before run()."""
        return None if self._handle is None else self._handle.id

    def run(self, **import_params):
        """Creates the sync table on the server from its url (or connection= a connector
        dict) and interval, with the given import parameters."""
        if self._handle is not None:
            raise InvalidArgument("this sync table exists already (it was created or run)")
        connection = import_params.pop("connection", None)
        source = connection if connection is not None else self.url
        client = self._auth_client.client
        Resource.__init__(self, client.create_sync(source, self.interval,
                                                   Params.of(**import_params)))

    def refresh(self):
        """Fetches the sync table's state and fields."""
        self._created().refresh()
        self._load()

    def save(self, force_create=False, fields=None):
        """Sends a changed interval (the one field a sync table takes back); force_create=True,
        or save() before run(), creates it as run() does."""
        if force_create or self._handle is None:
            return self.run()
        if (fields is None or "interval" in fields) and self.interval != self._handle.interval:
            self.set_interval(self.interval)

    def get_force_sync_endpoint(self):
        """The path of the force-sync request, relative to the base URL."""
        return f"{_ENDPOINT}{self._created().id}/sync_now"

    def force_sync(self):
        """Asks the server to sync now. Returns True when a run was queued; False when the
        server refused (the last run is under 15 minutes old, or it is busy)."""
        outcome = self._created().force()  # (it refreshes the handle itself)
        self._load()
        return outcome == FORCE_ENQUEUED

    def is_syncing(self):
        """Whether it is queued or syncing now (asks the server)."""
        return self._created().is_syncing()

    def wait(self, timeout=None, progress=None):
        """Waits until the current run ends (raises RemoteImportError if it failed)."""
        self._created().wait(timeout, progress)
        self._load()

    def set_interval(self, interval):
        """Changes the interval between runs (seconds, >= 900)."""
        self._created().set_interval(int(interval))  # (the handle takes the server's reply)
        self._load()

    def delete(self):
        """Stops syncing; the table stays as a normal dataset."""
        self._created().delete()

    def dataset(self):
        """The dataset it keeps up to date (carto_import.datasets.Dataset)."""
        from .datasets import Dataset
        return Dataset(self._created().dataset())


class SyncTableJobManager(Manager):
    """Creates and lists the account's sync tables."""

    def create(self, url, interval, **import_args):
        """Creates a sync table from a URL (or connection= a connector dict) that the server
        re-imports every interval seconds (>= 900)."""
        job = SyncTableJob(url, interval, self.auth_client)
        job.run(**import_args)
        return job

    def get(self, id):
        """The sync table with that id; NotFound when there is none."""
        return SyncTableJob(handle=self.client.sync(id))

    def all(self):
        """Every sync table of the account."""
        return [SyncTableJob(handle=h) for h in self.client.syncs()]
