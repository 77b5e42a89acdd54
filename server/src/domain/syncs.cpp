// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/syncs.hpp"

#include <algorithm>
#include <exception>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/ids.hpp"
#include "common/time.hpp"
#include "domain/datasets.hpp"
#include "domain/jobs.hpp"
#include "domain/services.hpp"
#include "domain/sources.hpp"

namespace cis {

namespace {
// Sync-specific code when a sync's source is gone (PROTOCOL.md §2.5: 1017, "also used by syncs
// when the source file is gone (404)"), and the code of a failed import without one (§4.1).
constexpr int kSourceGoneCode = carto::kSourceFileDeleted;
constexpr int kNoCodeErrorCode = carto::kSyncImportFailed;

// What a successful fetch tells about the source, kept for the next conditional run.
void record_source(SyncRec &s, const Fetched &src, bool changed) {
  if (!src.etag.empty()) s.etag = src.etag;
  double modified = src.last_modified.empty() ? -1 : parse_http_date(src.last_modified);
  if (modified >= 0) {
    s.modified_at = iso_time(modified);
  } else if (changed) {
    s.modified_at = now_iso();  // no Last-Modified: when this server saw the data change
  }
  if (!src.checksum.empty()) s.checksum = src.checksum;
}
}  // namespace

Syncs::~Syncs() { shut_down(); }

double Syncs::scaled(double seconds) const { return seconds * app_.cfg().time_scale; }

double Syncs::next_run(std::int64_t interval, double now) const {
  return now + scaled(static_cast<double>(std::max<std::int64_t>(0, interval)));
}

std::string Syncs::create(SyncRec &s) {
  const double now = now_epoch();
  s.id = new_uuid();
  s.created_at = s.updated_at = s.ran_at = now;
  s.run_at = next_run(s.interval, now);
  app_.store().put_sync(s);

  JobSource source;
  if (!s.connector.empty())
    source.connector_public_json = s.service_item_id.value_or("");  // the worker gets s.connector
  else
    source.url = s.url;  // none: nothing to load, the job fails, and so does the sync
  ImportRec job = new_import_job(app_, new_uuid(), s.user, source);
  job.synchronization_id = s.id;
  job.table_name = s.name;
  job.set_guessing(s);
  job.create_visualization = s.create_visualization;
  app_.store().put_import(job);
  // Queued before the job can run (and finish): the import's outcome must not be overwritten.
  s.state = SyncState::kQueued;
  s.updated_at = now_epoch();
  app_.store().put_sync(s);
  app_.jobs().enqueue(job.id, s.connector);
  return job.id;
}

void Syncs::start(int workers) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    stopping_ = false;
    // A sync left queued or syncing by a previous process (its first import was marked stuck,
    // or a run was cut short) runs again.
    for (auto &s : app_.store().all_syncs()) {
      if (s.state != SyncState::kQueued && s.state != SyncState::kSyncing && s.state != SyncState::kCreated) continue;
      app_.log("sync " + s.id + " was " + state_name(s.state) + " when the server stopped: queued again");
      enqueue_locked(s);
    }
  }
  threads_.emplace_back([this] { scheduler(); });
  spawn_workers(std::max(1, workers));
}

void Syncs::enqueue_locked(SyncRec &s) {
  s.state = SyncState::kQueued;
  s.error_code = 0;
  s.error_message.reset();
  s.updated_at = now_epoch();
  app_.store().put_sync(s);
  if (active_.insert(s.id).second) queue_.push_back(s.id);
  cv_.notify_all();
}

void Syncs::scheduler() {
  const auto tick = std::chrono::milliseconds(
      std::clamp<long long>(static_cast<long long>(scaled(kTickSeconds) * 1000.0), 50, 60000));
  std::unique_lock<std::mutex> lk(mu_);
  while (!stopping_) {
    try {
      double now = now_epoch();
      for (auto &s : app_.store().all_syncs()) {  // by run_at
        if (s.run_at > now) break;
        bool due = s.state == SyncState::kSuccess || (s.state == SyncState::kFailure && s.retried_times < kMaxRetries);
        if (!due || active_.count(s.id)) continue;
        if (app_.store().count_busy_syncs(s.user) >= kMaxConcurrentPerUser) continue;
        enqueue_locked(s);
      }
    } catch (const std::exception &e) {
      app_.log(std::string("sync scheduler: ") + e.what());
    }
    cv_.wait_for(lk, tick, [&] { return stopping_; });
  }
}

bool Syncs::sync_now(const std::string &sync_id) {
  std::lock_guard<std::mutex> lk(mu_);
  auto s = app_.store().get_sync(sync_id);
  if (!s || stopping_ || active_.count(s->id)) return false;
  const double now = now_epoch(), span = scaled(kSyncNowTimespan);
  bool auto_due = s->state == SyncState::kSuccess && s->run_at <= now;
  bool may_start = s->state == SyncState::kSuccess || s->state == SyncState::kFailure ||
                   (s->state == SyncState::kQueued && now - s->updated_at > span);
  bool manual = may_start && now - s->ran_at > span;
  if (!auto_due && !manual) return false;
  int busy = app_.store().count_busy_syncs(s->user) - (s->state == SyncState::kQueued ? 1 : 0);
  if (busy >= kMaxConcurrentPerUser) return false;
  enqueue_locked(*s);
  return true;
}

