// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "capi/guard.hpp"

#include <exception>
#include <mutex>
#include <unordered_map>

namespace carto::capi {

namespace {
std::mutex &registry_mutex() {
  static std::mutex m;
  return m;
}
std::unordered_map<const void *, Kind> &registry() {
  static auto *r = new std::unordered_map<const void *, Kind>();  // never destroyed: handles
  return *r;                                                       // may be freed at exit
}
}  // namespace

void register_handle(const void *h, Kind kind) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  registry()[h] = kind;
}

void unregister_handle(const void *h) noexcept {
  std::lock_guard<std::mutex> lock(registry_mutex());
  registry().erase(h);
}

bool is_live(const void *h, Kind kind) noexcept {
  std::lock_guard<std::mutex> lock(registry_mutex());
  auto it = registry().find(h);
  return it != registry().end() && it->second == kind;
}

int fail_from_current_exception() noexcept {
  ErrorInfo info;
  try {
    throw;
  } catch (const Error &e) {
    info = e.info();
  } catch (const std::bad_alloc &) {
    info.code = CARTO_IMPORT_ENOMEM;
    info.message = "out of memory";
  } catch (const std::exception &e) {
    info.code = CARTO_IMPORT_EINTERNAL;
    info.message = std::string("internal error: ") + e.what() + "; please report this bug";
  } catch (...) {
    info.code = CARTO_IMPORT_EINTERNAL;
    info.message = "internal error: unknown exception; please report this bug";
  }
  if (info.code >= 0) info.code = CARTO_IMPORT_EINTERNAL;  // a failure is never "success"
  const int code = info.code;
  set_last_error(std::move(info));
  return code;
}

void remember_last_error(HandleError &slot) noexcept {
  try {
    slot = last_error();
  } catch (...) {
    slot.emplace();
    slot->code = last_error().code;
  }
}

}  // namespace carto::capi
