// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
//! libcarto_import from Rust (docs/ffi.md): a hand-written extern block (`sys`), and a small
//! safe layer showing the patterns that keep errors right under tokio: the error is taken as
//! an owned snapshot right after the failing call, before any `.await` (`check`), or read from
//! the handle the call acted on (`Job::error`); callbacks catch panics (`catch_unwind`) and
//! never unwind through C.

pub mod sys;

use std::any::Any;
use std::ffi::{CStr, CString};
use std::fmt;
use std::os::raw::{c_int, c_longlong, c_void};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

pub use sys::{CARTO_IMPORT_EAUTH, CARTO_IMPORT_ECANCELED, CARTO_IMPORT_EIO,
              CARTO_IMPORT_ENOTFOUND, CARTO_IMPORT_STATE_SENDING};

/// A failure, copied out of a `carto_import_error` snapshot: `Send`, so it crosses `.await`.
#[derive(Debug, Clone)]
pub struct Error {
    pub code: i32,
    pub message: String,
    pub http_status: i32,
    pub remote_code: i32,
    /// The import job the failure concerns, if any.
    pub job_id: Option<String>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}
impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

unsafe fn text(s: *const std::os::raw::c_char) -> Option<String> {
    (!s.is_null()).then(|| CStr::from_ptr(s).to_string_lossy().into_owned())
}

/// An Error from a snapshot (freed here); `rc` is the failed call's status.
unsafe fn from_snapshot(snap: *mut sys::carto_import_error, rc: c_int) -> Error {
    if snap.is_null() {
        let message = text(sys::carto_import_strerror(rc)).unwrap_or_default();
        return Error { code: rc, message, http_status: 0, remote_code: 0, job_id: None };
    }
    let e = Error {
        code: sys::carto_import_error_get_code(snap),
        message: text(sys::carto_import_error_get_message(snap)).unwrap_or_default(),
        http_status: sys::carto_import_error_get_http_status(snap),
        remote_code: sys::carto_import_error_get_remote_code(snap),
        job_id: text(sys::carto_import_error_get_job_id(snap)),
    };
    sys::carto_import_error_free(snap);
    e
}

/// The pattern for every call: pass its status here at once, in the same synchronous code
/// (no `.await` between the call and this), so the thread's record taken is this call's.
pub fn check(rc: c_int) -> Result<()> {
    if rc == 0 {
        return Ok(());
    }
    let mut snap = ptr::null_mut();
    unsafe {
        sys::carto_import_last_error_take(&mut snap);
        Err(from_snapshot(snap, rc))
    }
}

/// The unpinned, wrong way, for contrast in the tests: the thread's message read later.
pub fn last_error_message() -> String {
    unsafe { text(sys::carto_import_last_error_message()).unwrap_or_default() }
}

fn cstring(s: &str) -> CString {
    CString::new(s).expect("no NUL in the string")
}

/// A client: immutable and thread-safe in C, so `Send + Sync`.
pub struct Client(*mut sys::carto_import_client);
unsafe impl Send for Client {}
unsafe impl Sync for Client {}

impl Client {
    pub fn new(base_url: &str, api_key: &str) -> Result<Client> {
        let (url, key) = (cstring(base_url), cstring(api_key));
        let mut opts = ptr::null_mut();
        check(unsafe { sys::carto_import_options_new(&mut opts) })?;
        let mut client = ptr::null_mut();
        let result = check(unsafe { sys::carto_import_options_set_base_url(opts, url.as_ptr()) })
            .and_then(|_| check(unsafe { sys::carto_import_options_set_api_key(opts, key.as_ptr()) }))
            .and_then(|_| check(unsafe { sys::carto_import_client_new(&mut client, opts) }));
        unsafe { sys::carto_import_options_free(opts) };
        result.map(|_| Client(client))
    }

    pub fn verify(&self) -> Result<()> {
        check(unsafe { sys::carto_import_client_verify(self.0) })
    }

    pub fn file_job(&self, path: &str) -> Result<Job> {
        let path = cstring(path);
        let mut job = ptr::null_mut();
        check(unsafe { sys::carto_import_job_new_file(&mut job, self.0, path.as_ptr(), ptr::null()) })?;
        Ok(Job(job))
    }

    pub fn dataset_names(&self) -> Result<Vec<String>> {
        let mut list = ptr::null_mut();
        check(unsafe { sys::carto_import_dataset_list_all(&mut list, self.0) })?;
        let names = names_of(list);
        unsafe { sys::carto_import_dataset_list_free(list) };
        names
    }

    /// One dataset by name: its row count.
    pub fn dataset_rows(&self, name: &str) -> Result<i64> {
        let d = self.dataset(name)?;
        let field = cstring("row_count");
        let rows = unsafe { sys::carto_import_dataset_get_int(d, field.as_ptr(), -1) };
        unsafe { sys::carto_import_dataset_free(d) };
        Ok(rows)
    }

