// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The handle types that more than one shim creates, and helpers the shims share.
#pragma once

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
};
struct carto_import_dataset {
  std::unique_ptr<carto::Dataset> dataset;
};
struct carto_import_sync_list {
  std::vector<std::unique_ptr<carto::SyncTable>> items;
};

namespace carto::capi {
ImportParams params_of(const carto_import_params *p);
ImportJob &job_of(const carto_import_job *j);
ProgressSink progress_sink(carto_import_progress_cb cb, void *userdata);
Deadline deadline_after(long timeout_ms);

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
