# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors

# ---- The Pythonic layer (bindings/python/pythonic.py, inserted by SWIG at the end of core.py).
# Seconds instead of milliseconds, keywords instead of setters, lists instead of list handles,
# properties, context managers. Each method is a thin call of one C function of the SWIG layer.

import json as _json
import os as _os
import urllib.parse as _urlparse


def _extends(target):
    """Class decorator: copies the decorated class's members, and those of its bases (the
    shared mixins below), onto the SWIG class `target`."""
    def apply(mixin):
        for cls in reversed(mixin.__mro__[:-1]):
            for name, value in vars(cls).items():
                if name in ("__dict__", "__weakref__", "__module__", "__qualname__"):
                    continue
                if name == "__doc__" and cls is not mixin:
                    continue
                setattr(target, name, value)
        return target
    return apply


class _Closing:
    """Shared by every handle class: a context manager that closes it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Handle(_Closing):
    """Shared by the object handles: their repr, "<carto_import.NAME closed>" once closed,
    else with _repr_detail() when there is one."""

    def _repr_detail(self):
        return None

    def __repr__(self):
        name = type(self).__name__
        if self.is_closed():
            return f"<carto_import.{name} closed>"
        detail = self._repr_detail()
        return f"<carto_import.{name} {detail}>" if detail else f"<carto_import.{name}>"


def _ms(seconds, name="timeout"):
    """Seconds (None: no limit) to the C API's milliseconds (0: no limit)."""
    if seconds is None:
        return 0
    if seconds <= 0:
        raise ValueError(f"{name} must be positive or None, not {seconds!r}")
    return max(1, int(round(seconds * 1000)))


_PRIVACY = {"public": PRIVACY_PUBLIC, "private": PRIVACY_PRIVATE, "link": PRIVACY_LINK}
_COLLISION = {"rename": COLLISION_RENAME, "skip": COLLISION_SKIP,
              "overwrite": COLLISION_OVERWRITE}


def _choice(table, value, what):
    if isinstance(value, str):
        try:
            return table[value.lower()]
        except KeyError:
            raise ValueError(f"unknown {what} {value!r}; one of {', '.join(table)}") from None
    return int(value)


def _source(source):
    """A path, URL, connector JSON text, or a connector dict (sent as JSON)."""
    if isinstance(source, dict):
        return _json.dumps(source)
    return _os.fspath(source)


def _param_texts(values):
    """Import API and query parameters as the server reads them: each value as text, booleans
    as true/false; None leaves the parameter out."""
    return {name: str(value).lower() if isinstance(value, bool) else str(value)
            for name, value in values.items() if value is not None}


def _items(handle):
    """The items of a list handle as a Python list (the handle is freed)."""
    with handle:
        return list(handle)


@_extends(Options)
class Options(_Handle):
    """Settings a Client is built from: Options(base_url=..., api_key=..., verify_tls=...).

    Every keyword of configure() is accepted. The set_* methods are the C setters.
    """

    def __init__(self, **settings):
        _core.Options_swiginit(self, _core.new_Options())
        self.configure(**settings)

    def configure(self, *, base_url=None, api_key=None, auth_mode=None, verify_tls=None,
                  ca_bundle=None, allow_insecure_http=None, connect_timeout=None,
                  request_timeout=None, call_timeout=None, low_speed=None,
                  user_agent_suffix=None, max_attempts=None, backoff=None, poll_interval=None,
                  max_list_entries=None, upload_compression=None, debug=None):
        """Sets the given settings; timeouts in seconds.

        debug: a callable(line) given one line per HTTP request attempt (method, path and
        query, status, bytes, time, attempt number; secrets redacted), from the thread that
        made the request; its exceptions are reported as unraisable, never raised. False
        turns it off.

        auth_mode: "basic" (Authorization header, default) or "query" (api_key parameter).
        low_speed: (bytes_per_second, seconds) stall detection, (0, 0) to disable.
        max_attempts / backoff=(base_seconds, max_seconds): retry policy.
        poll_interval: (initial_seconds, max_seconds) between polls of a wait.
        request_timeout: one attempt of a request without a file (default 30; 0: no limit).
        call_timeout: all the requests without a file of one call (default 90; 0: no limit).
        low_speed also watches uploads, which have no other limit (default (1024, 60)).
        max_list_entries: the most entries a listing may claim (default 100000).
        upload_compression: "auto" (default: gzip text formats while it is faster than the
            link), "gzip" (always) or "none"; files are then sent as NAME.gz.
        """
        if base_url is not None:
            self.set_base_url(base_url)
        if api_key is not None:
            self.set_api_key(api_key)
        if auth_mode is not None:
            self.set_auth_mode(_choice({"basic": AUTH_BASIC, "query": AUTH_QUERY}, auth_mode,
                                       "auth mode"))
        if verify_tls is not None:
            self.set_verify_tls(bool(verify_tls))
        if ca_bundle is not None:
            self.set_ca_bundle(_os.fspath(ca_bundle))
        if allow_insecure_http is not None:
            self.set_allow_insecure_http(bool(allow_insecure_http))
        if connect_timeout is not None:
            self.set_connect_timeout_ms(_ms(connect_timeout, "connect_timeout"))
        if request_timeout is not None:
            self.set_request_timeout_ms(_ms(request_timeout or None, "request_timeout"))
        if call_timeout is not None:
            self.set_call_timeout_ms(_ms(call_timeout or None, "call_timeout"))
        if max_list_entries is not None:
            self.set_max_list_entries(max_list_entries)
        if low_speed is not None:
            self.set_low_speed(*low_speed)
        if user_agent_suffix is not None:
            self.set_user_agent_suffix(user_agent_suffix)
        if max_attempts is not None or backoff is not None:
            base, top = backoff if backoff is not None else (0.5, 30.0)
            self.set_retry(3 if max_attempts is None else max_attempts,
                           _ms(base, "backoff"), _ms(top, "backoff"))
        if poll_interval is not None:
            first, top = poll_interval
            self.set_poll_interval_ms(_ms(first, "poll_interval"), _ms(top, "poll_interval"))
        if upload_compression is not None:
            self.set_upload_compression(_choice(
                {"auto": COMPRESSION_AUTO, "gzip": COMPRESSION_GZIP, "none": COMPRESSION_NONE},
                upload_compression, "upload compression"))
        if debug is not None:
            callback = debug or None
            self._set_debug(callback)
            self._debug = callback  # (kept alive for the clients made from here)
        return self