    /// Force-deletes a dataset by name (even when maps depend on it); the error of the delete
    /// is read from the dataset handle.
    pub fn delete_dataset(&self, name: &str) -> Result<()> {
        let d = self.dataset(name)?;
        let rc = unsafe { sys::carto_import_dataset_force_delete(d) };
        let mut snap = ptr::null_mut();
        unsafe { sys::carto_import_dataset_last_error(d, &mut snap) };
        let result = if rc == 0 { Ok(()) } else { Err(unsafe { from_snapshot(snap, rc) }) };
        unsafe { sys::carto_import_dataset_free(d) };
        result
    }

    /// The bare status of getting a dataset, for the tests' contrast with the wrong way of
    /// reading errors (the dataset, if any, is freed).
    pub fn dataset_get_status(&self, name: &str) -> c_int {
        let name = cstring(name);
        let mut d = ptr::null_mut();
        let rc = unsafe { sys::carto_import_dataset_get(&mut d, self.0, name.as_ptr()) };
        unsafe { sys::carto_import_dataset_free(d) };
        rc
    }

    fn dataset(&self, name: &str) -> Result<*mut sys::carto_import_dataset> {
        let name = cstring(name);
        let mut d = ptr::null_mut();
        check(unsafe { sys::carto_import_dataset_get(&mut d, self.0, name.as_ptr()) })?;
        Ok(d)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        unsafe { sys::carto_import_client_free(self.0) }
    }
}

fn names_of(list: *mut sys::carto_import_dataset_list) -> Result<Vec<String>> {
    let field = cstring("name");
    let n = unsafe { sys::carto_import_dataset_list_count(list) };
    (0..n)
        .map(|i| {
            let mut d = ptr::null_mut();
            check(unsafe { sys::carto_import_dataset_list_get(&mut d, list, i) })?;
            let name = unsafe { text(sys::carto_import_dataset_get_string(d, field.as_ptr())) };
            unsafe { sys::carto_import_dataset_free(d) };
            Ok(name.unwrap_or_default())
        })
        .collect()
}

/// An import job: used by one thread at a time, so `Send` but not `Sync`.
pub struct Job(*mut sys::carto_import_job);
unsafe impl Send for Job {}

/// The state of a progress callback: the closure, and a panic caught inside the callback.
struct Progress<'a> {
    f: &'a mut dyn FnMut(i32, i64, i64) -> bool,
    panic: Option<Box<dyn Any + Send>>,
}

unsafe extern "C" fn progress_trampoline(state: c_int, done: c_longlong, total: c_longlong,
                                         userdata: *mut c_void) -> c_int {
    let p = &mut *(userdata as *mut Progress);
    if p.panic.is_some() {
        return 1;
    }
    // Never unwind into C: catch the panic, cancel, and resume it after the call.
    match panic::catch_unwind(AssertUnwindSafe(|| (p.f)(state, done, total))) {
        Ok(go_on) => (!go_on) as c_int,
        Err(payload) => {
            p.panic = Some(payload);
            1
        }
    }
}

impl Job {
    pub fn id(&self) -> Option<String> {
        unsafe { text(sys::carto_import_job_id(self.0)) }
    }

    /// The error of the job's last call, from the job: right from any thread, any time later.
    pub fn error(&self, rc: c_int) -> Result<()> {
        if rc == 0 {
            return Ok(());
        }
        let mut snap = ptr::null_mut();
        unsafe {
            sys::carto_import_job_last_error(self.0, &mut snap);
            Err(from_snapshot(snap, rc))
        }
    }

    /// Runs f with the (callback, userdata) of `progress`, then resumes its panic if any.
    fn with_progress(&mut self, progress: Option<&mut dyn FnMut(i32, i64, i64) -> bool>,
                     f: impl FnOnce(*mut sys::carto_import_job, sys::carto_import_progress_cb,
                                    *mut c_void) -> c_int) -> Result<()> {
        let rc = match progress {
            None => f(self.0, None, ptr::null_mut()),
            Some(cb) => {
                let mut p = Progress { f: cb, panic: None };
                let rc = f(self.0, Some(progress_trampoline), &mut p as *mut Progress as *mut c_void);
                if let Some(payload) = p.panic {
                    panic::resume_unwind(payload);
                }
                rc
            }
        };
        self.error(rc)
    }

    pub fn run(&mut self, progress: Option<&mut dyn FnMut(i32, i64, i64) -> bool>) -> Result<()> {
        self.with_progress(progress, |j, cb, ud| unsafe { sys::carto_import_job_run(j, cb, ud) })
    }

    /// The status of a run without a callback, for code that reads the error later
    /// (`Job::error`).
    pub fn run_status(&mut self) -> c_int {
        unsafe { sys::carto_import_job_run(self.0, None, ptr::null_mut()) }
    }

    pub fn wait(&mut self, timeout_ms: i64) -> Result<()> {
        self.with_progress(None, |j, cb, ud| unsafe {
            sys::carto_import_job_wait(j, timeout_ms as std::os::raw::c_long, cb, ud)
        })
    }

    pub fn table_names(&mut self) -> Result<Vec<String>> {
        let mut list = ptr::null_mut();
        let rc = unsafe { sys::carto_import_job_datasets(&mut list, self.0) };
        self.error(rc)?;
        let names = names_of(list);
        unsafe { sys::carto_import_dataset_list_free(list) };
        names
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        unsafe { sys::carto_import_job_free(self.0) }
    }
}
