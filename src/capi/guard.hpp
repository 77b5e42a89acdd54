// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The C boundary. Every exported function runs its body through guard(), the one exception
// barrier: no C++ exception crosses the C API, every failure sets the thread's last error,
// and the returned status always equals the recorded code.
//
// Handles are checked against a registry of live handles before they are dereferenced, so a
// NULL, freed or wrong-type handle yields CARTO_IMPORT_EBADHANDLE instead of corrupting memory.
#pragma once

#include <new>
#include <string>

#include "carto_import.h"
#include "core/error.hpp"

namespace carto::capi {

enum class Kind { options, client, params, job, dataset, dataset_list, sync, sync_list, string_list };

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

// Runs f() for a value; returns `on_error` when it throws (the last error says why).
template <class T, class F>
T guard_value(T on_error, F &&f) noexcept {
  try {
    return f();
  } catch (...) {
    fail_from_current_exception();
    return on_error;
  }
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
