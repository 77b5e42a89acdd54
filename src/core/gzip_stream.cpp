// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/gzip_stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/text.hpp"

namespace carto {

namespace {

constexpr size_t kDictBytes = 32 << 10;  // deflate's window
constexpr double kLinkWindowBytes = 256 << 10;

using Clock = std::chrono::steady_clock;

std::string extension_of(const std::string &name) {
  const size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || name.find('/', dot) != std::string::npos) return "";
  return lower(name.substr(dot + 1));
}

bool in(const std::string &ext, std::initializer_list<const char *> list) {
  return std::any_of(list.begin(), list.end(), [&](const char *e) { return ext == e; });
}

void put_le32(std::string &s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}

struct Deflater {
  z_stream z{};
  bool ready = false;
  ~Deflater() {
    if (ready) deflateEnd(&z);
  }
  z_stream &get(int level) {
    if (!ready) {
      if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::bad_alloc();
      ready = true;
    } else {
      deflateReset(&z);
    }
    return z;
  }
};

}  // namespace

bool gains_from_gzip(const std::string &filename) noexcept {
  return in(extension_of(filename),
            {"csv", "tsv", "txt", "geojson", "json", "js", "kml", "gpx", "osm", "sql"});
}

bool gzip_would_hide(const std::string &filename) noexcept {
  return in(extension_of(filename),
            {"zip", "gz", "tgz", "bz2", "kmz", "rar", "tar", "carto", "xz", "7z", "zst"});
}

struct GzipStream::Block {
  std::vector<unsigned char> in, dict, out;
  size_t n = 0;
  bool deflate = true;
  uint32_t crc = 0;
  bool done = false, failed = false;
};

GzipStream::GzipStream(const std::string &path, Policy policy, Tuning tuning)
    : policy_(policy), tuning_(tuning) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st{};
  if (fd_ < 0 || fstat(fd_, &st) != 0) {
    const int err = errno;
    if (fd_ >= 0) ::close(fd_);
    throw Error(CARTO_IMPORT_EIO, "cannot open '" + path + "': " + std::strerror(err) +
                                      "; check that the file exists and is readable");
  }
  path_ = path;
  input_total_ = static_cast<long long>(st.st_size);
  if (tuning_.block_bytes == 0) tuning_.block_bytes = 256 << 10;
  int threads = tuning_.threads;
  if (threads <= 0) threads = static_cast<int>(std::min(4u, std::thread::hardware_concurrency()));
  if (threads <= 0) threads = 1;
  cores_ = std::min<int>(threads, std::max(1u, std::thread::hardware_concurrency()));
  depth_ = 2 * static_cast<size_t>(threads) + 2;
  try {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { worker(); });
  } catch (...) {
    stop_all();
    throw;
  }
}

GzipStream::~GzipStream() { stop_all(); }

void GzipStream::stop_all() noexcept {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    work_cv_.notify_all();  // (under the lock: helgrind's rule, and no lost wake-up)
  }
  for (auto &t : threads_) t.join();
  threads_.clear();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void GzipStream::worker() {
  Deflater fast, stored;  // level 1, and level 0 (stored blocks: a CRC and a copy)
  for (;;) {
    std::shared_ptr<Block> b;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [this] { return stop_ || !todo_.empty(); });
      if (stop_) return;
      b = todo_.front();
      todo_.pop_front();
      ++busy_;
    }
    const auto t0 = Clock::now();
    try {
      z_stream &z = b->deflate ? fast.get(Z_BEST_SPEED) : stored.get(0);
      if (b->deflate && !b->dict.empty() &&
          deflateSetDictionary(&z, b->dict.data(), static_cast<uInt>(b->dict.size())) != Z_OK)
        throw std::bad_alloc();
      b->out.resize(deflateBound(&z, static_cast<uLong>(b->n)) + 64);
      z.next_in = b->in.data();
      z.avail_in = static_cast<uInt>(b->n);
      size_t produced = 0;
      for (;;) {
        z.next_out = b->out.data() + produced;
        z.avail_out = static_cast<uInt>(b->out.size() - produced);
        const int rc = deflate(&z, Z_SYNC_FLUSH);
        produced = b->out.size() - z.avail_out;
        if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::bad_alloc();
        if (z.avail_in == 0 && z.avail_out > 0) break;
        b->out.resize(b->out.size() * 2);
      }
      b->out.resize(produced);
      b->crc = static_cast<uint32_t>(crc32(0L, b->in.data(), static_cast<uInt>(b->n)));
    } catch (...) {
      b->failed = true;
    }
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (b->deflate && !b->failed && secs > 0) {
        const double rate = static_cast<double>(b->n) / secs;
        deflate_rate_ = deflate_rate_ == 0 ? rate : 0.8 * deflate_rate_ + 0.2 * rate;
      }
      b->done = true;
      --busy_;
      done_cv_.notify_all();
    }
  }
}

// The adaptive rule. Sending a block stored moves its bytes at the link's rate L (input bytes
// = wire bytes); deflating it moves them at min(C, ratio * L), C being what the threads
// compress per second. So deflating pays exactly when C > L, whatever the ratio (> 1).
// L is wire bytes per second of libcurl's time outside our callback (sending), measured only
// over windows in which it hardly waited for us: there the link is the bottleneck. Until such
// a window is seen the link has outrun us, so blocks are stored: never slower than not
// compressing. C is measured on the first probe_bytes, always deflated, and on every deflated
// block after.
bool GzipStream::deflate_next() const {
  if (policy_ == Policy::always) return true;
  if (offset_ < tuning_.probe_bytes) return true;
  if (ratio_ > 0 && ratio_ < 1.1) return false;  // incompressible data
  if (link_rate_ <= 0) return false;             // the link outran us so far
  const double c = deflate_rate_ * cores_;
  return c > 1.1 * link_rate_;
}

