# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto_import: import data into CARTO (Import API v1) through libcarto_import.

Two layers over the same C library:

- the Pythonic API, here: Client, ImportJob, Dataset, SyncTable, Options, Params;
- a carto-python compatible layer: carto_import.auth, .datasets, .file_import, .sync_tables
  (code written for the official SDK ports by changing the package name).

    import carto_import
    with carto_import.Client("https://USER.carto.com/", API_KEY) as client:
        for dataset in client.import_dataset("cities.csv", timeout=600):
            print(dataset.name, dataset.row_count)

Errors raise carto_import.exceptions.CartoException subclasses (NotFound, AuthError,
RemoteImportError...). Blocking calls release the GIL.
"""

from . import exceptions
from .core import (  # noqa: F401  (re-exported)
    Client, Dataset, DatasetList, ImportJob, Options, Params, StringList, SyncList, SyncTable,
    state_is_final, state_string, strerror, version, version_num,
)
from .core import *  # noqa: F401,F403  the constants: E*, STATE_*, PRIVACY_*, FORCE_*...
from .exceptions import *  # noqa: F401,F403

__version__ = version()

__all__ = [
    "Client", "Dataset", "ImportJob", "Options", "Params", "SyncTable", "exceptions",
    "state_is_final", "state_string", "strerror", "version", "version_num",
] + exceptions.__all__
