# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Run code written for carto-python (the official CARTO SDK) unchanged on carto_import.

    import carto_import.compat; carto_import.compat.install()
    from carto.datasets import DatasetManager        # now carto_import.datasets

or, for a whole script:

    python -m carto_import.compat script.py [ARGS...]

install() maps, in this process only, carto.auth, carto.datasets, carto.file_import,
carto.sync_tables, carto.exceptions, carto.permissions and carto.resources onto carto_import's
modules of the same names, and pyrestcli.exceptions (whose NotFoundException SDK code
catches) onto carto_import.exceptions. Nothing is installed on disk, so a real carto
package stays usable in every other process; install() refuses to run where one was already
imported. The rest of carto-python (SQL API, maps, users, ...) is not provided: importing it
raises ImportError.
"""

import runpy
import sys
import types

from . import auth, datasets, exceptions, file_import, permissions, resources, sync_tables

__all__ = ["install", "MODULES"]

#: The module names install() provides, and what each is.
MODULES = {
    "carto.auth": auth,
    "carto.datasets": datasets,
    "carto.file_import": file_import,
    "carto.sync_tables": sync_tables,
    "carto.exceptions": exceptions,
    "carto.permissions": permissions,
    "carto.resources": resources,
}

# pyrestcli.exceptions' names, as SDK code imports them.
_PYRESTCLI_EXCEPTIONS = {
    "BaseException": exceptions.CartoException,
    "BadRequestException": exceptions.BadRequest,
    "UnauthorizedErrorException": exceptions.AuthError,
    "ForbiddenErrorException": exceptions.Forbidden,
    "NotFoundException": exceptions.NotFoundException,
    "UnprocessableEntityError": exceptions.BadRequest,
    "RateLimitException": exceptions.CartoRateLimitException,
    "ServerErrorException": exceptions.ServerError,
}


def _package(name, doc):
    module = types.ModuleType(name, doc)
    module.__path__ = []  # a package: its submodules come from sys.modules
    return module


def install():
    """Makes `import carto.X` (X of MODULES) and `import pyrestcli.exceptions` give
    carto_import's modules in this process. Idempotent. RuntimeError if a real carto or
    pyrestcli package is already imported here."""
    for name in ("carto", "pyrestcli"):
        present = sys.modules.get(name)
        if present is not None and not getattr(present, "_carto_import_compat", False):
            raise RuntimeError(f"a real {name} package is already imported in this process; "
                               "call carto_import.compat.install() before importing it")
    carto = _package("carto", "carto-python's import surface, provided by carto_import")
    from . import __version__
    carto.__version__ = __version__
    pyrestcli = _package("pyrestcli", "pyrestcli's exception names, provided by carto_import")
    pyrestcli_exceptions = types.ModuleType("pyrestcli.exceptions")
    pyrestcli_exceptions.__dict__.update(_PYRESTCLI_EXCEPTIONS)
    pyrestcli.exceptions = pyrestcli_exceptions
    for package in (carto, pyrestcli):
        package._carto_import_compat = True
    sys.modules.update({"carto": carto, "pyrestcli": pyrestcli,
                        "pyrestcli.exceptions": pyrestcli_exceptions})
    for name, module in MODULES.items():
        sys.modules[name] = module
        setattr(carto, name.split(".", 1)[1], module)


def main(argv=None):
    """python -m carto_import.compat SCRIPT [ARGS...]: runs SCRIPT with install() done."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python -m carto_import.compat SCRIPT [ARGS...]\n\n"
              "Runs a script written for carto-python with carto.* mapped onto carto_import.",
              file=sys.stderr if not argv else sys.stdout)
        return 2 if not argv else 0
    install()
    sys.argv = list(argv)
    runpy.run_path(argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