@_extends(Params)
class Params(_Handle):
    """Import parameters: Params(privacy="public", create_vis=True, ...); see configure()."""

    def __init__(self, **params):
        _core.Params_swiginit(self, _core.new_Params())
        self.configure(**params)

    def configure(self, *, type_guessing=None, quoted_fields_guessing=None,
                  content_guessing=None, create_vis=None, privacy=None,
                  collision_strategy=None, **others):
        """Sets what is given; anything left out is not sent (the server's default).

        privacy: "public", "private", "link" (any case) or a PRIVACY_* value.
        collision_strategy: "rename" (default), "skip", "overwrite" or a COLLISION_* value.
        Any other keyword is an Import API parameter sent as a string (table_name="roads";
        booleans as true/false; None leaves it out).
        """
        for name, text in _param_texts(others).items():
            self.set_string(name, text)
        if type_guessing is not None:
            self.set_type_guessing(bool(type_guessing))
        if quoted_fields_guessing is not None:
            self.set_quoted_fields_guessing(bool(quoted_fields_guessing))
        if content_guessing is not None:
            self.set_content_guessing(bool(content_guessing))
        if create_vis is not None:
            self.set_create_vis(bool(create_vis))
        if privacy is not None:
            self.set_privacy(_choice(_PRIVACY, privacy, "privacy"))
        if collision_strategy is not None:
            self.set_collision_strategy(_choice(_COLLISION, collision_strategy,
                                                "collision strategy"))
        return self

    @staticmethod
    def of(params=None, **kwargs):
        """A Params from a Params, keywords, or nothing (None: the server's defaults)."""
        if params is not None:
            if kwargs:
                raise TypeError("pass either params= or import keywords, not both")
            return params
        return Params(**kwargs) if kwargs else None


