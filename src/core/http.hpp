// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The HTTP transport: libcurl with a pool of reused connections per client, one retry policy,
// deadlines, streaming uploads, and the decoding of every error into carto::Error.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "core/response.hpp"
#include "core/url.hpp"

namespace carto {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

// Milliseconds left before a deadline (LONG_MAX when there is none, 0 when past).
long remaining_ms(const Deadline &deadline);

// The earlier of a deadline and `ms` from now (ms <= 0: no limit).
Deadline earlier(const Deadline &deadline, long ms);

class GzipStream;  // core/gzip_stream.hpp

// A file streamed from disk as the multipart/form-data part `field`.
struct Upload {
  std::string path;      // read as it is sent; never loaded whole
  std::string filename;  // sent as the part's filename (the basename of path)
  std::string field = "file";
  // When set, the file is sent through it (gzip, as application/gzip), and progress reports
  // bytes of the file it has consumed rather than bytes sent.
  std::shared_ptr<GzipStream> gzip;
  std::shared_ptr<std::atomic<long long>> wire_sent;  // when set: body bytes sent so far
  long long file_size = -1;  // when known, progress of a plain upload is scaled to the file
};

// Called during a transfer with bytes sent so far and the total; non-zero cancels.
using ProgressFn = std::function<int(long long sent, long long total)>;

struct HttpRequest {
  std::string method = "GET";  // GET, POST, PUT or DELETE
  std::string path;            // relative to the base URL, e.g. "api/v1/imports"
  QueryParams query;
  bool has_json_body = false;
  std::string json_body;
  std::optional<Upload> upload;
  ProgressFn progress;
  // Appended to the error when the server may have acted on this request although its reply
  // was lost (a POST cut after it was sent, or a gateway error).
  std::string lost_reply_hint;

  // "GET api/v1/imports": names the request in messages (no query string, so no key).
  std::string describe() const { return method + " " + path; }
};

class Transport {
 public:
  explicit Transport(const Options &opts);  // opts must outlive the transport
  ~Transport();
  Transport(const Transport &) = delete;
  Transport &operator=(const Transport &) = delete;

  // Sends the request, retrying as the policy allows, and returns a 2xx reply.
  // Throws carto::Error for everything else; never waits past the deadline, nor, for a request
  // without a file, past the options' call timeout. A DELETE whose first attempt may have
  // reached the server and whose retry finds nothing (404) returns an empty 204: the object is
  // gone, which is what was asked.
  HttpReply send(const HttpRequest &req, const Deadline &deadline = std::nullopt);

 private:
  // What one attempt moved, for the debug line.
  struct Traffic {
    long long sent = 0, received = 0;
    bool any_sent = false;
  };
  HttpReply attempt_once(const HttpRequest &req, const Deadline &deadline, Traffic *traffic);
  // Hands the debug callback, if any, the redacted line of one attempt.
  void debug_line(const HttpRequest &req, int attempt, const std::string &outcome,
                  const Traffic &traffic, Clock::time_point started) const;
  void *acquire();
  void release(void *easy);

  const Options &opts_;
  std::string user_agent_;
  std::mutex pool_mu_;
  std::vector<void *> pool_;
};

}  // namespace carto
