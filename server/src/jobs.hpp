// The import job runner: a pool of worker threads taking job ids from a FIFO queue and moving
// each job through pending -> uploading -> unpacking -> importing -> guessing ->
// complete | failure (PROTOCOL.md §2.4), pausing --step-delay-ms (x time scale) after each state.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store.hpp"

namespace cis {

class App;
struct ImportOutcome;
struct Fetched;

class Jobs {
 public:
  explicit Jobs(App &app) : app_(app) {}
  ~Jobs();
  Jobs(const Jobs &) = delete;
  Jobs &operator=(const Jobs &) = delete;

  void start(int workers);
  // Stops taking jobs and waits up to `grace` for the running ones (their pauses are cut short).
  // Returns false if some import is still running then: the caller may exit anyway (that job
  // is marked stuck, 6671, at the next start, like the jobs still queued).
  bool stop(std::chrono::milliseconds grace = std::chrono::milliseconds(10000));
  void enqueue(const std::string &id);
  bool is_active(const std::string &id);  // queued or running in this process

  // Called when an import of a synchronization (synchronization_id set) ends, complete or
  // failed, before the job's final state is stored: the sync takes the outcome. `src` is what
  // was fetched (checksum, etag...). May be empty.
  std::function<void(ImportRec &, const Fetched &src)> on_sync_import_finished;

 private:
  void worker();
  void run(const std::string &id);
  void pause();                    // the step delay, interruptible by stop()
  void set_state(ImportRec &job, const std::string &state);
  void fail(ImportRec &job, int code, const std::string &detail, const Fetched *src = nullptr);
  void complete(ImportRec &job, const ImportOutcome &out, const Fetched &src);

  App &app_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  std::set<std::string> active_;
  bool stopping_ = false;
  int running_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace cis