@_extends(Client)
class Client(_Handle):
    """A connection to one CARTO account; safe to share between threads.

        with carto_import.Client(base_url, api_key) as client:
            datasets = client.import_dataset("cities.csv", timeout=600)

    base_url is any CARTO form (https://USER.carto.com/, https://ORG.carto.com/u/USER/,
    https://HOST/user/USER/). Other keywords are Options.configure()'s; or pass options=.
    """

    def __init__(self, base_url=None, api_key=None, *, options=None, **settings):
        if options is None:
            with Options(base_url=base_url, api_key=api_key, **settings) as options:
                _core.Client_swiginit(self, _core.new_Client(options))
        else:
            options.configure(base_url=base_url, api_key=api_key, **settings)
            _core.Client_swiginit(self, _core.new_Client(options))
        # The debug callable the client was given: the C client holds only a pointer to it.
        self._debug = getattr(options, "_debug", None)

    username = property(lambda self: self._username(), doc="The account's username.")
    base_url = property(lambda self: self._base_url(), doc="The normalised base URL.")

    def import_file(self, path, params=None, **kwargs):
        """Prepares an import of a local file (path used exactly as given): an ImportJob to
        run() and wait() for. Keywords are Params.configure()'s."""
        return self._import_file(_os.fspath(path), Params.of(params, **kwargs))

    def import_url(self, url, params=None, **kwargs):
        """Prepares an import of a URL the server downloads: an ImportJob."""
        return self._import_url(url, Params.of(params, **kwargs))

    def import_connector(self, connector, params=None, **kwargs):
        """Prepares an import from an external database: connector is a dict or JSON text
        such as {"provider": "postgres", "connection": {...}, "table": "t"}."""
        return self._import_connector(_source(connector), Params.of(params, **kwargs))

    def import_jobs(self):
        """The ids of the account's unfinished import jobs, newest first."""
        return _items(self._import_jobs())

    def import_dataset(self, source, *, timeout=None, progress=None, params=None, **kwargs):
        """Imports a file path, URL (http, https, ftp) or connector (dict) and waits.

        Returns the list of Datasets created (an archive may hold several tables).
        timeout: seconds for the whole call (None: no limit).
        progress: progress(state, bytes_done, bytes_total) -> bool | None, where state is a
        STATE_* value and the bytes are ints; called while sending, then after
        every poll and at least every 100 ms while waiting (bytes -1: compare with the previous
        state to notice changes); return True or raise to cancel (the exception is re-raised
        here).
        """
        return _items(self._import_dataset(_source(source), Params.of(params, **kwargs),
                                           _ms(timeout), progress))

    def import_sync_dataset(self, source, interval, *, timeout=None, progress=None,
                            params=None, **kwargs):
        """Creates a sync table from a URL or connector (dict) that re-imports every interval
        seconds (>= SYNC_MIN_INTERVAL; 0 imports a connector once), waits for its first run,
        and returns its Datasets.

        progress: progress(state, bytes_done, bytes_total) -> bool | None, as for
        import_dataset() (bytes are -1); return True or raise to cancel.
        """
        return _items(self._import_sync_dataset(_source(source), int(interval),
                                                Params.of(params, **kwargs), _ms(timeout),
                                                progress))

    def datasets(self, **filters):
        """The account's datasets, as a list of Dataset: all of them, or those the server
        lists for GET /api/v1/viz parameters such as q="roads", privacy="public",
        order="updated_at", per_page=20 (booleans are sent as true/false; None leaves the
        parameter out, as in Params)."""
        query = _param_texts(filters)
        if not query:
            return _items(self._list_datasets())
        return _items(self._filter_datasets(_urlparse.urlencode(query)))

    def dataset(self, id_or_name):
        """One dataset by its id or table name; NotFound when there is none."""
        return self._get_dataset(id_or_name)

    def create_sync(self, source, interval, params=None, **kwargs):
        """Creates a sync table from a URL or a connector (dict or JSON): a SyncTable."""
        params = Params.of(params, **kwargs)
        if isinstance(source, dict) or str(source).lstrip().startswith("{"):
            return self._create_sync_connector(_source(source), int(interval), params)
        return self._create_sync(source, int(interval), params)

    def sync(self, sync_id):
        """One sync table by its id."""
        return self._get_sync(sync_id)

    def syncs(self):
        """All the account's sync tables, as a list of SyncTable."""
        return _items(self._list_syncs())

    def _repr_detail(self):
        return f"{self.base_url!r}"


class _JsonFields(_Handle):
    """Shared by ImportJob, Dataset and SyncTable: the object's JSON as a dict."""

    @property
    def data(self):
        """The object as last fetched, as a dict (a copy)."""
        text = self._json()
        return _json.loads(text) if text else {}

    def __getitem__(self, field):
        return self.data[field]

    def get(self, field, default=None):
        """A field of data, or default."""
        return self.data.get(field, default)


