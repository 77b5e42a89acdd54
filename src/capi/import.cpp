// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_params, carto_import_job and carto_import_string_list.
#include "capi/client.hpp"
#include "capi/handles.hpp"
#include "core/import_job.hpp"

using namespace carto;

struct carto_import_params {
  ImportParams params;
};
struct carto_import_job {
  std::unique_ptr<ImportJob> job;
  carto::capi::HandleError error{};
};

namespace carto::capi {

ImportParams params_of(const carto_import_params *p) {
  return p ? checked(p, Kind::params, "params")->params : ImportParams{};
}

ImportJob &job_of(const carto_import_job *j) { return *checked(j, Kind::job, "job")->job; }

carto_import_status on_job(carto_import_job *j, const std::function<void(ImportJob &)> &f) {
  return guard_on(j, Kind::job, "job", [&](carto_import_job &h) {
    about_job(*h.job, [&] { f(*h.job); });
  });
}

// Adapts a C progress callback; an empty sink when there is none.
ProgressSink progress_sink(carto_import_progress_cb cb, void *userdata) {
  if (!cb) return {};
  return [cb, userdata](int state, long long done, long long total) {
    try {
      return cb(state, done, total, userdata);
    } catch (...) {  // a C++ callback that threw: never unwind through libcurl; it cancels
      return 1;
    }
  };
}

Deadline deadline_after(long timeout_ms) {
  if (timeout_ms <= 0) return std::nullopt;
  return Clock::now() + std::chrono::milliseconds(timeout_ms);
}

}  // namespace carto::capi

namespace {

ImportParams &params_mut(carto_import_params *p) {
  return capi::checked(p, capi::Kind::params, "params")->params;
}

}  // namespace

