// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The import job runner: a pool of worker threads taking job ids from a FIFO queue and moving
// each job through pending -> uploading -> unpacking -> importing -> guessing ->
// complete | failure (PROTOCOL.md §2.4), pausing --step-delay-ms (x time scale) after each state.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "domain/worker_pool.hpp"
#include "meta/store.hpp"

namespace cis {

class Services;
struct ImportOutcome;
struct Fetched;

// What a new import job loads, the first one given (PROTOCOL.md §2.1): a URL, a connector, an
// uploaded file, a SQL query; with none of them the job fails when it runs (§7.2).
struct JobSource {
  OptStr url;
  std::string connector_public_json;  // the connector without its password (connector.hpp)
  std::string upload_path, upload_name;
  bool query = false;
  OptStr service_name, service_item_id;  // the client's labels of the source (POST /imports)
};

// A new, pending import job of `user`: the one place an ImportRec is made (POST /imports and a
// sync's first import). The caller then sets the request's options (guessing, privacy...).
ImportRec new_import_job(Services &app, std::string id, const std::string &user, const JobSource &src);

// Once enqueued, a job's state has one writer: the worker running it (the API handlers only read
// jobs). A job that ends as a failure leaves no dataset behind.
// stop() (WorkerPool's): a job still running then is marked stuck, 6671, at the next start, like
// the jobs still queued.
class Jobs : public WorkerPool {
 public:
  explicit Jobs(Services &app) : WorkerPool(app, "job") {}
  ~Jobs() override;

  void start(int workers);
  // `connector`: a connector job's full connector JSON, password included. It stays in memory,
  // for the worker only: the job's row keeps the public form (connector_public_json()).
  void enqueue(const std::string &id, const std::string &connector = std::string());

  // Called when an import of a synchronization (synchronization_id set) ends, complete or
  // failed, before the job's final state is stored: the sync takes the outcome. `src` is what
  // was fetched (checksum, etag...). May be empty.
  std::function<void(ImportRec &, const Fetched &src)> on_sync_import_finished;

 private:
  void run(const std::string &id) override;
  void recover(const std::string &id, const std::exception &e) override;
  void pause();                    // the step delay, interruptible by stop()
  void set_state(ImportRec &job, JobState state);
  void fail(ImportRec &job, int code, const std::string &detail, const Fetched *src = nullptr);
  void complete(ImportRec &job, const ImportOutcome &out, const Fetched &src);

  std::map<std::string, std::string> connectors_;  // job id -> connector JSON, until it runs
};

}  // namespace cis
