# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible authentication: APIKeyAuthClient, NonVerifiedAPIKeyAuthClient.

An auth client holds a carto_import.Client (its .client); the managers of carto_import.datasets,
.file_import and .sync_tables use it.
"""

from .core import Client

__all__ = ["APIKeyAuthClient", "NonVerifiedAPIKeyAuthClient"]


class APIKeyAuthClient:
    """The account at base_url with its API key, as in carto-python.

    base_url: https://USER.carto.com/, https://ORG.carto.com/u/USER/ or
    https://HOST/user/USER/ (never lower-cased; a missing trailing / is added). organization,
    session and client_id are kept as attributes, as in carto-python, and not used (the
    library has its own connection pool; the key travels in an Authorization header, not
    as api_key= and client= in the query string). user_agent is appended to the library's
    User-Agent.
    timeout: seconds DatasetManager.create() waits for an import (None: no limit; carto-python
    waits 600 s). Other keywords are carto_import.Options.configure()'s (connect_timeout,
    max_attempts, ca_bundle, ...).

    api_key is readable, never shown: repr() and every message leave it out.
    """

    verify = True

    def __init__(self, base_url, api_key, organization=None, session=None, client_id=None,
                 user_agent=None, timeout=600, **options):
        self.organization = organization
        self.session = session
        self.client_id = client_id
        self.user_agent = user_agent
        self.timeout = timeout
        self.__api_key = api_key
        options.setdefault("verify_tls", self.verify)
        self.client = Client(base_url, api_key,
                             user_agent_suffix=user_agent or "carto_import-python", **options)
        self.base_url = self.client.base_url
        self.username = self.client.username

    @property
    def api_key(self):
        """The API key given (read-only; never in repr or messages)."""
        return self.__api_key

    def close(self):
        """Releases the connection pool now."""
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<{type(self).__name__} {self.base_url!r}>"


class NonVerifiedAPIKeyAuthClient(APIKeyAuthClient):
    """APIKeyAuthClient without TLS certificate verification (on-premises, self-signed).
    Prefer APIKeyAuthClient(..., ca_bundle="ca.pem")."""

    verify = False
