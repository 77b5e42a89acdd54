// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_dataset and carto_import_dataset_list, and the one-call import.
#include "capi/client.hpp"
#include "capi/handles.hpp"

using namespace carto;

namespace {

Dataset &dataset_of(const carto_import_dataset *d) {
  return *capi::checked(d, capi::Kind::dataset, "dataset")->dataset;
}

// The datasets of a complete job, one per table it created.
std::vector<std::unique_ptr<Dataset>> datasets_of(const ImportJob &job, const Deadline &deadline) {
  if (job.state() != CARTO_IMPORT_STATE_COMPLETE)
    throw Error(CARTO_IMPORT_EINVAL, "import job " + job.id() + " is '" + job.state_name() +
                                         "', not complete; wait for it first");
  std::vector<std::unique_ptr<Dataset>> out;
  for (const auto &table : job.table_refs()) out.push_back(Dataset::of_table(job.client(), table, deadline));
  return out;
}

// Runs a job (once more uncompressed if the server could not read it compressed), waits for
// it and returns its datasets; a failure names the job.
std::vector<std::unique_ptr<Dataset>> run_to_datasets(ImportJob &job, const ProgressSink &sink,
                                                      const Deadline &deadline) {
  return capi::about_job(job, [&] {
    job.run_and_wait(sink, deadline);
    return datasets_of(job, deadline);
  });
}

// A call on a dataset, kept on the handle too (carto_import_dataset_last_error()).
template <class F>
carto_import_status with_dataset(carto_import_dataset *d, F &&f) {
  return capi::guard_on(d, capi::Kind::dataset, "dataset",
                        [&](carto_import_dataset &h) { f(*h.dataset); });
}

// A connector is a JSON object: what a JSON parser would take for one, i.e. '{' after any
// leading white space. Text that opens like one but does not parse still goes to the connector
// path, whose error never quotes it (it may hold a password).
bool is_connector(const char *source) {
  while (*source == ' ' || *source == '\t' || *source == '\r' || *source == '\n') ++source;
  return *source == '{';
}

// A job for a file, a URL or a connector, by the look of `source`.
std::unique_ptr<ImportJob> job_for(const std::shared_ptr<ClientCore> &core, const char *source,
                                   const carto_import_params *params) {
  if (is_connector(source))
    return ImportJob::from_connector(core, source, capi::params_of(params));
  if (is_fetchable_url(source)) return ImportJob::from_url(core, source, capi::params_of(params));
  return ImportJob::from_file(core, source, capi::params_of(params));
}

}  // namespace

