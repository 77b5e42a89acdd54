/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto_import_python.i — the Python binding: the module, the exception mapping, the progress
 * trampoline and the Pythonic layer of the classes of ../carto_import.i.
 *
 * Built with -threads: the methods listed with %threadallow in carto_import.i release the GIL;
 * the progress trampoline takes it back. Exceptions are the classes of carto_import.exceptions,
 * chosen there by the shared table of ../carto_import.i; the C side only gathers the last error.
 */
%module(package="carto_import", docstring="Low-level SWIG wrapper of libcarto_import; use the carto_import package.") core

/* No autodoc: help() shows Python signatures and the interfaces' doc comments (SWIG
 * -doxygen), not C types. */

%{
#include <Python.h>
#include "carto_import.h"

/* Raises the exception for status `code` (0: the last error's code), built by
 * carto_import.exceptions._from_c from carto_import_error_info_get() (../carto_import.i, after
 * which it is defined). */
static void carto_py_raise_message(int code, const char *message);
static void carto_py_raise(int code) { carto_py_raise_message(code, NULL); }

/* A method of a closed handle: CARTO_IMPORT_EBADHANDLE, without calling the library. */
#define CARTO_IMPORT_CLOSED_ERROR(name)                                                        \
  do {                                                                                         \
    char msg_[96];                                                                             \
    carto_import_closed_message(msg_, sizeof msg_, (name));                                    \
    carto_py_raise_message(CARTO_IMPORT_EBADHANDLE, msg_);                                     \
    SWIG_fail;                                                                                 \
  } while (0)

/* A constructor returned NULL: its last error. */
#define CARTO_IMPORT_CONSTRUCTOR_FAILED                                                        \
  do {                                                                                         \
    carto_py_raise(0);                                                                         \
    SWIG_fail;                                                                                 \
  } while (0)

/* The progress trampoline: userdata is the Python callable (borrowed: the wrapper's argument
 * outlives the call). Called on the calling thread while the GIL is released: takes it. A true
 * result or an exception cancels; the exception stays pending and the wrapper re-raises it. */
static int carto_py_progress(int state, long long done, long long total, void *userdata) {
  int rc = 1;
  SWIG_PYTHON_THREAD_BEGIN_BLOCK;
  if (!PyErr_Occurred()) {
    PyObject *r = PyObject_CallFunction((PyObject *)userdata, "iLL", state, done, total);
    if (r) {
      rc = PyObject_IsTrue(r);
      if (rc < 0) rc = 1;
      Py_DECREF(r);
    }
  }
  SWIG_PYTHON_THREAD_END_BLOCK;
  return rc;
}
%}

%{
/* The debug trampoline: userdata is the Python callable, kept alive by the Client that uses
 * it (pythonic.py). Called on any thread that makes a request, GIL released: takes it, and
 * keeps aside an exception pending on this thread (a progress callback's). The callable's
 * own exception cannot stop the request: it is reported as unraisable. */
static void carto_py_debug(const char *line, void *userdata) {
  SWIG_PYTHON_THREAD_BEGIN_BLOCK;
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyObject *text = PyUnicode_DecodeUTF8(line, (Py_ssize_t)strlen(line), "replace");
  /* (not PyObject_CallOneArg: Python 3.9+, and the package supports 3.8) */
  PyObject *r = text ? PyObject_CallFunctionObjArgs((PyObject *)userdata, text, NULL) : NULL;
  if (r) Py_DECREF(r);
  else PyErr_WriteUnraisable((PyObject *)userdata);
  Py_XDECREF(text);
  PyErr_Restore(type, value, traceback);
  SWIG_PYTHON_THREAD_END_BLOCK;
}
%}

%nothreadallow CartoOptions::_set_debug;  /* (it raises: it keeps the GIL) */
%extend CartoOptions {
  /* A callable(line) or None; pythonic.py keeps the callable alive. */
  carto_import_status _set_debug(PyObject *callback) {
    if (callback == Py_None) return carto_import_options_set_debug_callback($self->h, NULL, NULL);
    if (!PyCallable_Check(callback)) {
      PyErr_SetString(PyExc_TypeError, "debug must be a callable or None");
      return CARTO_IMPORT_EINVAL;
    }
    return carto_import_options_set_debug_callback($self->h, carto_py_debug, callback);
  }
}

