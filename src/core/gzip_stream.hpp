// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Streaming gzip of a file for the upload path: pigz's scheme (independent blocks compressed in
// parallel, each primed with the previous 32 KiB as dictionary, one gzip member with a combined
// CRC), read block by block so that memory stays bounded whatever the file size.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace carto {

// The upload names worth compressing (text formats) and those the server could not read
// inside a .gz (archives, already-compressed files).
bool gains_from_gzip(const std::string &filename) noexcept;
bool gzip_would_hide(const std::string &filename) noexcept;

class GzipStream {
 public:
  enum class Policy {
    always,    // every block deflated (level 1)
    adaptive,  // a block is deflated only while the compressor outruns the link (else stored)
  };
  struct Tuning {
    size_t block_bytes = 256 << 10;
    int threads = 0;                   // 0: one per core, at most 4
    long long probe_bytes = 1 << 20;   // adaptive: always deflate the first bytes, to measure
  };

  // Opens path; throws carto::Error(EIO) when it cannot.
  GzipStream(const std::string &path, Policy policy, Tuning tuning);
  GzipStream(const std::string &path, Policy policy) : GzipStream(path, policy, Tuning()) {}
  ~GzipStream();
  GzipStream(const GzipStream &) = delete;
  GzipStream &operator=(const GzipStream &) = delete;

  // Copies up to n bytes of the gzip stream into buf; 0 at its end. Throws carto::Error(EIO).
  size_t read(char *buf, size_t n);
  // Starts again from the first byte (libcurl rewinding the body).
  void rewind();

  long long input_total() const { return input_total_; }  // the file's size when opened
  // Bytes of the file whose compressed form has been handed out, and bytes handed out.
  long long input_done() const { return input_done_.load(); }
  long long output_done() const { return output_done_.load(); }
  long long blocks_deflated() const { return deflated_.load(); }
  long long blocks_stored() const { return stored_.load(); }

 private:
  struct Block;
  void worker();
  void fill();          // reads and queues blocks until the pipeline is full or the file ends
  void drain_workers();  // waits until no block is being compressed
  bool deflate_next() const;
  void stop_all() noexcept;

  int fd_ = -1;
  std::string path_;
  int cores_ = 1;  // threads that can run at once
  Policy policy_;
  Tuning tuning_;
  size_t depth_;  // blocks in flight at most
  long long input_total_ = 0;

  // Consumer state (the thread calling read/rewind).
  long long offset_ = 0;  // next file offset to read
  bool eof_ = false;
  std::vector<unsigned char> tail_;  // the last 32 KiB read: the next block's dictionary
  std::deque<std::shared_ptr<Block>> queue_;  // in file order
  std::vector<std::shared_ptr<Block>> spare_;  // consumed blocks, reused
  std::string pending_;  // header or trailer bytes not yet handed out
  size_t pending_pos_ = 0;
  size_t head_pos_ = 0;  // bytes of queue_.front()'s output handed out
  bool header_sent_ = false, trailer_queued_ = false;
  uint32_t crc_ = 0;
  uint64_t length_ = 0;
  std::atomic<long long> input_done_{0}, output_done_{0}, deflated_{0}, stored_{0};

  // Rates for the adaptive policy: wire bytes per second of the link (measured over windows in
  // which libcurl hardly waited for us), input bytes per second of the compressor.
  std::chrono::steady_clock::time_point last_return_{};
  double link_rate_ = 0, window_bytes_ = 0, window_busy_s_ = 0, window_wait_s_ = 0;
  std::atomic<double> deflate_rate_{0};  // per thread
  double ratio_ = 0;                     // input / output of deflated blocks

  // Work shared with the threads.
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::shared_ptr<Block>> todo_;
  int busy_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace carto
