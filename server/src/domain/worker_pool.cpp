// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/worker_pool.hpp"

#include "domain/services.hpp"

namespace cis {

void WorkerPool::shut_down() {
  if (!stop()) {
    for (auto &t : threads_) t.detach();  // only reached if the caller ignored stop()'s result
  }
}

void WorkerPool::spawn_workers(int workers) {
  for (int i = 0; i < workers; i++) threads_.emplace_back([this] { worker_loop(); });
}

bool WorkerPool::stop(std::chrono::milliseconds grace) {
  {
    std::unique_lock<std::mutex> lk(mu_);
    stopping_ = true;
    cv_.notify_all();
    if (!cv_.wait_for(lk, grace, [&] { return running_ == 0; })) return false;
  }
  for (auto &t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
  return true;
}

void WorkerPool::worker_loop() {
  for (;;) {
    std::string id;
    {
      std::unique_lock<std::mutex> lk(mu_);
      cv_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      id = queue_.front();
      queue_.pop_front();
      running_++;
    }
    try {
      run(id);
    } catch (const std::exception &e) {
      app_.log(what_ + " " + id + ": internal error: " + e.what());
      recover(id, e);
    }
    std::lock_guard<std::mutex> lk(mu_);
    active_.erase(id);
    running_--;
    cv_.notify_all();
  }
}

}  // namespace cis
