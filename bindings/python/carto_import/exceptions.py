# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The exceptions of carto_import: one class per kind of failure, all CartoException.

Every failure of the C library becomes one of these, chosen from the library's status code
(carto_import_error_code) by the mapping every binding shares (bindings/carto_import.i,
carto_import_error_classes: a class per code, or per range of codes, and its superclass); the
details come from its last-error record. The API key never appears in a message.

The classes here keep their Python names, docstrings and extra Python bases (ValueError,
ConnectionError...); where each stands in the hierarchy, and for which codes, is the shared
table's: _shared(code) registers a class as the one of `code`, _parent(code) is its superclass.
"""

import builtins

from . import core as _core

__all__ = [
    "CartoException", "CartoRateLimitException", "InvalidArgument", "OutOfMemory",
    "InvalidHandle", "FileError", "InsecureConnection", "NetworkError", "TimeoutError",
    "TLSError", "HTTPError", "AuthError", "Forbidden", "NotFound", "NotFoundException",
    "BadRequest", "ServerError", "ProtocolError", "RemoteImportError", "InUse", "Cancelled",
    "InternalError",
]


_BY_STEM = {}  # the shared table's stem of a class ("Auth"; "" for the root) -> the class


def _shared(code):
    """Class decorator: the class is the shared table's class of status `code`."""
    def register(cls):
        _BY_STEM[_core.error_class_name(code)] = cls
        return cls
    return register


def _parent(code):
    """The superclass the shared table gives the class of status `code` (defined above it)."""
    return _BY_STEM[_core.error_class_parent(code)]


@_shared(_core.ERROR)
class CartoException(Exception):
    """A failure of carto_import (the base class, as in carto-python).

    code: the library's status code (a negative E* value); message: what happened and what to
    do; http_status: the HTTP status behind it (0: none); remote_code: the CARTO error code
    (e.g. 1002, 0: none), with its title, explanation and source ("user", "cartodb",
    "external"); retry_after: seconds the server asked to wait (-1: none).
    """

    def __init__(self, message="", code=-1, http_status=0, remote_code=0, title=None,
                 explanation=None, source=None, retry_after=-1):
        super().__init__(message)
        self.message = message
        self.code = code
        self.http_status = http_status
        self.remote_code = remote_code
        self.title = title
        self.explanation = explanation
        self.source = source
        self.retry_after = retry_after
        self.job_id = None  # the import job the failure concerns, when there is one

    # carto-python names
    @property
    def status_code(self):
        """The HTTP status (pyrestcli's name)."""
        return self.http_status

    def __str__(self):
        text = self.message
        if self.remote_code and f"{self.remote_code}" not in text:
            text += f" (CARTO error {self.remote_code}"
            text += f": {self.title})" if self.title else ")"
        return text


@_shared(_core.EINVAL)
class InvalidArgument(_parent(_core.EINVAL), ValueError):
    """An invalid argument (None, out of range, a malformed URL...)."""


@_shared(_core.ENOMEM)
class OutOfMemory(_parent(_core.ENOMEM), MemoryError):
    """The library ran out of memory."""


@_shared(_core.EBADHANDLE)
class InvalidHandle(_parent(_core.EBADHANDLE), ValueError):
    """A closed or invalid object was used."""


@_shared(_core.EIO)
class FileError(_parent(_core.EIO), OSError):
    """A local file could not be opened or read."""


@_shared(_core.EINSECURE)
class InsecureConnection(_parent(_core.EINSECURE)):
    """Refused to send the API key over plain http (see Options allow_insecure_http)."""


@_shared(_core.ENETWORK)
class NetworkError(_parent(_core.ENETWORK), ConnectionError):
    """DNS, connection or transfer failure."""


@_shared(_core.ETIMEDOUT)
class TimeoutError(_parent(_core.ETIMEDOUT), builtins.TimeoutError):
    """A timeout, a stalled transfer, or the caller's deadline (the job goes on)."""


@_shared(_core.ETLS)
class TLSError(_parent(_core.ETLS)):
    """TLS handshake or certificate verification failed."""


@_shared(_core.EHTTP)
class HTTPError(_parent(_core.EHTTP)):
    """The server answered with an unexpected HTTP status (see http_status)."""


