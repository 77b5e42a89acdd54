# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The base of the carto-python compatible classes: pyrestcli-style resources.

A class declares the fields carto-python declares (declare()): each reads None until the
server's JSON has it, dates read as datetime, nested objects as resources with get_id(). The
JSON's other members are attributes too (as Records). Attributes can be set freely, as in
pyrestcli; what save() sends is each class's business.
"""

import datetime as _datetime


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


def parse_datetime(value):
    """An ISO 8601 text as a datetime (as pyrestcli's DateTimeField); anything else as it is."""
    if not isinstance(value, str):
        return value
    try:
        return _datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value


def declare(plain="", dates="", **nested):
    """The declared fields of a class: names in `plain` keep their JSON value, names in `dates`
    become datetimes, and each keyword names a nested resource field with its class (a one-item
    list [cls] for a list of them; a string names a class of this module's callers, resolved
    when first used, as pyrestcli's ResourceField does)."""
    fields = dict.fromkeys(plain.split())
    fields.update(dict.fromkeys(dates.split(), parse_datetime))
    fields.update(nested)
    return fields


class Fields:
    """Attribute access over a JSON object with carto-python's declared FIELDS."""

    FIELDS = {}
    ID_FIELD = "id"      # pyrestcli's Meta.id_field
    NAME_FIELD = "id"    # pyrestcli's Meta.name_field: what str() shows

    def _set_data(self, data):
        """Takes the JSON object data: its members become attributes (declared fields
        converted), declared fields it lacks read None, and members of the previous data that
        it no longer has are dropped (a refresh leaves nothing stale)."""
        for name in self.__dict__.pop("_data_names", ()):
            if name not in data:
                self.__dict__.pop(name, None)
        for name in self.FIELDS:
            self.__dict__.setdefault(name, None)
        for name, value in data.items():
            self.__dict__[name] = _convert(self.FIELDS.get(name), value)
        self.__dict__["_data_names"] = tuple(data)

    def get_id(self):
        """The object's id (None when it has none yet)."""
        return getattr(self, self.ID_FIELD, None)

    def __str__(self):
        name = getattr(self, self.NAME_FIELD, None)
        return repr(self) if name is None else str(name)

    def __repr__(self):
        return f"<{type(self).__name__} {self.get_id()}>"


class Nested(Fields):
    """A resource inside another one's JSON (a dataset's table, its dependent maps, ...)."""

    def __init__(self, data=None, **fields):
        self._set_data(dict(data or {}, **fields))


def _convert(kind, value):
    if kind is None or value is None:
        return Record.of(value)
    if isinstance(kind, list):
        return [_convert(kind[0], v) for v in value] if isinstance(value, list) else value
    if isinstance(kind, str):
        kind = _resolve(kind)
    if isinstance(kind, type) and issubclass(kind, Nested):
        return kind(value) if isinstance(value, dict) else value
    return kind(value)


def _resolve(path):
    module, _, name = path.rpartition(".")
    import importlib
    return getattr(importlib.import_module(module, __package__), name)


class Resource(Fields):
    """A carto-python style object over a handle of carto_import (ImportJob, Dataset,
    SyncTable): the fields of its JSON are attributes, refreshed by _load()."""

    def __init__(self, handle):
        object.__setattr__(self, "_handle", handle)
        self._load()

    def _load(self):
        data = self._handle.data
        data.update(self._computed())
        self._set_data(data)

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