extern "C" {

carto_import_status carto_import_dataset_create(carto_import_dataset_list **out,
                                              carto_import_client *client,
                                              const char *path_or_url,
                                              const carto_import_params *params, long timeout_ms,
                                              carto_import_progress_cb progress, void *userdata) {
  return capi::guard_new(out, capi::Kind::dataset_list, [&] {
    auto core = capi::core_of(client);
    capi::require(path_or_url, "path_or_url");
    const Deadline deadline = capi::deadline_after(timeout_ms);
    const ProgressSink sink = capi::progress_sink(progress, userdata);
    auto job = job_for(core, path_or_url, params);
    return run_to_datasets(*job, sink, deadline);
  });
}

carto_import_status carto_import_dataset_create_sync(carto_import_dataset_list **out,
                                                   carto_import_client *client, const char *source,
                                                   long interval_seconds,
                                                   const carto_import_params *params,
                                                   long timeout_ms,
                                                   carto_import_progress_cb progress,
                                                   void *userdata) {
  return capi::guard_new(out, capi::Kind::dataset_list, [&] {
    auto core = capi::core_of(client);
    capi::require(source, "source");
    const Deadline deadline = capi::deadline_after(timeout_ms);
    const ProgressSink sink = capi::progress_sink(progress, userdata);
    if (interval_seconds == 0 && is_connector(source)) {  // a one-off connector import
      auto job = job_for(core, source, params);
      return run_to_datasets(*job, sink, deadline);
    }
    auto sync = SyncTable::create(core, source, is_connector(source), interval_seconds,
                                  capi::params_of(params), deadline);
    sync->wait(deadline, sink);
    std::vector<std::unique_ptr<Dataset>> items;
    items.push_back(sync->dataset(deadline));
    return items;
  });
}

carto_import_status carto_import_job_datasets(carto_import_dataset_list **out,
                                            carto_import_job *job) {
  if (out) *out = nullptr;
  return capi::on_job(job, [&](ImportJob &j) {
    capi::require(out, "out");  // before the requests, not after
    capi::make_handle(out, capi::Kind::dataset_list, datasets_of(j, j.client()->call_deadline()));
  });
}

carto_import_status carto_import_dataset_list_all(carto_import_dataset_list **out,
                                                carto_import_client *client) {
  return capi::guard_new(out, capi::Kind::dataset_list, [&] {
    auto core = capi::core_of(client);
    return list_datasets(core, core->call_deadline());
  });
}

carto_import_status carto_import_dataset_list_filter(carto_import_dataset_list **out,
                                                   carto_import_client *client,
                                                   const char *query) {
  return capi::guard_new(out, capi::Kind::dataset_list, [&] {
    auto core = capi::core_of(client);
    return list_datasets(core, core->call_deadline(), query ? decode_query(query) : QueryParams{});
  });
}

carto_import_status carto_import_dataset_get(carto_import_dataset **out,
                                           carto_import_client *client, const char *id_or_name) {
  return capi::guard_new(out, capi::Kind::dataset, [&] {
    auto core = capi::core_of(client);
    capi::require(id_or_name, "id_or_name");
    return Dataset::fetch(std::move(core), id_or_name);
  });
}

size_t carto_import_dataset_list_count(const carto_import_dataset_list *list) {
  return capi::guard_value<size_t>(0, [&] {
    return capi::checked(list, capi::Kind::dataset_list, "dataset list")->items.size();
  });
}

carto_import_status carto_import_dataset_list_get(carto_import_dataset **out,
                                                const carto_import_dataset_list *list, size_t i) {
  if (out) *out = nullptr;
  return capi::guard_on(list, capi::Kind::dataset_list, "dataset list",
                        [&](const carto_import_dataset_list &l) {
    capi::make_handle(out, capi::Kind::dataset,
                      capi::copy_item(&l, capi::Kind::dataset_list, "dataset list", i, "datasets"));
  });
}

void carto_import_dataset_list_free(carto_import_dataset_list *list) {
  capi::free_handle(list, capi::Kind::dataset_list);
}

void carto_import_dataset_free(carto_import_dataset *dataset) {
  capi::free_handle(dataset, capi::Kind::dataset);
}

carto_import_status carto_import_dataset_last_error(const carto_import_dataset *dataset,
                                                  carto_import_error **out) {
  return capi::take_handle_error(dataset, capi::Kind::dataset, out);
}

carto_import_status carto_import_dataset_list_last_error(const carto_import_dataset_list *list,
                                                       carto_import_error **out) {
  return capi::take_handle_error(list, capi::Kind::dataset_list, out);
}

const char *carto_import_dataset_get_string(const carto_import_dataset *dataset,
                                            const char *field) {
  return capi::get_string(dataset, dataset_of, field);
}

long long carto_import_dataset_get_int(const carto_import_dataset *dataset, const char *field,
                                       long long fallback) {
  return capi::get_int(dataset, dataset_of, field, fallback);
}

carto_import_privacy carto_import_dataset_privacy(const carto_import_dataset *dataset) {
  return capi::guard_value(CARTO_IMPORT_PRIVACY_DEFAULT, [&] {
    return static_cast<carto_import_privacy>(dataset_of(dataset).privacy());
  });
}

const char *carto_import_dataset_json(const carto_import_dataset *dataset) {
  return capi::get_json(dataset, dataset_of);
}

carto_import_status carto_import_dataset_set_string(carto_import_dataset *dataset,
                                                  const char *field, const char *value) {
  return with_dataset(dataset, [&](Dataset &d) {
    capi::require(field, "field");
    d.set_string(field, value);
  });
}

carto_import_status carto_import_dataset_save(carto_import_dataset *dataset) {
  return with_dataset(dataset, [](Dataset &d) { d.save(); });
}

carto_import_status carto_import_dataset_refresh(carto_import_dataset *dataset) {
  return with_dataset(dataset, [](Dataset &d) { d.refresh(); });
}

carto_import_status carto_import_dataset_delete(carto_import_dataset *dataset) {
  return with_dataset(dataset, [](Dataset &d) { d.remove(false); });
}

carto_import_status carto_import_dataset_force_delete(carto_import_dataset *dataset) {
  return with_dataset(dataset, [](Dataset &d) { d.remove(true); });
}

}  // extern "C"
