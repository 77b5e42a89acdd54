// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/jobs.hpp"

#include <chrono>
#include <cmath>
#include <exception>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "common/url.hpp"
#include "domain/datasets.hpp"
#include "domain/services.hpp"
#include "domain/sources.hpp"
#include "importer/importer.hpp"

namespace cis {

// The code a job with no data source (the client "phantom import", PROTOCOL.md §7.2) fails with:
// the real server tries to download an empty URL.
constexpr int kNoSourceErrorCode = carto::kDownloadError;

ImportRec new_import_job(Services &app, std::string id, const std::string &user, const JobSource &src) {
  ImportRec job;
  job.id = std::move(id);
  job.user = user;
  job.user_id = app.store().user_id(user);
  if (src.service_name && !src.service_name->empty()) job.service_name = *src.service_name;
  if (src.service_item_id) job.service_item_id = *src.service_item_id;
  if (src.url) {
    job.data_type = "url";
    if (job.service_item_id.empty()) job.service_item_id = *src.url;
    job.original_url = *src.url;
    job.display_name = url_basename(*src.url);
  } else if (!src.connector_public_json.empty()) {
    job.data_type = "datasource";
    job.service_name = "connector";
    job.service_item_id = src.connector_public_json;
  } else if (!src.upload_path.empty()) {
    job.data_type = "file";
    job.source_path = src.upload_path;
    job.original_name = src.upload_name;
    job.original_url = src.upload_path;
    job.display_name = src.upload_name;
  } else {
    job.data_type = src.query ? "query" : "datasource";
  }
  job.created_at = job.updated_at = now_epoch();
  return job;
}

Jobs::~Jobs() { shut_down(); }

void Jobs::start(int workers) {
  std::lock_guard<std::mutex> lk(mu_);
  stopping_ = false;
  spawn_workers(workers);
}

void Jobs::enqueue(const std::string &id, const std::string &connector) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (!connector.empty()) connectors_[id] = connector;
    queue_.push_back(id);
  }
  cv_.notify_one();
}

void Jobs::recover(const std::string &id, const std::exception &e) {
  if (auto job = app_.store().get_import(id)) {
    if (!is_finished(job->state)) fail(*job, carto::kUnknownError, e.what());
  }
}

void Jobs::pause() {
  long long ms = static_cast<long long>(app_.cfg().step_delay_ms * app_.cfg().time_scale);
  if (ms <= 0) return;
  std::unique_lock<std::mutex> lk(mu_);
  cv_.wait_for(lk, std::chrono::milliseconds(ms), [&] { return stopping_; });
}

void Jobs::set_state(ImportRec &job, JobState state) {
  job.state = state;
  job.updated_at = now_epoch();
  app_.store().set_import_state(job.id, state);
  pause();
}

void Jobs::fail(ImportRec &job, int code, const std::string &detail, const Fetched *src) {
  job.state = JobState::kFailure;
  job.error_code = code;
  job.tables_created_count = std::nullopt;
  job.detail = detail;
  job.error_text = src ? src->what_about : std::string();
  job.updated_at = now_epoch();
  if (job.synchronization_id && on_sync_import_finished) on_sync_import_finished(job, src ? *src : Fetched());
  app_.store().put_import(job);
  app_.log("import " + job.id + " failed: " + std::to_string(code) + " " + detail);
}

namespace {
bool is_raster_name(const std::string &name) {
  std::string l = lower(name);
  auto ends = [&](const char *ext) {
    std::string e(ext);
    return l.size() >= e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".tif") || ends(".tiff");
}
}  // namespace

