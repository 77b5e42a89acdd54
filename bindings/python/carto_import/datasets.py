# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible datasets: DatasetManager and Dataset (carto.datasets).

    dataset_manager = DatasetManager(auth_client)
    dataset = dataset_manager.create(LOCAL_FILE_URL_OR_FILE_OBJECT)  # import, wait, Dataset
    dataset = dataset_manager.create(URL, 900)                       # a sync table's dataset
    dataset = dataset_manager.create(None, None, connection=c)       # a connector import
    dataset.privacy = PUBLIC; dataset.save(); dataset.delete()

Unlike carto-python (bindings/python/README.md lists every difference): paths are used as
given, booleans are sent as true/false, the wait is the auth client's timeout (or
create(..., timeout=...)) with a poll that starts fast, and every dataset of a multi-table
import is returned by create_all() (and in create()'s result, as .datasets).
"""

from ._resource import Resource, declare
from .core import Dataset as _Dataset
from .core import EINUSE, Params
from .exceptions import InUse, InvalidArgument
from .file_import import _local_source
from .permissions import Permission
from .resources import Manager, Synchronization, Table, User, Visualization

__all__ = ["DatasetManager", "Dataset"]

_NO_TIMEOUT = object()


class Dataset(Resource):
    """A dataset: carto-python's fields (id, name, privacy, table, description, created_at,
    dependent_visualizations_count, ...) are attributes, None when the server has not sent
    them. Set any of name, privacy, description, license, attributions, source, title or
    display_name, then save()."""

    FIELDS = declare(
        "active_child active_layer_id attributions auth_tokens children connector "
        "dependent_visualizations_count description display_name external_source id kind "
        "license liked likes locked map_id name next_id parent_id prev_id privacy source tags "
        "title transition_options type url uses_builder_features",
        "created_at updated_at stats", dependent_visualizations=[Visualization],
        permission=Permission, synchronization=Synchronization, table=Table, user=User)
    NAME_FIELD = "name"
    EDITABLE = _Dataset.EDITABLE

    def _load(self):
        self.__dict__.pop("_changed", None)
        super()._load()

    def __setattr__(self, name, value):
        """Sets the attribute here; save() sends it if it is an editable field."""
        if name in self.EDITABLE and self.__dict__.get(name) != value:
            self.__dict__.setdefault("_changed", set()).add(name)
        self.__dict__[name] = value

    def save(self, force_create=False, fields=None):
        """Sends the editable fields changed since the last load (or, with fields=, those
        named), then takes the server's view. Fields that are not editable are not sent (the
        server would ignore them). force_create=True (make a new dataset from this one) is not
        supported: import a file instead."""
        if force_create:
            raise InvalidArgument("Dataset.save(force_create=True): datasets are created by "
                                  "importing (DatasetManager.create)")
        names = self.__dict__.get("_changed", set()) if fields is None else fields
        for name in names:
            if name in self.EDITABLE:
                value = getattr(self, name)
                self._handle.set_string(name, "" if value is None else str(value))
        self._handle.save()
        self._load()

    def refresh(self):
        """Fetches the dataset again (discarding unsaved changes)."""
        self._handle.refresh()
        self._load()

    def delete(self):
        """Deletes the dataset. As carto-python: refused (InUse, a CartoException) when
        dependent_visualizations_count says maps depend on it; then, beyond carto-python, the
        library asks the server again and refuses (InUse) if maps depend on it there."""
        if (self.dependent_visualizations_count or 0) > 0:
            raise InUse(
                "This dataset contains dependent visualizations. Delete them to be able to "
                "delete this dataset or use `force_delete` to delete the dataset and the "
                "dependent visualizations.", code=EINUSE)
        self._handle.delete()

    def force_delete(self):
        """Deletes the dataset even when maps depend on it (they break)."""
        self._handle.force_delete()


class DatasetManager(Manager):
    """Creates, lists and fetches datasets of the auth client's account."""

    def create_all(self, archive, interval=None, timeout=_NO_TIMEOUT, progress=None,
                   **import_args):
        """As create(), but returns every Dataset the import created."""
        connection = import_args.pop("connection", None)
        if connection is None and archive is None:
            raise InvalidArgument("give a path, URL or file object, or connection=")
        if timeout is _NO_TIMEOUT:
            timeout = getattr(self.auth_client, "timeout", None)
        params = Params.of(**import_args)
        with _local_source(archive if connection is None else connection) as source:
            if interval is not None:
                handles = self.client.import_sync_dataset(source, interval, timeout=timeout,
                                                          progress=progress, params=params)
            else:
                handles = self.client.import_dataset(source, timeout=timeout,
                                                     progress=progress, params=params)
        return [Dataset(h) for h in handles]

    def create(self, archive, interval=None, timeout=_NO_TIMEOUT, progress=None,
               **import_args):
        """Imports archive and waits: its (first) Dataset, with all of them in .datasets.

        archive: a local path (used as given), a URL, or an open file object (binary or text;
        streamed from disk, never read whole into memory).
        interval: seconds between syncs (>= 900) to make a URL or connection a sync table.
        connection: a connector dict ({"connector": {...}}) instead of archive.
        timeout: seconds to wait (default: the auth client's); progress: a callable
        (state, bytes_done, bytes_total) -> truthy to cancel.
        Other keywords are import parameters, as the Import API takes them (table_name,
        privacy, create_vis, type_guessing, quoted_fields_guessing, content_guessing,
        collision_strategy).
        """
        datasets = self.create_all(archive, interval, timeout, progress, **import_args)
        first = datasets[0]
        first.__dict__["datasets"] = datasets
        return first

    def all(self):
        """Every dataset of the account."""
        return self.filter()

    def filter(self, **params):
        """The datasets the server lists for these GET /api/v1/viz parameters (q, privacy,
        tags, order, order_direction, per_page, ...), every page, as carto-python sends
        them (with type=table, exclude_shared=true, with_dependent_visualizations=1)."""
        return [Dataset(h) for h in self.client.datasets(**params)]

    def get(self, id_or_name):
        """One dataset by its id or name; NotFound (a NotFoundException) when there is none."""
        return Dataset(self.client.dataset(id_or_name))

