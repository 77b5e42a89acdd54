// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The thread pool Jobs and Syncs share: worker threads taking ids from a FIFO queue and running
// each with run(id), and a bounded stop. The queue and its lock are the derived class's too
// (Syncs decides what to enqueue under mu_; Jobs' step delay waits on cv_ for stopping_).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace cis {

class Services;

class WorkerPool {
 public:
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  // Stops taking work and waits up to `grace` for the running runs (the step delays are cut
  // short). Returns false if one still runs then: the caller may exit anyway.
  bool stop(std::chrono::milliseconds grace = std::chrono::milliseconds(10000));

 protected:
  // `what` names an item in the log ("job", "sync").
  WorkerPool(Services &app, std::string what) : app_(app), what_(std::move(what)) {}
  // Too late to stop here (run() is the derived class's): each derived destructor calls
  // shut_down() first.
  virtual ~WorkerPool() = default;
  void shut_down();                // stop(); threads still running are detached
  void spawn_workers(int workers);  // `workers` threads running worker_loop()

  // One item; an exception it throws is logged and handed to recover().
  virtual void run(const std::string &id) = 0;
  virtual void recover(const std::string &id, const std::exception &e) = 0;

  Services &app_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  std::set<std::string> active_;  // Syncs': queued or running in this process (Jobs has no use)
  bool stopping_ = false;
  int running_ = 0;
  std::vector<std::thread> threads_;

 private:
  void worker_loop();

  std::string what_;
};

}  // namespace cis