void Jobs::complete(ImportRec &job, const ImportOutcome &out, const Fetched &src) {
  std::string privacy = job.privacy.empty() ? "PRIVATE" : upper(job.privacy);
  std::vector<std::string> made;  // visualizations this job created, undone if it cannot complete
  try {
    std::vector<TableRec> created;
    for (const auto &info : out.tables) {
      auto existing = app_.store().find_table(job.user, info.name);
      if (existing && job.collision_strategy == "overwrite") {
        refresh_dataset(app_, *existing, info);
        created.push_back(*existing);
      } else {
        created.push_back(create_dataset(app_, job.user, info, privacy, job.synchronization_id));
        made.push_back(created.back().visualization_id);
      }
    }
    job.warnings = out.warnings_json;
    job.tables_created_count = static_cast<std::int64_t>(created.size());
    job.table_names.clear();
    for (const auto &t : created) job.table_names.push_back(t.name);
    if (!created.empty()) {
      job.table_id = created.front().id;
      job.table_name = created.front().name;
      if (job.create_visualization) {
        VizRec map = create_map(app_, job.user, created.front().name + " map", {created.front().id}, privacy);
        made.push_back(map.id);
        job.visualization_id = map.id;
      }
    }
    job.error_code = out.error_code;  // 0, or 1022 (everything skipped)
    job.any_table_raster = job.is_raster && !created.empty();
    job.detail = out.detail;
    job.state = JobState::kComplete;
    job.updated_at = now_epoch();
    if (job.synchronization_id && on_sync_import_finished) on_sync_import_finished(job, src);
    app_.store().put_import(job);
  } catch (...) {
    // The job will end as a failure (recover()): it leaves no dataset, map or new table behind.
    for (auto it = made.rbegin(); it != made.rend(); ++it) {
      try {
        if (auto v = app_.store().get_viz(*it)) delete_visualization(app_, *v);
      } catch (const std::exception &e) {
        app_.log("import " + job.id + ": cannot undo visualization " + *it + ": " + e.what());
      }
    }
    for (const auto &info : out.tables) {
      try {
        if (!app_.store().find_table(job.user, info.name)) app_.tables(job.user).drop(info.name);
      } catch (const std::exception &e) {
        app_.log("import " + job.id + ": cannot drop table " + info.name + ": " + e.what());
      }
    }
    throw;
  }
}

void Jobs::run(const std::string &id) {
  std::string connector;
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (auto it = connectors_.find(id); it != connectors_.end()) {
      connector = std::move(it->second);
      connectors_.erase(it);
    }
  }
  auto rec = app_.store().get_import(id);
  if (!rec || is_finished(rec->state)) return;
  ImportRec job = *rec;
  std::string dir = app_.job_dir(job.id);

  pause();  // let clients see "pending"
  set_state(job, JobState::kUploading);

  Source source;
  if (job.data_type == "url") {
    source.url = job.original_url;  // the validated URL; service_item_id is the client's label
  } else if (job.service_name == "connector") {
    source.connector = connector;
  } else {
    source.path = job.source_path;
    source.name = job.original_name;
  }
  Fetched src = fetch_source(app_, source, dir + "/source");
  if (src.http_status && (src.http_status < 200 || src.http_status >= 300))
    job.http_response_code = std::to_string(src.http_status);
  if (!src.error_code && src.path.empty()) {
    src.error_code = kNoSourceErrorCode;
    src.detail = "the request carried no file and no URL";
  }
  if (src.error_code) {
    fail(job, src.error_code, src.detail, &src);
    remove_tree(dir);
    return;
  }
  if (job.data_type == "url") job.original_name = src.file_name;
  job.is_raster = is_raster_name(src.file_name);

  ImportRequest req = import_request(app_.cfg(), src, dir + "/work", job);
  req.collision_strategy = job.collision_strategy;
  if (job.synchronization_id) req.limits.max_tables_per_import = 1;  // a sync keeps one table
  req.set_state = [&](JobState s) { set_state(job, s); };
  ImportOutcome out = run_import(app_, job.user, req);
  if (out.error_code == 0 || out.error_code == carto::kAllTablesSkipped) {
    complete(job, out, src);
    app_.log("import " + job.id + " complete: " + std::to_string(out.tables.size()) + " table(s)");
  } else {
    job.warnings = out.warnings_json;
    fail(job, out.error_code, out.detail, &src);
  }
  remove_tree(dir);
}

}  // namespace cis