@_shared(_core.EAUTH)
class AuthError(_parent(_core.EAUTH), PermissionError):
    """401: a wrong API key, or not the account's master key."""


@_shared(_core.EFORBIDDEN)
class Forbidden(_parent(_core.EFORBIDDEN), PermissionError):
    """403: the key may not do this."""


@_shared(_core.ENOTFOUND)
class NotFound(_parent(_core.ENOTFOUND), LookupError):
    """404: no such job, dataset, table or sync table."""


NotFoundException = NotFound  # pyrestcli's name, used by carto-python code


@_shared(_core.ERATELIMIT)
class CartoRateLimitException(_parent(_core.ERATELIMIT)):
    """429: too many requests or import slots in use.

    limit, remaining, reset: the Carto-Rate-Limit-* headers (-1 when absent);
    retry_after: seconds to wait (-1 when not sent).
    """

    def __init__(self, message="", limit=-1, remaining=-1, reset=-1, **kwargs):
        if hasattr(message, "status_code") and hasattr(message, "headers"):
            # carto-python's form: CartoRateLimitException(response)
            response, headers = message, message.headers
            message = getattr(response, "text", "") or "429 Too Many Requests"
            limit, remaining, reset = (_header_int(headers, f"Carto-Rate-Limit-{name}")
                                       for name in ("Limit", "Remaining", "Reset"))
            kwargs.setdefault("http_status", response.status_code)
            kwargs.setdefault("retry_after", _header_int(headers, "Retry-After"))
            kwargs.setdefault("code", _core.ERATELIMIT)
        super().__init__(message, **kwargs)
        self.limit = limit
        self.remaining = remaining
        self.reset = reset

    @staticmethod
    def is_rate_limited(response):
        """carto-python's test: a requests-style response is a 429 with a Retry-After >= 0."""
        return (getattr(response, "status_code", None) == 429
                and _header_int(getattr(response, "headers", {}), "Retry-After") >= 0)


def _header_int(headers, name):
    """An integer header (-1 when absent or not a number)."""
    try:
        return int(headers[name])
    except (KeyError, TypeError, ValueError):
        return -1


@_shared(_core.EBADREQUEST)
class BadRequest(_parent(_core.EBADREQUEST), ValueError):
    """400/422: the server rejected the parameters."""


@_shared(_core.ESERVER)
class ServerError(_parent(_core.ESERVER)):
    """5xx: the server failed."""


@_shared(_core.EPROTOCOL)
class ProtocolError(_parent(_core.EPROTOCOL)):
    """The reply is not what the CARTO protocol specifies."""


@_shared(_core.EREMOTE)
class RemoteImportError(_parent(_core.EREMOTE)):
    """The import or sync failed or got stuck; remote_code is the CARTO error code."""


@_shared(_core.EINUSE)
class InUse(_parent(_core.EINUSE)):
    """Refused: the object is in use (e.g. maps depend on the dataset; see force_delete)."""


@_shared(_core.ECANCELED)
class Cancelled(_parent(_core.ECANCELED)):
    """A progress callback asked to stop."""


@_shared(_core.EINTERNAL)
class InternalError(_parent(_core.EINTERNAL)):
    """A bug in libcarto_import; please report it."""


def exception_class(code):
    """The class for a status code (the shared table's; a class added there that this module
    does not define yet stands as its superclass)."""
    cls = _BY_STEM.get(_core.error_class_name(code))
    return cls or _BY_STEM.get(_core.error_class_parent(code), CartoException)


def _from_c(code, message, http_status, title, explanation, source, remote_code, retry_after,
            limit, remaining, reset, job_id=None):
    """Builds the exception for a failed call (called by the SWIG module). job_id: the import
    job the failure concerns (e.g. one created although a cancel came too late), or None."""
    cls = exception_class(code)
    kwargs = dict(code=code, http_status=http_status, remote_code=remote_code, title=title,
                  explanation=explanation, source=source, retry_after=retry_after)
    if issubclass(cls, CartoRateLimitException):
        kwargs.update(limit=limit, remaining=remaining, reset=reset)
    exc = cls(message or "", **kwargs)
    exc.job_id = job_id
    return exc
