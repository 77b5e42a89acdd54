# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible authentication: APIKeyAuthClient, NonVerifiedAPIKeyAuthClient.

An auth client holds a carto_import.Client (its .client); the managers of carto_import.datasets,
.file_import and .sync_tables use it.
"""

from .core import Client

__all__ = ["APIKeyAuthClient", "NonVerifiedAPIKeyAuthClient"]


class APIKeyAuthClient:
    """The account at base_url with its master API key, as in carto-python.

    base_url: https://USER.carto.com/, https://ORG.carto.com/u/USER/ or
    https://HOST/user/USER/ (never lower-cased). organization, session and client_id are
    accepted for compatibility and not used. user_agent is appended to the User-Agent.
    timeout: seconds DatasetManager.create() waits for an import (None: no limit; carto-python
    waits 600 s). Other keywords are carto_import.Options.configure()'s (connect_timeout,
    max_attempts, ...).
    """

    verify = True

    def __init__(self, base_url, api_key, organization=None, session=None, client_id=None,
                 user_agent=None, timeout=600, **options):
        self.organization = organization
        self.timeout = timeout
        options.setdefault("verify_tls", self.verify)
        self.client = Client(base_url, api_key,
                             user_agent_suffix=user_agent or "carto_import-python", **options)
        self.base_url = self.client.base_url
        self.username = self.client.username

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
