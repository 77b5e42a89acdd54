// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The handle types that more than one shim creates, and helpers the shims share.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "core/dataset.hpp"
#include "core/import_job.hpp"
#include "core/sync_table.hpp"

struct carto_import_string_list {
  std::vector<std::string> items;
};
struct carto_import_dataset_list {
  std::vector<std::unique_ptr<carto::Dataset>> items;
  mutable carto::capi::HandleError error{};  // (lists are const to the C API)
};
struct carto_import_dataset {
  std::unique_ptr<carto::Dataset> dataset;
  carto::capi::HandleError error{};
};
struct carto_import_sync_list {
  std::vector<std::unique_ptr<carto::SyncTable>> items;
  mutable carto::capi::HandleError error{};
};

namespace carto::capi {
ImportParams params_of(const carto_import_params *p);
ImportJob &job_of(const carto_import_job *j);
// A call on a job: runs f like guard_on(); its failure names the job (about_job).
carto_import_status on_job(carto_import_job *j, const std::function<void(ImportJob &)> &f);
ProgressSink progress_sink(carto_import_progress_cb cb, void *userdata);
Deadline deadline_after(long timeout_ms);

// Runs f(); a failure that escapes it names the job (once it has an id) in its job_id.
template <class F>
auto about_job(const ImportJob &job, F &&f) -> decltype(f()) {
  try {
    return f();
  } catch (Error &e) {
    if (e.info().job_id.empty()) e.info().job_id = job.id();
    throw;
  }
}

// A copy of a handle's last failure as a new snapshot in *out (NULL when its last call
// succeeded). Never touches the thread's last error; returns EINVAL, EBADHANDLE or ENOMEM.
carto_import_status snapshot(const ErrorInfo *from, carto_import_error **out) noexcept;
template <class H>
carto_import_status take_handle_error(const H *h, Kind kind, carto_import_error **out) noexcept {
  if (!out) return CARTO_IMPORT_EINVAL;
  *out = nullptr;
  if (!h || !is_live(h, kind)) return CARTO_IMPORT_EBADHANDLE;
  return snapshot(h->error ? &*h->error : nullptr, out);
}

// The C getters of an object described by the server (job, dataset, sync table): of(handle)
// returns the object, or throws for a bad handle; a NULL field gives NULL or the fallback.
template <class H, class Of>
const char *get_string(const H *h, Of &&of, const char *field) {
  return guard_value<const char *>(nullptr, [&]() -> const char * {
    const auto &object = of(h);
    return field ? object.get_string(field) : nullptr;
  });
}
template <class H, class Of>
long long get_int(const H *h, Of &&of, const char *field, long long fallback) {
  return guard_value<long long>(fallback, [&] {
    const auto &object = of(h);
    return field ? object.get_int(field).value_or(fallback) : fallback;
  });
}
// The object's JSON text; NULL before the server described it.
template <class H, class Of>
const char *get_json(const H *h, Of &&of) {
  return guard_value<const char *>(nullptr, [&]() -> const char * {
    const std::string &json = of(h).json();
    return json.empty() ? nullptr : json.c_str();
  });
}

// A copy of item i of a list handle (datasets or sync tables), as a new owned object; EINVAL
// when i is out of range. `name` names the list, `what` its items, in messages.
template <class List>
auto copy_item(const List *list, Kind kind, const char *name, size_t i, const char *what) {
  const auto &items = checked(list, kind, name)->items;
  if (i >= items.size())
    throw Error(CARTO_IMPORT_EINVAL, "index " + std::to_string(i) +
                                         " is out of range (the list has " +
                                         std::to_string(items.size()) + " " + what + ")");
  using Item = typename std::decay_t<decltype(*items[i])>;
  return std::make_unique<Item>(*items[i]);
}
}  // namespace carto::capi
