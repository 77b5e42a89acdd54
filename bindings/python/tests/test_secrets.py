# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""A key and a password run through every failure path: never in str, repr, the traceback, or
any attribute of the exception."""
import traceback

import pytest

from carto_import import Client
from carto_import.exceptions import CartoException

PASSWORD = "Pw-6t5r-SECRET-py"
BAD_KEY = "K3y-py-NOT-THE-KEY-91"
CONNECTOR = ('  \n {"provider":"postgres","connection":{"server":"127.0.0.1","port":1,'
             f'"username":"u","password":"{PASSWORD}","database":"d"}},"table":"t"}}')


def _failures(base_url, api_key, client):
    """Calls that fail, each as a zero-argument function."""
    root = base_url.split("/user/")[0]
    return [
        lambda: Client(base_url, BAD_KEY).verify(),
        lambda: Client(base_url, BAD_KEY).datasets(),
        lambda: Client(root.replace("http://", f"http://u:{PASSWORD}@") + "/user/demo/", api_key),
        lambda: client.import_dataset(f"gopher://u:{PASSWORD}@h/x", timeout=60),
        lambda: client.import_dataset(f"ftp://u:{PASSWORD}@127.0.0.1:1/x.csv", timeout=60),
        lambda: client.import_dataset(f"http://127.0.0.1:1/x.csv?api_key={api_key}"
                                      f"&password={PASSWORD}", timeout=60),
        lambda: client.import_dataset(CONNECTOR, timeout=60),
        lambda: client.import_sync_dataset(CONNECTOR, 900, timeout=60),
        lambda: client.import_dataset(f'  {{"connection":{{"password":"{PASSWORD}"', timeout=60),
        lambda: client.import_sync_dataset(f"https://u:{PASSWORD}@127.0.0.1:1/x.csv", 900,
                                           timeout=60),
        lambda: client.import_url(f"gopher://u:{PASSWORD}@h/x"),
        lambda: client.attach(api_key),
    ]


def test_no_secret_in_any_exception(base_url, api_key, client):
    calls = _failures(base_url, api_key, client)
    for call in calls:
        with pytest.raises(CartoException) as info:
            call()
        e = info.value
        texts = [str(e), repr(e), "".join(traceback.format_exception(e)), e.message,
                 str(e.title), str(e.explanation), str(e.source), str(e.args)]
        for secret in (api_key, PASSWORD, BAD_KEY):
            for text in texts:
                assert secret not in text, f"{secret!r} in {text!r}"
