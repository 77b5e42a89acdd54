// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
//! The part of carto_import.h this example uses, written by hand (no bindgen, so no libclang):
//! every type as the header spells it. Status codes are `c_int` and negative; states and
//! privacies are returned as their enum types, which are `c_uint`-sized like `c_int`.
#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_int, c_long, c_longlong, c_void};

macro_rules! opaque {
    ($($name:ident),*) => { $(#[repr(C)] pub struct $name { _private: [u8; 0] })* };
}
opaque!(carto_import_options, carto_import_client, carto_import_params, carto_import_job,
        carto_import_dataset, carto_import_dataset_list, carto_import_error);

pub type carto_import_status = c_int;
pub type carto_import_progress_cb =
    Option<unsafe extern "C" fn(c_int, c_longlong, c_longlong, *mut c_void) -> c_int>;

pub const CARTO_IMPORT_EIO: c_int = -5;
pub const CARTO_IMPORT_EAUTH: c_int = -21;
pub const CARTO_IMPORT_ENOTFOUND: c_int = -23;
pub const CARTO_IMPORT_ECANCELED: c_int = -50;
pub const CARTO_IMPORT_STATE_SENDING: c_int = 2;

extern "C" {
    pub fn carto_import_strerror(code: c_int) -> *const c_char;
    pub fn carto_import_last_error_take(out: *mut *mut carto_import_error) -> carto_import_status;
    pub fn carto_import_last_error_message() -> *const c_char;
    pub fn carto_import_error_free(error: *mut carto_import_error);
    pub fn carto_import_error_get_code(error: *const carto_import_error) -> c_int;
    pub fn carto_import_error_get_message(error: *const carto_import_error) -> *const c_char;
    pub fn carto_import_error_get_http_status(error: *const carto_import_error) -> c_int;
    pub fn carto_import_error_get_remote_code(error: *const carto_import_error) -> c_int;
    pub fn carto_import_error_get_job_id(error: *const carto_import_error) -> *const c_char;

    pub fn carto_import_options_new(out: *mut *mut carto_import_options) -> carto_import_status;
    pub fn carto_import_options_free(opts: *mut carto_import_options);
    pub fn carto_import_options_set_base_url(opts: *mut carto_import_options, url: *const c_char)
        -> carto_import_status;
    pub fn carto_import_options_set_api_key(opts: *mut carto_import_options, key: *const c_char)
        -> carto_import_status;
    pub fn carto_import_client_new(out: *mut *mut carto_import_client,
                                   opts: *const carto_import_options) -> carto_import_status;
    pub fn carto_import_client_free(client: *mut carto_import_client);
    pub fn carto_import_client_verify(client: *mut carto_import_client) -> carto_import_status;

    pub fn carto_import_job_new_file(out: *mut *mut carto_import_job,
                                     client: *mut carto_import_client, path: *const c_char,
                                     params: *const carto_import_params) -> carto_import_status;
    pub fn carto_import_job_free(job: *mut carto_import_job);
    pub fn carto_import_job_last_error(job: *const carto_import_job,
                                       out: *mut *mut carto_import_error) -> carto_import_status;
    pub fn carto_import_job_run(job: *mut carto_import_job, progress: carto_import_progress_cb,
                                userdata: *mut c_void) -> carto_import_status;
    pub fn carto_import_job_wait(job: *mut carto_import_job, timeout_ms: c_long,
                                 progress: carto_import_progress_cb, userdata: *mut c_void)
        -> carto_import_status;
    pub fn carto_import_job_id(job: *const carto_import_job) -> *const c_char;
    pub fn carto_import_job_datasets(out: *mut *mut carto_import_dataset_list,
                                     job: *mut carto_import_job) -> carto_import_status;

    pub fn carto_import_dataset_list_all(out: *mut *mut carto_import_dataset_list,
                                         client: *mut carto_import_client) -> carto_import_status;
    pub fn carto_import_dataset_list_count(list: *const carto_import_dataset_list) -> usize;
    pub fn carto_import_dataset_list_get(out: *mut *mut carto_import_dataset,
                                         list: *const carto_import_dataset_list, i: usize)
        -> carto_import_status;
    pub fn carto_import_dataset_list_free(list: *mut carto_import_dataset_list);
    pub fn carto_import_dataset_get(out: *mut *mut carto_import_dataset,
                                    client: *mut carto_import_client, id_or_name: *const c_char)
        -> carto_import_status;
    pub fn carto_import_dataset_free(dataset: *mut carto_import_dataset);
    pub fn carto_import_dataset_get_string(dataset: *const carto_import_dataset,
                                           field: *const c_char) -> *const c_char;
    pub fn carto_import_dataset_get_int(dataset: *const carto_import_dataset,
                                        field: *const c_char, fallback: c_longlong) -> c_longlong;
    pub fn carto_import_dataset_force_delete(dataset: *mut carto_import_dataset)
        -> carto_import_status;
    pub fn carto_import_dataset_last_error(dataset: *const carto_import_dataset,
                                           out: *mut *mut carto_import_error)
        -> carto_import_status;
}