/* Every fallible call: raise (the callback's own exception first), else return nothing. */
%typemap(out) carto_import_status {
  if ($1 < 0) {
    if (!PyErr_Occurred()) carto_py_raise($1);
    SWIG_fail;
  }
  $result = SWIG_Py_Void();
}

/* Box **OUT: the new object is returned, owned by Python. */
%typemap(in, numinputs=0) SWIGTYPE **OUT ($*1_ltype temp = NULL) { $1 = &temp; }
%typemap(argout) SWIGTYPE **OUT {
  $result = SWIG_Python_AppendOutput(
      $result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* A callable or None. */
%typemap(in) (carto_import_progress_cb progress, void *userdata) {
  if ($input == Py_None) {
    $1 = NULL;
    $2 = NULL;
  } else if (!PyCallable_Check($input)) {
    PyErr_SetString(PyExc_TypeError, "progress must be a callable or None");
    SWIG_fail;
  } else {
    $1 = carto_py_progress;
    $2 = (void *)$input;
  }
}

/* The Pythonic layer wraps these under their plain names (seconds, keywords, lists). */
%rename(_username) CartoClient::username;
%rename(_base_url) CartoClient::base_url;
%rename(_import_file) CartoClient::import_file;
%rename(_import_url) CartoClient::import_url;
%rename(_import_connector) CartoClient::import_connector;
%rename(_import_jobs) CartoClient::import_jobs;
%rename(_import_dataset) CartoClient::import_dataset;
%rename(_import_sync_dataset) CartoClient::import_sync_dataset;
%rename(_list_datasets) CartoClient::list_datasets;
%rename(_filter_datasets) CartoClient::filter_datasets;
%rename(_create_sync) CartoClient::create_sync;
%rename(_create_sync_connector) CartoClient::create_sync_connector;
%rename(_list_syncs) CartoClient::list_syncs;
%rename(_get_dataset) CartoClient::get_dataset;
%rename(_get_sync) CartoClient::get_sync;
%rename(_run) CartoImportJob::run;
%rename(_wait) CartoImportJob::wait;
%rename(_datasets) CartoImportJob::datasets;
%rename(_id) CartoImportJob::id;
%rename(_state) CartoImportJob::state;
%rename(_state_name) CartoImportJob::state_name;
%rename(_success) CartoImportJob::success;
%rename(_error_code) CartoImportJob::error_code;
%rename(_upload_compression) CartoImportJob::upload_compression;
%rename(_upload_bytes_sent) CartoImportJob::upload_bytes_sent;
%rename(_json) CartoImportJob::json;
%rename(_privacy) CartoDataset::privacy;
%rename(_json) CartoDataset::json;
%rename(delete) CartoDataset::remove;
%rename(force_delete) CartoDataset::force_remove;
%rename(_wait) CartoSyncTable::wait;
%rename(_force) CartoSyncTable::force;
%rename(_is_syncing) CartoSyncTable::is_syncing;
%rename(_id) CartoSyncTable::id;
%rename(_state) CartoSyncTable::state;
%rename(_state_name) CartoSyncTable::state_name;
%rename(_json) CartoSyncTable::json;
%rename(delete) CartoSyncTable::remove;
%rename(_dataset) CartoSyncTable::dataset;
%rename(_get) CartoDatasetList::get;
%rename(_get) CartoSyncList::get;
%rename(_get) CartoStringList::get;

%include "../carto_import.i"

%{
static void carto_py_raise_message(int code, const char *message) {
  PyObject *mod, *exc;
  carto_import_error_info e;
  carto_import_error_info_get(&e, code, message);
  mod = PyImport_ImportModule("carto_import.exceptions");
  exc = mod ? PyObject_CallMethod(mod, "_from_c", "izizzzillllz", e.code, e.message,
                                  e.http_status, e.title, e.explanation, e.source, e.remote_code,
                                  e.retry_after, e.limit, e.remaining, e.reset, e.job_id)
            : NULL;
  carto_import_error_info_release(&e);
  Py_XDECREF(mod);
  if (!exc) return;
  PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  Py_DECREF(exc);
}
%}

%pythoncode "pythonic.py"