void Syncs::recover(const std::string &id, const std::exception &e) {
  if (auto s = app_.store().get_sync(id)) {
    if (s->state == SyncState::kSyncing || s->state == SyncState::kQueued) fail(*s, carto::kUnknownError, "", e.what());
  }
}

void Syncs::run(const std::string &id) {
  auto rec = app_.store().get_sync(id);
  if (!rec || rec->state != SyncState::kQueued) return;  // deleted, or changed meanwhile
  SyncRec s = *rec;
  s.state = SyncState::kSyncing;
  s.updated_at = now_epoch();
  app_.store().put_sync(s);

  const std::string dir = app_.job_dir("sync-" + s.id);
  remove_tree(dir);
  std::optional<TableRec> table;
  if (s.table_id) table = app_.store().get_table(*s.table_id);
  Source source;
  if (!s.connector.empty()) {
    source.connector = s.connector;
  } else {
    source.url = s.url.value_or("");
  }
  if (table && !source.url.empty()) {  // conditional: the source may say it did not change
    source.etag = s.etag.value_or("");
    double modified = s.modified_at ? parse_iso_time(*s.modified_at) : -1;
    if (source.etag.empty() && modified >= 0) source.last_modified = http_date(modified);
  }
  if (source.url.empty() && source.connector.empty()) {
    fail(s, carto::kDownloadError, "", "the sync has no URL and no connector");
    return;
  }

  Fetched src = fetch_source(app_, source, dir + "/source");
  if (src.error_code) {
    fail(s, src.error_code == carto::kDownloadFileNotFound ? kSourceGoneCode : src.error_code, src.what_about, src.detail);
  } else if (table && (src.not_modified || (!src.checksum.empty() && src.checksum == s.checksum))) {
    app_.log("sync " + s.id + ": the source did not change");
    succeed(s, src);
  } else {
    ImportRequest req = import_request(app_.cfg(), src, dir + "/work", s);
    req.overwrite_table = table ? table->name : "";
    req.limits.max_tables_per_import = 1;  // a sync keeps one table
    ImportOutcome out = run_import(app_, s.user, req);
    if (out.error_code && out.error_code != carto::kAllTablesSkipped) {
      fail(s, out.error_code, "", out.detail);
    } else if (out.tables.empty()) {
      fail(s, carto::kUnsupportedFileType, "", "the source held no table");
    } else {
      if (table) {
        refresh_dataset(app_, *table, out.tables.front());
      } else {
        TableRec t = create_dataset(app_, s.user, out.tables.front(), "PRIVATE", s.id);
        s.table_id = t.id;
        s.visualization_id = t.visualization_id;
        s.name = t.name;
      }
      app_.log("sync " + s.id + ": table " + out.tables.front().name + " rewritten");
      succeed(s, src);
    }
  }
  remove_tree(dir);
}

void Syncs::succeed(SyncRec &s, const Fetched &src) {
  auto cur = app_.store().get_sync(s.id);
  if (!cur) {  // deleted while it ran: its table stays a normal dataset
    if (s.table_id) {
      if (auto t = app_.store().get_table(*s.table_id); t && t->synchronization_id == s.id) {
        t->synchronization_id.reset();
        app_.store().put_table(*t);
      }
    }
    return;
  }
  const double now = now_epoch();
  cur->state = SyncState::kSuccess;
  cur->table_id = s.table_id;
  cur->visualization_id = s.visualization_id;
  cur->name = s.name;
  cur->error_code = 0;
  cur->error_message.reset();
  cur->retried_times = 0;
  cur->ran_at = now;
  cur->run_at = next_run(cur->interval, now);
  cur->updated_at = now;
  record_source(*cur, src, src.checksum != s.checksum);
  if (cur->url && !cur->service_item_id) cur->service_item_id = cur->url;
  app_.store().put_sync(*cur);
}

void Syncs::fail(SyncRec &s, int code, const std::string &what_about, const std::string &detail) {
  app_.log("sync " + s.id + " failed: " + std::to_string(code) + " " + detail);
  auto cur = app_.store().get_sync(s.id);
  if (!cur) return;
  const double now = now_epoch();
  cur->state = SyncState::kFailure;
  cur->error_code = code;
  cur->error_message = error_message_for(code, what_about);
  cur->retried_times++;
  cur->ran_at = now;
  cur->run_at = next_run(cur->interval, now);
  cur->updated_at = now;
  app_.store().put_sync(*cur);
}

void Syncs::import_finished(ImportRec &job, const Fetched &src) {
  auto s = app_.store().get_sync(*job.synchronization_id);
  std::optional<TableRec> table;
  if (job.state == JobState::kComplete && job.table_id) table = app_.store().get_table(*job.table_id);
  if (!s) {  // the sync was deleted while its first import ran: a normal dataset
    if (table) {
      table->synchronization_id.reset();
      app_.store().put_table(*table);
    }
    return;
  }
  if (table) {
    s->state = SyncState::kSuccess;
    s->name = table->name;
    s->table_id = table->id;
    s->visualization_id = table->visualization_id;
    s->error_code = 0;
    s->error_message.reset();
    s->retried_times = 0;
    record_source(*s, src, true);
  } else {
    int code = job.error_code && job.state == JobState::kFailure ? job.error_code : kNoCodeErrorCode;
    s->state = SyncState::kFailure;
    s->error_code = code;
    s->error_message = error_message_for(code, job.error_text);
    s->retried_times++;
  }
  s->updated_at = now_epoch();
  app_.store().put_sync(*s);
}

}  // namespace cis
