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
void store_datasets(carto_import_dataset_list **out, std::vector<std::unique_ptr<Dataset>> items);
}  // namespace carto::capi
