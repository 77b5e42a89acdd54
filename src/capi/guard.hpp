// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The C boundary. Every exported function runs its body through guard(), the one exception
// barrier: no C++ exception crosses the C API, every failure sets the thread's last error,
// and the returned status always equals the recorded code. Getters (guard_value) cannot fail
// and leave the record alone; calls on a handle (guard_on) also keep their outcome on it.
//
// Handles are checked against a registry of live handles before they are dereferenced, so a
// NULL, freed or wrong-type handle yields CARTO_IMPORT_EBADHANDLE instead of corrupting memory.
#pragma once

#include <new>
#include <optional>
#include <string>

#include "carto_import.h"
#include "core/error.hpp"

namespace carto::capi {

enum class Kind { options, client, params, job, dataset, dataset_list, sync, sync_list, string_list,
                  error };

void register_handle(const void *h, Kind kind);
void unregister_handle(const void *h) noexcept;
bool is_live(const void *h, Kind kind) noexcept;

// Throws EBADHANDLE unless h is a live handle of that kind.
template <class T>
T *checked(T *h, Kind kind, const char *what) {
  if (!h) throw Error(CARTO_IMPORT_EBADHANDLE, std::string(what) + " is NULL");
  if (!is_live(h, kind))
    throw Error(CARTO_IMPORT_EBADHANDLE,
                std::string(what) + " is not a live " + what + " handle (already freed?)");
  return h;
}

// Throws EINVAL when a required pointer argument is NULL.
inline void require(const void *p, const char *name) {
  if (!p) throw Error(CARTO_IMPORT_EINVAL, std::string(name) + " must not be NULL");
}

int fail_from_current_exception() noexcept;

// The rate-limit headers of a record into the out-parameters that are not NULL; 1 when all
// three were sent.
inline int read_rate_limit(const ErrorInfo &e, long *limit, long *remaining, long *reset) noexcept {
  if (limit) *limit = e.rate_limit;
  if (remaining) *remaining = e.rate_remaining;
  if (reset) *reset = e.rate_reset;
  return e.rate_limit >= 0 && e.rate_remaining >= 0 && e.rate_reset >= 0;
}

// Runs f(); returns 0, or the negative status of the failure it threw.
template <class F>
carto_import_status guard(F &&f) noexcept {
  clear_last_error();
  try {
    f();
    return CARTO_IMPORT_OK;
  } catch (...) {
    return fail_from_current_exception();
  }
}

// Runs f() for a value; returns `on_error` when it throws. A getter cannot fail: the thread's
// last error is left as it was (a NULL or freed handle just gives `on_error`).
template <class T, class F>
T guard_value(T on_error, F &&f) noexcept {
  try {
    return f();
  } catch (...) {
    return on_error;
  }
}

// The outcome of the last fallible call made on a handle: empty after a success. Read with
// carto_import_X_last_error() from any thread, once the call returned.
using HandleError = std::optional<ErrorInfo>;

// Copies the thread's last error into a handle's record (only the code, if memory runs out).
void remember_last_error(HandleError &slot) noexcept;

// guard() for a call on handle h of `kind`: f(*h) runs once h is checked, and its outcome is
// also kept in h->error (a NULL or wrong handle has no record to keep it in).
template <class H, class F>
carto_import_status guard_on(H *h, Kind kind, const char *what, F &&f) noexcept {
  H *live = nullptr;
  const carto_import_status rc = guard([&] {
    live = checked(h, kind, what);
    live->error.reset();
    f(*live);
  });
  if (rc < 0 && live) remember_last_error(live->error);
  return rc;
}

// Creates a handle with new, registers it, and stores it in *out only on success.
template <class T, class... Args>
void make_handle(T **out, Kind kind, Args &&...args) {
  require(out, "out");
  *out = nullptr;
  T *h = new T{std::forward<Args>(args)...};
  try {
    register_handle(h, kind);
  } catch (...) {
    delete h;
    throw;
  }
  *out = h;
}

// The shape of every constructor: runs make() for the new object and stores it in *out as a
// handle of `kind`. *out is NULL whenever the call fails; returns 0 or the failure's status.
template <class T, class F>
carto_import_status guard_new(T **out, Kind kind, F &&make) noexcept {
  return guard([&] {
    require(out, "out");
    *out = nullptr;
    make_handle(out, kind, make());
  });
}

// Unregisters and deletes a handle; NULL and unknown pointers are ignored.
template <class T>
void free_handle(T *h, Kind kind) noexcept {
  if (!h || !is_live(h, kind)) return;
  unregister_handle(h);
  delete h;
}

}  // namespace carto::capi
