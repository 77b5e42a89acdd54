"""The exceptions of carto_import: one class per kind of failure, all CartoException.

Every failure of the C library becomes one of these, chosen by _CLASSES from the library's
status code (carto_import_error_code); the details come from its last-error record.
The API key never appears in a message.
"""

import builtins

__all__ = [
    "CartoException", "CartoRateLimitException", "InvalidArgument", "OutOfMemory",
    "InvalidHandle", "FileError", "InsecureConnection", "NetworkError", "TimeoutError",
    "TLSError", "HTTPError", "AuthError", "Forbidden", "NotFound", "NotFoundException",
    "BadRequest", "ServerError", "ProtocolError", "RemoteImportError", "InUse", "Cancelled",
    "InternalError",
]


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


class InvalidArgument(CartoException, ValueError):
    """An invalid argument (None, out of range, a malformed URL...)."""


class OutOfMemory(CartoException, MemoryError):
    """The library ran out of memory."""


class InvalidHandle(CartoException, ValueError):
    """A closed or invalid object was used."""


class FileError(CartoException, OSError):
    """A local file could not be opened or read."""


class InsecureConnection(InvalidArgument):
    """Refused to send the API key over plain http (see Options allow_insecure_http)."""


class NetworkError(CartoException, ConnectionError):
    """DNS, connection or transfer failure."""


class TimeoutError(CartoException, builtins.TimeoutError):
    """A timeout, a stalled transfer, or the caller's deadline (the job goes on)."""


class TLSError(NetworkError):
    """TLS handshake or certificate verification failed."""


class HTTPError(CartoException):
    """The server answered with an unexpected HTTP status (see http_status)."""


class AuthError(HTTPError, PermissionError):
    """401: a wrong API key, or not the account's master key."""


class Forbidden(HTTPError, PermissionError):
    """403: the key may not do this."""


class NotFound(HTTPError, LookupError):
    """404: no such job, dataset, table or sync table."""


NotFoundException = NotFound  # pyrestcli's name, used by carto-python code


class CartoRateLimitException(HTTPError):
    """429: too many requests or import slots in use.

    limit, remaining, reset: the Carto-Rate-Limit-* headers (-1 when absent);
    retry_after: seconds to wait (-1 when not sent).
    """

    def __init__(self, message="", limit=-1, remaining=-1, reset=-1, **kwargs):
        super().__init__(message, **kwargs)
        self.limit = limit
        self.remaining = remaining
        self.reset = reset


class BadRequest(HTTPError, ValueError):
    """400/422: the server rejected the parameters."""


class ServerError(HTTPError):
    """5xx: the server failed."""


class ProtocolError(CartoException):
    """The reply is not what the CARTO protocol specifies."""


class RemoteImportError(CartoException):
    """The import or sync failed or got stuck; remote_code is the CARTO error code."""


class InUse(CartoException):
    """Refused: the object is in use (e.g. maps depend on the dataset; see force_delete)."""


class Cancelled(CartoException):
    """A progress callback asked to stop."""


class InternalError(CartoException):
    """A bug in libcarto_import; please report it."""


# The one mapping: status code -> class; codes not listed fall back on their range.
_CLASSES = {
    -2: InvalidArgument, -3: OutOfMemory, -4: InvalidHandle, -5: FileError,
    -6: InsecureConnection,
    -10: NetworkError, -11: TimeoutError, -12: TLSError,
    -20: HTTPError, -21: AuthError, -22: Forbidden, -23: NotFound,
    -24: CartoRateLimitException, -25: BadRequest, -26: ServerError,
    -30: ProtocolError,
    -40: RemoteImportError, -41: InUse,
    -50: Cancelled,
    -99: InternalError,
}
_RANGES = ((-19, -10, NetworkError), (-29, -20, HTTPError), (-39, -30, ProtocolError),
           (-49, -40, RemoteImportError), (-59, -50, Cancelled))


def exception_class(code):
    """The class for a status code."""
    cls = _CLASSES.get(code)
    if cls is None:
        cls = next((c for low, high, c in _RANGES if low <= code <= high), CartoException)
    return cls


def _from_c(code, message, http_status, title, explanation, source, remote_code, retry_after,
            limit, remaining, reset):
    """Builds the exception for a failed call (called by the SWIG module)."""
    cls = exception_class(code)
    kwargs = dict(code=code, http_status=http_status, remote_code=remote_code, title=title,
                  explanation=explanation, source=source, retry_after=retry_after)
    if issubclass(cls, CartoRateLimitException):
        kwargs.update(limit=limit, remaining=remaining, reset=reset)
    return cls(message or "", **kwargs)
