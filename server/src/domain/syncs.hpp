// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Synchronizations (sync tables, PROTOCOL.md §4): the scheduler that enqueues due syncs, the
// workers that run them, the rules of sync_now, and the link with a sync's first import.
//
// Every sync duration (the interval, the 900 s sync_now rule, the scheduler's tick) is scaled
// by --time-scale. States: created -> queued -> syncing -> success | failure -> queued ...
#pragma once

#include <cstdint>
#include <string>

#include "domain/worker_pool.hpp"
#include "meta/store.hpp"

namespace cis {

class Services;
struct Fetched;

class Syncs : public WorkerPool {
 public:
  static constexpr std::int64_t kMinInterval = 900;     // seconds, checked at creation
  static constexpr double kSyncNowTimespan = 900;       // seconds since ran_at before a forced run
  static constexpr int kMaxConcurrentPerUser = 3;       // queued or syncing
  static constexpr std::int64_t kMaxRetries = 10;       // failed runs before the scheduler gives up
  static constexpr double kTickSeconds = 60;            // the scheduler looks for due syncs

  explicit Syncs(Services &app) : WorkerPool(app, "sync") {}
  ~Syncs() override;

  // Re-queues the syncs a previous process left queued or syncing, then starts the scheduler
  // and `workers` threads.
  void start(int workers);
  // stop() (WorkerPool's) waits up to `grace` for running syncs (false if one still runs).

  // A duration of the real server, in seconds, scaled by --time-scale.
  double scaled(double seconds) const;
  // When a sync with `interval` seconds (negative: 0) runs next, counted from `now`.
  double next_run(std::int64_t interval, double now) const;

  // POST /synchronizations: stores the new sync `s` (its request fields set by the caller; its
  // id, times and state set here) and queues its first load, an ordinary import job linked to
  // it. Returns that job's id. The interval is checked by the caller (>= kMinInterval).
  std::string create(SyncRec &s);

  // The first import of a sync ended (Jobs::on_sync_import_finished).
  void import_finished(ImportRec &job, const Fetched &src);

  // PUT .../sync_now: enqueues the sync if the rules of §4.7 allow it.
  bool sync_now(const std::string &sync_id);

 private:
  void scheduler();
  void run(const std::string &id) override;
  void recover(const std::string &id, const std::exception &e) override;
  // Marks the sync queued (error cleared) and hands it to the workers; under mu_.
  void enqueue_locked(SyncRec &s);
  void succeed(SyncRec &s, const Fetched &src);
  void fail(SyncRec &s, int code, const std::string &what_about, const std::string &detail);
  // mu_ (WorkerPool's) guards the queue and every count-then-enqueue decision.
};

}  // namespace cis