void GzipStream::fill() {
  while (!eof_ && queue_.size() < depth_) {
    std::shared_ptr<Block> b;
    if (!spare_.empty()) {
      b = std::move(spare_.back());
      spare_.pop_back();
    } else {
      b = std::make_shared<Block>();
    }
    b->in.resize(tuning_.block_bytes);
    size_t n = 0;
    while (n < b->in.size()) {
      const ssize_t r = ::pread(fd_, b->in.data() + n, b->in.size() - n,
                                static_cast<off_t>(offset_ + static_cast<long long>(n)));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0)
        throw Error(CARTO_IMPORT_EIO, "cannot read '" + path_ + "': " + std::strerror(errno));
      if (r == 0) break;
      n += static_cast<size_t>(r);
    }
    if (n == 0) {
      eof_ = true;
      spare_.push_back(std::move(b));
      break;
    }
    b->n = n;
    b->deflate = deflate_next();
    b->dict.assign(tail_.begin(), tail_.end());
    b->done = b->failed = false;
    tail_.insert(tail_.end(), b->in.begin() + static_cast<std::ptrdiff_t>(n > kDictBytes ? n - kDictBytes : 0),
                 b->in.begin() + static_cast<std::ptrdiff_t>(n));
    if (tail_.size() > kDictBytes)
      tail_.erase(tail_.begin(), tail_.end() - static_cast<std::ptrdiff_t>(kDictBytes));
    offset_ += static_cast<long long>(n);
    {
      std::lock_guard<std::mutex> lock(mu_);
      todo_.push_back(b);
      work_cv_.notify_one();
    }
    queue_.push_back(std::move(b));
  }
}

size_t GzipStream::read(char *buf, size_t n) {
  const auto entered = Clock::now();
  if (last_return_ != Clock::time_point{})
    window_busy_s_ += std::chrono::duration<double>(entered - last_return_).count();
  if (!header_sent_) {
    // A gzip header: deflate, no name, no time, XFL 4 (fastest), OS 3 (Unix).
    pending_.assign("\x1f\x8b\x08\x00\x00\x00\x00\x00\x04\x03", 10);
    pending_pos_ = 0;
    header_sent_ = true;
  }
  size_t got = 0;
  while (got < n) {
    if (pending_pos_ < pending_.size()) {
      const size_t k = std::min(n - got, pending_.size() - pending_pos_);
      std::memcpy(buf + got, pending_.data() + pending_pos_, k);
      pending_pos_ += k;
      got += k;
      continue;
    }
    fill();
    if (queue_.empty()) {
      if (trailer_queued_) break;
      // An empty final block (fixed Huffman, BFINAL set), then CRC-32 and size mod 2^32.
      pending_.assign("\x03\x00", 2);
      put_le32(pending_, crc_);
      put_le32(pending_, static_cast<uint32_t>(length_ & 0xffffffffu));
      pending_pos_ = 0;
      trailer_queued_ = true;
      continue;
    }
    Block &b = *queue_.front();
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (!b.done && got > 0) break;  // hand out what is ready rather than wait
      if (!b.done) {
        const auto t0 = Clock::now();
        done_cv_.wait(lock, [&b] { return b.done; });
        window_wait_s_ += std::chrono::duration<double>(Clock::now() - t0).count();
      }
    }
    if (b.failed) throw std::bad_alloc();
    if (head_pos_ == 0) {
      crc_ = static_cast<uint32_t>(crc32_combine(crc_, b.crc, static_cast<z_off_t>(b.n)));
      length_ += b.n;
      if (b.deflate) {
        const double r = b.out.empty() ? 1.0 : static_cast<double>(b.n) / static_cast<double>(b.out.size());
        ratio_ = ratio_ == 0 ? r : 0.8 * ratio_ + 0.2 * r;
        ++deflated_;
      } else {
        ++stored_;
      }
    }
    const size_t k = std::min(n - got, b.out.size() - head_pos_);
    std::memcpy(buf + got, b.out.data() + head_pos_, k);
    head_pos_ += k;
    got += k;
    if (head_pos_ == b.out.size()) {
      input_done_ += static_cast<long long>(b.n);
      head_pos_ = 0;
      spare_.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
  }
  output_done_ += static_cast<long long>(got);
  window_bytes_ += static_cast<double>(got);
  if (window_bytes_ >= kLinkWindowBytes) {
    if (window_busy_s_ > 0 && window_wait_s_ < 0.1 * (window_busy_s_ + window_wait_s_)) {
      const double rate = window_bytes_ / window_busy_s_;  // the link was the bottleneck
      link_rate_ = link_rate_ == 0 ? rate : 0.5 * link_rate_ + 0.5 * rate;
    }
    window_bytes_ = window_busy_s_ = window_wait_s_ = 0;
  }
  last_return_ = Clock::now();
  return got;
}

void GzipStream::drain_workers() {
  std::unique_lock<std::mutex> lock(mu_);
  todo_.clear();
  done_cv_.wait(lock, [this] { return busy_ == 0; });
}

void GzipStream::rewind() {
  drain_workers();
  for (auto &b : queue_) spare_.push_back(std::move(b));
  queue_.clear();
  offset_ = 0;
  eof_ = false;
  tail_.clear();
  pending_.clear();
  pending_pos_ = head_pos_ = 0;
  header_sent_ = trailer_queued_ = false;
  crc_ = 0;
  length_ = 0;
  input_done_ = output_done_ = 0;
  last_return_ = Clock::time_point{};
  window_bytes_ = window_busy_s_ = window_wait_s_ = 0;
}

}  // namespace carto
