// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors

// Package cartoimport shows how Go code calls libcarto_import through cgo (docs/ffi.md): the
// error pattern that survives goroutines moving between OS threads, progress callbacks through
// a cgo.Handle, and callbacks that never unwind through the library.
package cartoimport

/*
#cgo CFLAGS: -I${SRCDIR}/../../../include
#cgo LDFLAGS: -lcarto_import
#include <stdint.h>
#include <stdlib.h>
#include "carto_import.h"

int goProgress(int state, long long done, long long total, void *userdata);

// A cgo.Handle as the callback's userdata (a uintptr in a void *, never dereferenced).
static void *ci_userdata(uintptr_t h) { return (void *)h; }
*/
import "C"

import (
	"fmt"
	"runtime"
	"runtime/cgo"
	"unsafe"
)

// Status codes used below (carto_import_error_code).
const (
	EINVAL       = int(C.CARTO_IMPORT_EINVAL)
	EIO          = int(C.CARTO_IMPORT_EIO)
	EAUTH        = int(C.CARTO_IMPORT_EAUTH)
	ENOTFOUND    = int(C.CARTO_IMPORT_ENOTFOUND)
	ECANCELED    = int(C.CARTO_IMPORT_ECANCELED)
	StateSending = int(C.CARTO_IMPORT_STATE_SENDING)
)

// Error is a failure of libcarto_import, copied from an owned snapshot (carto_import_error).
type Error struct {
	Code        int
	Message     string
	HTTPStatus  int
	RemoteCode  int
	Title       string
	Explanation string
	Source      string
	RetryAfter  int64
	JobID       string // the import job the failure concerns, or ""
}

func (e *Error) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

func goString(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}

// fromSnapshot turns a snapshot into an *Error and frees it; rc is the failed call's status.
func fromSnapshot(s *C.carto_import_error, rc C.int) error {
	if s == nil {
		return &Error{Code: int(rc), Message: C.GoString(C.carto_import_strerror(rc))}
	}
	defer C.carto_import_error_free(s)
	return &Error{
		Code:        int(C.carto_import_error_get_code(s)),
		Message:     C.GoString(C.carto_import_error_get_message(s)),
		HTTPStatus:  int(C.carto_import_error_get_http_status(s)),
		RemoteCode:  int(C.carto_import_error_get_remote_code(s)),
		Title:       goString(C.carto_import_error_get_remote_title(s)),
		Explanation: goString(C.carto_import_error_get_remote_explanation(s)),
		Source:      goString(C.carto_import_error_get_remote_source(s)),
		RetryAfter:  int64(C.carto_import_error_get_retry_after(s)),
		JobID:       goString(C.carto_import_error_get_job_id(s)),
	}
}

// call is the one pattern for every call: the goroutine stays on its OS thread from the call
// to carto_import_last_error_take(), so the error taken is this call's; the snapshot then
// travels freely.
func call(f func() C.int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rc := f()
	if rc == 0 {
		return nil
	}
	var s *C.carto_import_error
	C.carto_import_last_error_take(&s)
	return fromSnapshot(s, rc)
}

// jobError reads a failed job call's error from the job itself: no thread pinning needed.
func jobError(job *C.carto_import_job, rc C.int) error {
	if rc == 0 {
		return nil
	}
	var s *C.carto_import_error
	C.carto_import_job_last_error(job, &s)
	return fromSnapshot(s, rc)
}

// Progress is called during uploads and waits; returning false cancels.
type Progress func(state int, done, total int64) bool

type progressCtx struct {
	fn       Progress
	panicked any // a panic of fn, recovered inside the callback
}

// withProgress runs f with a (callback, userdata) pair for fn (NULL when fn is nil), and
// re-raises a panic of fn once f returned, on the Go side of the call.
func withProgress(fn Progress, f func(C.carto_import_progress_cb, unsafe.Pointer) error) error {
	if fn == nil {
		return f(nil, nil)
	}
	ctx := &progressCtx{fn: fn}
	h := cgo.NewHandle(ctx)
	defer h.Delete()
	err := f(C.carto_import_progress_cb(C.goProgress), C.ci_userdata(C.uintptr_t(h)))
	if ctx.panicked != nil {
		panic(ctx.panicked)
	}
	return err
}

func cstr(s string) *C.char { return C.CString(s) }

// Client is a connection to one account (shared by any number of goroutines).
type Client struct{ c *C.carto_import_client }

// NewClient builds a client for a base URL and API key.
func NewClient(baseURL, apiKey string) (*Client, error) {
	var opts *C.carto_import_options
	if err := call(func() C.int { return C.carto_import_options_new(&opts) }); err != nil {
		return nil, err
	}
	defer C.carto_import_options_free(opts)
	u, k := cstr(baseURL), cstr(apiKey)
	defer C.free(unsafe.Pointer(u))
	defer C.free(unsafe.Pointer(k))
	var c *C.carto_import_client
	err := call(func() C.int {
		if rc := C.carto_import_options_set_base_url(opts, u); rc != 0 {
			return rc
		}
		if rc := C.carto_import_options_set_api_key(opts, k); rc != 0 {
			return rc
		}
		return C.carto_import_client_new(&c, opts)
	})
	if err != nil {
		return nil, err
	}
	return &Client{c}, nil
}

