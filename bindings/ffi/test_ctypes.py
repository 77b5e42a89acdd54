#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Plain FFI, no SWIG: Python's ctypes loads libcarto_import.so, imports a CSV to completion
against the server in CARTO_API_URL / CARTO_API_KEY, checks the dataset and frees everything.

usage: test_ctypes.py LIBCARTO_IMPORT_SO CSV_FILE      (see docs/ffi.md)
"""
import ctypes
import os
import sys

PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong,
                            ctypes.c_void_p)


def load(path):
    """The library, with the prototypes of the few functions used here."""
    lib = ctypes.CDLL(path)
    p, pp = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
    status = ctypes.c_int
    declare(lib, [
        ("carto_import_version", ctypes.c_char_p, []),
        ("carto_import_last_error_message", ctypes.c_char_p, []),
        ("carto_import_last_error_code", ctypes.c_int, []),
        ("carto_import_last_error_http_status", ctypes.c_int, []),
        ("carto_import_options_new", status, [pp]),
        ("carto_import_options_set_base_url", status, [p, ctypes.c_char_p]),
        ("carto_import_options_set_api_key", status, [p, ctypes.c_char_p]),
        ("carto_import_options_free", None, [p]),
        ("carto_import_client_new", status, [pp, p]),
        ("carto_import_client_free", None, [p]),
        ("carto_import_dataset_create", status,
         [pp, p, ctypes.c_char_p, p, ctypes.c_long, PROGRESS, p]),
        ("carto_import_dataset_list_count", ctypes.c_size_t, [p]),
        ("carto_import_dataset_list_get", status, [pp, p, ctypes.c_size_t]),
        ("carto_import_dataset_list_free", None, [p]),
        ("carto_import_dataset_get_string", ctypes.c_char_p, [p, ctypes.c_char_p]),
        ("carto_import_dataset_get_int", ctypes.c_longlong, [p, ctypes.c_char_p,
                                                             ctypes.c_longlong]),
        ("carto_import_dataset_free", None, [p]),
    ])
    return lib


def declare(lib, prototypes):
    """Sets the result and argument types of each (name, restype, argtypes)."""
    for name, restype, argtypes in prototypes:
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes


class Failed(Exception):
    def __init__(self, lib, rc, what):
        self.rc = rc
        super().__init__(f"{what} failed ({rc}, HTTP {lib.carto_import_last_error_http_status()}): "
                         f"{lib.carto_import_last_error_message().decode()}")


def check(lib, rc, what):
    if rc != 0:
        raise Failed(lib, rc, what)


def new_client(lib, opts, client, configure=None):
    """Options (into opts) for CARTO_API_URL and CARTO_API_KEY, then configure(opts) if given,
    and a client of them (into client). The caller frees both."""
    check(lib, lib.carto_import_options_new(ctypes.byref(opts)), "options_new")
    check(lib, lib.carto_import_options_set_base_url(
        opts, os.environ["CARTO_API_URL"].encode()), "set_base_url")
    check(lib, lib.carto_import_options_set_api_key(
        opts, os.environ["CARTO_API_KEY"].encode()), "set_api_key")
    if configure:
        configure(opts)
    check(lib, lib.carto_import_client_new(ctypes.byref(client), opts), "client_new")


def main():
    lib = load(sys.argv[1])
    csv_path = sys.argv[2]
    print("libcarto_import", lib.carto_import_version().decode())
    opts, client, datasets, dataset = (ctypes.c_void_p() for _ in range(4))
    states = []

    @PROGRESS
    def progress(state, done, total, userdata):
        states.append(state)
        return 0

    try:
        new_client(lib, opts, client)
        check(lib, lib.carto_import_dataset_create(ctypes.byref(datasets), client,
                                                  csv_path.encode(), None, 60000, progress,
                                                  None), "dataset_create")
        count = lib.carto_import_dataset_list_count(datasets)
        assert count == 1, count
        check(lib, lib.carto_import_dataset_list_get(ctypes.byref(dataset), datasets, 0),
              "dataset_list_get")
        name = lib.carto_import_dataset_get_string(dataset, b"name").decode()
        rows = lib.carto_import_dataset_get_int(dataset, b"row_count", -1)
        print(f"dataset {name}: {rows} rows; states seen: {states}")
        assert name == "world_cities", name
        assert rows == 10, rows
        assert states[-1] == 10, states  # CARTO_IMPORT_STATE_COMPLETE
        # A failing call: the code and message come from the thread's last error.
        bad = ctypes.c_void_p()
        rc = lib.carto_import_dataset_create(ctypes.byref(bad), client, b"/no/such.csv", None,
                                             1000, PROGRESS(), None)
        assert rc == lib.carto_import_last_error_code() == -5, rc  # CARTO_IMPORT_EIO
        assert not bad.value
    finally:
        lib.carto_import_dataset_free(dataset)
        lib.carto_import_dataset_list_free(datasets)
        lib.carto_import_client_free(client)
        lib.carto_import_options_free(opts)
    print("ok")


if __name__ == "__main__":
    main()
