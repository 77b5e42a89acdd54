# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Shared by the carto-python compatible classes: attribute access over a handle's JSON."""


class Record(dict):
    """A JSON object whose keys are also attributes (nested objects are Records too)."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def of(cls, value):
        if isinstance(value, dict):
            return cls((k, cls.of(v)) for k, v in value.items())
        if isinstance(value, list):
            return [cls.of(v) for v in value]
        return value


class Resource:
    """A carto-python style object over a handle of carto_import (ImportJob, Dataset,
    SyncTable): the fields of its JSON are attributes, refreshed by _load()."""

    def __init__(self, handle):
        object.__setattr__(self, "_handle", handle)
        object.__setattr__(self, "_fields", ())
        self._load()

    def _load(self):
        data = self._handle.data
        data.update(self._computed())
        for name in self._fields:
            self.__dict__.pop(name, None)
        for name, value in data.items():
            self.__dict__[name] = Record.of(value)
        object.__setattr__(self, "_fields", tuple(data))

    def _computed(self):
        """Attributes that come from the handle rather than its JSON."""
        return {}

    @property
    def handle(self):
        """The underlying carto_import object (ImportJob, Dataset, SyncTable)."""
        return self._handle

    def get_id(self):
        """The object's id."""
        return self._handle.id

    def __repr__(self):
        return f"<{type(self).__name__} {self.get_id()}>"