@_extends(ImportJob)
class ImportJob(_JsonFields):
    """An import job: made by Client.import_file/_url/_connector (then run()) or attach().

    Fields of the server's reply are in .data (a dict); get_string()/get_int() read one.
    """

    id = property(lambda self: self._id(), doc="The job id; None before run().")
    state = property(lambda self: self._state(), doc="A STATE_* value.")
    state_name = property(lambda self: self._state_name(),
                          doc='The state as the server spelled it ("complete"...).')
    error_code = property(lambda self: self._error_code(),
                          doc="The CARTO error code of a failed job, else 0.")

    @property
    def success(self):
        """True or False once final, None before."""
        value = self._success()
        return None if value < 0 else bool(value)

    @property
    def is_final(self):
        """True once complete, failed or stuck."""
        return state_is_final(self._state())

    upload_compression = property(
        lambda self: {COMPRESSION_GZIP: "gzip", COMPRESSION_NONE: "none"}.get(
            self._upload_compression()),
        doc='How the file was sent: "gzip" (as NAME.gz) or "none"; None before run().')
    upload_bytes_sent = property(lambda self: self._upload_bytes_sent(),
                                 doc="Bytes of the request body sent (compressed when it was).")

    error_title = property(lambda self: self.get_string("error_title"))
    error_explanation = property(lambda self: self.get_string("error_explanation"))
    error_source = property(lambda self: self.get_string("error_source"))

    def run(self, progress=None):
        """Sends the file or the URL.

        progress: progress(state, bytes_done, bytes_total) -> bool | None, called as the file
        goes (a URL: bytes -1); return True or raise to cancel.
        """
        self._run(progress)
        return self

    def wait(self, timeout=None, progress=None):
        """Waits until the job is final (timeout in seconds; None: no limit).

        Raises RemoteImportError when it failed or got stuck, TimeoutError at the deadline
        (the job goes on: wait again, or attach() to it later).
        progress: progress(state, bytes_done, bytes_total) -> bool | None, called after every
        poll and at least every 100 ms (bytes -1); return True or raise to cancel.
        """
        self._wait(_ms(timeout), progress)
        return self

    def datasets(self):
        """The Datasets of a completed job, one per table created."""
        return _items(self._datasets())

    def _repr_detail(self):
        return f"{self.id} {self.state_name}"


@_extends(Dataset)
class Dataset(_JsonFields):
    """A dataset (a table and its dataset visualization). Change fields with set_string() or
    the properties (name, privacy, description...), then save()."""

    EDITABLE = ("name", "display_name", "description", "privacy", "license", "attributions",
                "source", "title")

    id = property(lambda self: self.get_string("id"))
    table_name = property(lambda self: self.get_string("table_name"))
    table_id = property(lambda self: self.get_string("table_id"))
    row_count = property(lambda self: self.get_int("row_count", -1),
                         doc="Rows in the table; -1 when unknown.")
    size = property(lambda self: self.get_int("size", -1), doc="Bytes; -1 when unknown.")

    def _editable(field):
        return property(lambda self: self.get_string(field),
                        lambda self, value: self.set_string(field, value),
                        doc=f"The dataset's {field}; save() sends a change.")

    name = _editable("name")
    display_name = _editable("display_name")
    description = _editable("description")
    privacy = _editable("privacy")
    license = _editable("license")
    attributions = _editable("attributions")
    source = _editable("source")
    title = _editable("title")
    del _editable

    def _repr_detail(self):
        return f"{self.name!r} {self.id}"


@_extends(SyncTable)
class SyncTable(_JsonFields):
    """A sync table: a dataset kept up to date from a URL or an external database."""

    id = property(lambda self: self._id())
    state = property(lambda self: self._state(), doc="A STATE_* value.")
    state_name = property(lambda self: self._state_name(),
                          doc='"created", "queued", "syncing", "success" or "failure".')
    interval = property(lambda self: self.get_int("interval", 0), doc="Seconds.")
    error_code = property(lambda self: self.get_int("error_code", 0))
    error_message = property(lambda self: self.get_string("error_message"))

    def wait(self, timeout=None, progress=None):
        """Waits until the sync is not created, queued nor syncing; raises
        RemoteImportError when its last run failed.

        progress: progress(state, bytes_done, bytes_total) -> bool | None, as for
        ImportJob.wait(); return True or raise to cancel.
        """
        self._wait(_ms(timeout), progress)
        return self

    def force(self):
        """Asks the server to sync now: FORCE_ENQUEUED, FORCE_TOO_SOON or FORCE_BUSY."""
        return self._force()

    def is_syncing(self):
        """Asks the server whether it is queued or syncing now."""
        return bool(self._is_syncing())

    def dataset(self):
        """The Dataset it keeps up to date (after a first successful run)."""
        return self._dataset()

    def _repr_detail(self):
        return f"{self.id} {self.state_name}"


class _Sequence(_Closing):
    """Shared by the list handles: len(), [i] and iteration (items are new objects)."""

    def __len__(self):
        return self.count()

    def __getitem__(self, i):
        n = self.count()
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("list index out of range")
        return self._get(i)

    def __iter__(self):
        return (self._get(i) for i in range(self.count()))


for _cls in (DatasetList, SyncList, StringList):
    _extends(_cls)(_Sequence)
del _cls


# The public surface: no SWIG plumbing. thisown is replaced by close(); __swig_destroy__ was
# read when the class was registered (SWIG keeps its own reference), so dropping it here
# leaves garbage collection as it was.
for _cls in (Options, Client, Params, ImportJob, Dataset, DatasetList, SyncTable, SyncList,
             StringList):
    for _name in ("thisown", "__swig_destroy__"):
        if _name in vars(_cls):
            delattr(_cls, _name)
del _cls, _name