extern "C" {

carto_import_status carto_import_params_new(carto_import_params **out) {
  return capi::guard([&] { capi::make_handle(out, capi::Kind::params); });
}

void carto_import_params_free(carto_import_params *params) {
  capi::free_handle(params, capi::Kind::params);
}

carto_import_status carto_import_params_set_type_guessing(carto_import_params *p, int enable) {
  return capi::guard([&] { params_mut(p).type_guessing = enable != 0; });
}

carto_import_status carto_import_params_set_quoted_fields_guessing(carto_import_params *p,
                                                                   int enable) {
  return capi::guard([&] { params_mut(p).quoted_fields_guessing = enable != 0; });
}

carto_import_status carto_import_params_set_content_guessing(carto_import_params *p, int enable) {
  return capi::guard([&] { params_mut(p).content_guessing = enable != 0; });
}

carto_import_status carto_import_params_set_create_vis(carto_import_params *p, int enable) {
  return capi::guard([&] { params_mut(p).create_vis = enable != 0; });
}

carto_import_status carto_import_params_set_privacy(carto_import_params *p, int privacy) {
  return capi::guard([&] {
    ImportParams &params = params_mut(p);
    if (privacy < CARTO_IMPORT_PRIVACY_DEFAULT || privacy > CARTO_IMPORT_PRIVACY_LINK)
      throw Error(CARTO_IMPORT_EINVAL, "privacy must be CARTO_IMPORT_PRIVACY_DEFAULT, "
                                       "_PUBLIC, _PRIVATE or _LINK");
    params.privacy = privacy;
  });
}

carto_import_status carto_import_params_set_collision_strategy(carto_import_params *p,
                                                             int strategy) {
  return capi::guard([&] {
    ImportParams &params = params_mut(p);
    if (strategy < CARTO_IMPORT_COLLISION_RENAME || strategy > CARTO_IMPORT_COLLISION_OVERWRITE)
      throw Error(CARTO_IMPORT_EINVAL, "collision strategy must be CARTO_IMPORT_COLLISION_RENAME, "
                                       "_SKIP or _OVERWRITE");
    params.collision = strategy;
  });
}

carto_import_status carto_import_params_set_string(carto_import_params *p, const char *name,
                                                  const char *value) {
  return capi::guard([&] {
    ImportParams &params = params_mut(p);
    capi::require(name, "name");
    params.set_other(name, value ? std::optional<std::string>(value) : std::nullopt);
  });
}

const char *carto_import_state_string(int state) { return state_to_name(state); }

int carto_import_state_is_final(int state) { return state_is_final(state) ? 1 : 0; }

carto_import_status carto_import_job_new_file(carto_import_job **out, carto_import_client *client,
                                            const char *path, const carto_import_params *params) {
  return capi::guard_new(out, capi::Kind::job, [&] {
    auto core = capi::core_of(client);
    capi::require(path, "path");
    return ImportJob::from_file(std::move(core), path, capi::params_of(params));
  });
}

carto_import_status carto_import_job_new_url(carto_import_job **out, carto_import_client *client,
                                           const char *url, const carto_import_params *params) {
  return capi::guard_new(out, capi::Kind::job, [&] {
    auto core = capi::core_of(client);
    capi::require(url, "url");
    return ImportJob::from_url(std::move(core), url, capi::params_of(params));
  });
}

carto_import_status carto_import_job_new_connector(carto_import_job **out,
                                                 carto_import_client *client,
                                                 const char *connector_json,
                                                 const carto_import_params *params) {
  return capi::guard_new(out, capi::Kind::job, [&] {
    auto core = capi::core_of(client);
    capi::require(connector_json, "connector_json");
    return ImportJob::from_connector(std::move(core), connector_json, capi::params_of(params));
  });
}

carto_import_status carto_import_job_attach(carto_import_job **out, carto_import_client *client,
                                          const char *id) {
  return capi::guard_new(out, capi::Kind::job, [&] {
    auto core = capi::core_of(client);
    capi::require(id, "id");
    return ImportJob::attach(std::move(core), id);
  });
}

void carto_import_job_free(carto_import_job *job) { capi::free_handle(job, capi::Kind::job); }

carto_import_status carto_import_job_last_error(const carto_import_job *job,
                                              carto_import_error **out) {
  return capi::take_handle_error(job, capi::Kind::job, out);
}

carto_import_status carto_import_job_run(carto_import_job *job, carto_import_progress_cb progress,
                                       void *userdata) {
  return capi::on_job(job, [&](ImportJob &j) { j.run(capi::progress_sink(progress, userdata)); });
}

carto_import_status carto_import_job_refresh(carto_import_job *job) {
  return capi::on_job(job, [&](ImportJob &j) { j.refresh(); });
}

carto_import_status carto_import_job_wait(carto_import_job *job, long timeout_ms,
                                        carto_import_progress_cb progress, void *userdata) {
  return capi::on_job(job, [&](ImportJob &j) {
    j.wait(capi::deadline_after(timeout_ms), capi::progress_sink(progress, userdata));
  });
}

const char *carto_import_job_id(const carto_import_job *job) {
  return capi::guard_value<const char *>(nullptr, [&] {
    const ImportJob &j = capi::job_of(job);
    return j.id().empty() ? nullptr : j.id().c_str();
  });
}

carto_import_state carto_import_job_state(const carto_import_job *job) {
  return capi::guard_value(CARTO_IMPORT_STATE_UNKNOWN, [&] {
    return static_cast<carto_import_state>(capi::job_of(job).state());
  });
}

const char *carto_import_job_state_name(const carto_import_job *job) {
  return capi::guard_value<const char *>(nullptr,
                                         [&] { return capi::job_of(job).state_name().c_str(); });
}

int carto_import_job_success(const carto_import_job *job) {
  return capi::guard_value<int>(-1, [&] { return capi::job_of(job).success(); });
}

int carto_import_job_error_code(const carto_import_job *job) {
  return capi::guard_value<int>(0, [&] { return capi::job_of(job).error_code(); });
}

const char *carto_import_job_get_string(const carto_import_job *job, const char *field) {
  return capi::get_string(job, capi::job_of, field);
}

long long carto_import_job_get_int(const carto_import_job *job, const char *field,
                                   long long fallback) {
  return capi::get_int(job, capi::job_of, field, fallback);
}

const char *carto_import_job_json(const carto_import_job *job) {
  return capi::get_json(job, capi::job_of);
}

int carto_import_job_upload_compression(const carto_import_job *job) {
  return capi::guard_value<int>(CARTO_IMPORT_COMPRESSION_AUTO, [&] {
    return capi::job_of(job).upload_compression();
  });
}

long long carto_import_job_upload_bytes_sent(const carto_import_job *job) {
  return capi::guard_value<long long>(0, [&] { return capi::job_of(job).upload_bytes_sent(); });
}

carto_import_status carto_import_job_list(carto_import_string_list **out,
                                        carto_import_client *client) {
  return capi::guard_new(out, capi::Kind::string_list, [&] {
    auto core = capi::core_of(client);
    return list_import_jobs(*core, core->call_deadline());
  });
}

size_t carto_import_string_list_count(const carto_import_string_list *list) {
  return capi::guard_value<size_t>(0, [&] {
    return capi::checked(list, capi::Kind::string_list, "string list")->items.size();
  });
}

const char *carto_import_string_list_get(const carto_import_string_list *list, size_t i) {
  return capi::guard_value<const char *>(nullptr, [&]() -> const char * {
    const auto &items = capi::checked(list, capi::Kind::string_list, "string list")->items;
    return i < items.size() ? items[i].c_str() : nullptr;
  });
}

void carto_import_string_list_free(carto_import_string_list *list) {
  capi::free_handle(list, capi::Kind::string_list);
}

}  // extern "C"
