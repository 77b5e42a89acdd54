// Handles shared between the shims: lists, and the helpers jobs and datasets both use.
#pragma once

#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "core/dataset.hpp"
#include "core/import_job.hpp"

struct carto_import_string_list {
  std::vector<std::string> items;
};
struct carto_import_dataset_list {
  std::vector<std::unique_ptr<carto::Dataset>> items;
};

namespace carto::capi {
ImportParams params_of(const carto_import_params *p);
ImportJob &job_of(const carto_import_job *j);
ProgressSink progress_sink(carto_import_progress_cb cb, void *userdata);
Deadline deadline_after(long timeout_ms);
}  // namespace carto::capi