func (c *Client) Close() { C.carto_import_client_free(c.c) }

// Verify checks the key with one request.
func (c *Client) Verify() error {
	return call(func() C.int { return C.carto_import_client_verify(c.c) })
}

// Job is an import job (one goroutine at a time).
type Job struct{ j *C.carto_import_job }

// NewFileJob prepares the import of a local file.
func (c *Client) NewFileJob(path string) (*Job, error) {
	p := cstr(path)
	defer C.free(unsafe.Pointer(p))
	var j *C.carto_import_job
	if err := call(func() C.int { return C.carto_import_job_new_file(&j, c.c, p, nil) }); err != nil {
		return nil, err
	}
	return &Job{j}, nil
}

func (j *Job) Close() { C.carto_import_job_free(j.j) }

// ID is the job's id; "" before it ran.
func (j *Job) ID() string { return goString(C.carto_import_job_id(j.j)) }

// Run sends the file; its error is read from the job (jobError), not from the thread.
func (j *Job) Run(fn Progress) error {
	return withProgress(fn, func(cb C.carto_import_progress_cb, ud unsafe.Pointer) error {
		return jobError(j.j, C.carto_import_job_run(j.j, cb, ud))
	})
}

// Wait waits until the job is final (timeout in ms).
func (j *Job) Wait(timeoutMs int, fn Progress) error {
	return withProgress(fn, func(cb C.carto_import_progress_cb, ud unsafe.Pointer) error {
		return jobError(j.j, C.carto_import_job_wait(j.j, C.long(timeoutMs), cb, ud))
	})
}

// TableNames are the names of the tables a complete job created.
func (j *Job) TableNames() ([]string, error) {
	var list *C.carto_import_dataset_list
	if err := jobError(j.j, C.carto_import_job_datasets(&list, j.j)); err != nil {
		return nil, err
	}
	defer C.carto_import_dataset_list_free(list)
	return namesOf(list)
}

func namesOf(list *C.carto_import_dataset_list) ([]string, error) {
	n := int(C.carto_import_dataset_list_count(list))
	names := make([]string, 0, n)
	field := cstr("name")
	defer C.free(unsafe.Pointer(field))
	for i := 0; i < n; i++ {
		var d *C.carto_import_dataset
		err := call(func() C.int { return C.carto_import_dataset_list_get(&d, list, C.size_t(i)) })
		if err != nil {
			return nil, err
		}
		names = append(names, goString(C.carto_import_dataset_get_string(d, field)))
		C.carto_import_dataset_free(d)
	}
	return names, nil
}

// DatasetNames lists the account's datasets.
func (c *Client) DatasetNames() ([]string, error) {
	var list *C.carto_import_dataset_list
	if err := call(func() C.int { return C.carto_import_dataset_list_all(&list, c.c) }); err != nil {
		return nil, err
	}
	defer C.carto_import_dataset_list_free(list)
	return namesOf(list)
}

// DatasetRowCount gets one dataset by name: its row count.
func (c *Client) DatasetRowCount(name string) (int64, error) {
	n := cstr(name)
	defer C.free(unsafe.Pointer(n))
	var d *C.carto_import_dataset
	if err := call(func() C.int { return C.carto_import_dataset_get(&d, c.c, n) }); err != nil {
		return 0, err
	}
	defer C.carto_import_dataset_free(d)
	field := cstr("row_count")
	defer C.free(unsafe.Pointer(field))
	return int64(C.carto_import_dataset_get_int(d, field, -1)), nil
}

// DeleteDataset force-deletes one dataset by name (even when maps depend on it); its error
// is read from the dataset handle.
func (c *Client) DeleteDataset(name string) error {
	n := cstr(name)
	defer C.free(unsafe.Pointer(n))
	var d *C.carto_import_dataset
	if err := call(func() C.int { return C.carto_import_dataset_get(&d, c.c, n) }); err != nil {
		return err
	}
	defer C.carto_import_dataset_free(d)
	if rc := C.carto_import_dataset_force_delete(d); rc != 0 {
		var s *C.carto_import_error
		C.carto_import_dataset_last_error(d, &s)
		return fromSnapshot(s, rc)
	}
	return nil
}

// GetDatasetError is a failing call for the concurrency test: the error of getting a dataset
// that does not exist, read through call().
func (c *Client) GetDatasetError(name string) error {
	_, err := c.DatasetRowCount(name)
	return err
}

// NaiveGetDatasetMessage reads the thread's record the wrong way, without pinning the
// goroutine: the record read may be another call's (for contrast in the concurrency test).
func (c *Client) NaiveGetDatasetMessage(name string) string {
	n := cstr(name)
	defer C.free(unsafe.Pointer(n))
	var d *C.carto_import_dataset
	if C.carto_import_dataset_get(&d, c.c, n) == 0 {
		C.carto_import_dataset_free(d)
		return ""
	}
	return C.GoString(C.carto_import_last_error_message())
}
