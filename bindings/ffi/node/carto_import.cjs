// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// libcarto_import from Node.js through koffi (npm), as docs/ffi.md shows: the declarations,
// and the two ways to read an error right: synchronous calls take the thread's record at once
// (call()); .async calls, which run on koffi's worker threads, read it from the handle they act
// on (jobError()).
'use strict';
const koffi = require('koffi');

const lib = koffi.load(process.env.CARTO_IMPORT_LIB || 'libcarto_import.so.0');

for (const name of ['options', 'client', 'params', 'job', 'dataset', 'dataset_list', 'error'])
  koffi.opaque(`carto_import_${name}`);
koffi.proto('int carto_import_progress_fn(int state, long long bytes_done, ' +
            'long long bytes_total, void *userdata)');

// Paste-ready: the header's prototypes without CARTO_IMPORT_API, out-parameters marked _Out_.
const decls = `
const char *carto_import_strerror(int code)
int carto_import_last_error_take(_Out_ carto_import_error **out)
const char *carto_import_last_error_message(void)
void carto_import_error_free(carto_import_error *error)
int carto_import_error_get_code(const carto_import_error *error)
const char *carto_import_error_get_message(const carto_import_error *error)
int carto_import_error_get_http_status(const carto_import_error *error)
int carto_import_error_get_remote_code(const carto_import_error *error)
const char *carto_import_error_get_remote_title(const carto_import_error *error)
const char *carto_import_error_get_job_id(const carto_import_error *error)
int carto_import_options_new(_Out_ carto_import_options **out)
void carto_import_options_free(carto_import_options *opts)
int carto_import_options_set_base_url(carto_import_options *opts, const char *url)
int carto_import_options_set_api_key(carto_import_options *opts, const char *api_key)
int carto_import_client_new(_Out_ carto_import_client **out, const carto_import_options *opts)
void carto_import_client_free(carto_import_client *client)
int carto_import_client_verify(carto_import_client *client)
int carto_import_job_new_file(_Out_ carto_import_job **out, carto_import_client *client, const char *path, const carto_import_params *params)
void carto_import_job_free(carto_import_job *job)
int carto_import_job_last_error(const carto_import_job *job, _Out_ carto_import_error **out)
int carto_import_job_run(carto_import_job *job, carto_import_progress_fn *progress, void *userdata)
int carto_import_job_wait(carto_import_job *job, long timeout_ms, carto_import_progress_fn *progress, void *userdata)
const char *carto_import_job_id(const carto_import_job *job)
int carto_import_job_datasets(_Out_ carto_import_dataset_list **out, carto_import_job *job)
int carto_import_dataset_list_all(_Out_ carto_import_dataset_list **out, carto_import_client *client)
size_t carto_import_dataset_list_count(const carto_import_dataset_list *list)
int carto_import_dataset_list_get(_Out_ carto_import_dataset **out, const carto_import_dataset_list *list, size_t i)
void carto_import_dataset_list_free(carto_import_dataset_list *list)
int carto_import_dataset_get(_Out_ carto_import_dataset **out, carto_import_client *client, const char *id_or_name)
void carto_import_dataset_free(carto_import_dataset *dataset)
const char *carto_import_dataset_get_string(const carto_import_dataset *dataset, const char *field)
long long carto_import_dataset_get_int(const carto_import_dataset *dataset, const char *field, long long fallback)
int carto_import_dataset_force_delete(carto_import_dataset *dataset)
int carto_import_dataset_last_error(const carto_import_dataset *dataset, _Out_ carto_import_error **out)
`;
const C = {};
for (const line of decls.trim().split('\n')) {
  const fn = lib.func(line);
  C[line.match(/(carto_import_\w+)\(/)[1].slice('carto_import_'.length)] = fn;
}

const E = { EINVAL: -2, EIO: -5, EAUTH: -21, ENOTFOUND: -23, ECANCELED: -50 };
const STATE_SENDING = 2;

class CartoImportError extends Error {}

// An Error from a snapshot (freed here); rc is the failed call's status.
function fromSnapshot(snap, rc) {
  if (!snap) return Object.assign(new CartoImportError(C.strerror(rc)), { code: rc });
  try {
    return Object.assign(new CartoImportError(C.error_get_message(snap)), {
      code: C.error_get_code(snap),
      httpStatus: C.error_get_http_status(snap),
      remoteCode: C.error_get_remote_code(snap),
      title: C.error_get_remote_title(snap),
      jobId: C.error_get_job_id(snap),
    });
  } finally {
    C.error_free(snap);
  }
}

// A synchronous call: the error is taken on the same thread, before any other JS runs.
function call(rc) {
  if (rc === 0) return;
  const out = [null];
  C.last_error_take(out);
  throw fromSnapshot(out[0], rc);
}

// The error of a call on a job, from the job (right after .async, on any thread).
function jobError(job, rc) {
  if (rc === 0) return;
  const out = [null];
  C.job_last_error(job, out);
  throw fromSnapshot(out[0], rc);
}

// A progress callback that never throws into C: an exception is kept, cancels, and is thrown
// again once the call returned.
function guarded(fn) {
  const box = { error: null };
  box.cb = (state, done, total) => {
    if (box.error) return 1;
    try {
      return fn(state, Number(done), Number(total)) === false ? 1 : 0;
    } catch (e) {
      box.error = e;
      return 1;
    }
  };
  box.rethrow = () => { if (box.error) throw box.error; };
  return box;
}

function newClient(url, key) {
  const o = [null];
  call(C.options_new(o));
  try {
    call(C.options_set_base_url(o[0], url));
    call(C.options_set_api_key(o[0], key));
    const c = [null];
    call(C.client_new(c, o[0]));
    return c[0];
  } finally {
    C.options_free(o[0]);
  }
}

function newJob(client, path) {
  const j = [null];
  call(C.job_new_file(j, client, path, null));
  return j[0];
}

function names(list) {
  const result = [];
  for (let i = 0; i < C.dataset_list_count(list); i++) {
    const d = [null];
    call(C.dataset_list_get(d, list, i));
    result.push(C.dataset_get_string(d[0], 'name'));
    C.dataset_free(d[0]);
  }
  return result;
}

module.exports = { koffi, C, E, STATE_SENDING, call, jobError, guarded, newClient, newJob, names,
                   CartoImportError };
