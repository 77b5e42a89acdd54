// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The connection model (docs/server.md, "Connections and uploads"). httplib gives every
// connection one pool thread for its whole life and bounds only each single read, so a client
// sending a header line every few seconds keeps its thread forever and a handful of them starve
// everybody. Here every open connection gets its own thread (up to --max-connections; more wait
// for one), and a slow client loses its connection: its request line and headers must arrive
// within --header-timeout, its body at --min-body-rate bytes/s or faster, no single read waits
// longer than --read-timeout. A Content-Length that is not a number, or over --max-upload-bytes,
// is answered before any of the body is read, and the connection closed. Over https the same:
// the TLS handshake, on a non-blocking socket, counts in the head's deadline.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <openssl/ssl.h>

namespace cis {

struct ConnLimits {
  int threads = 16;                 // started up front
  int max_connections = 256;        // served at once, one thread each
  int header_timeout_s = 10;        // request line + headers, whole
  int read_timeout_s = 10;          // any single read
  int write_timeout_s = 30;
  int keep_alive_s = 5;             // idle between two requests
  std::int64_t min_body_rate = 1024;  // bytes/s over each 10 s of a body
  std::int64_t max_body_bytes = 0;  // larger Content-Length: 413 at once
};

// Threads started on demand, up to a maximum; tasks beyond it wait in FIFO order.
class ConnectionPool : public httplib::TaskQueue {
 public:
  ConnectionPool(std::size_t start, std::size_t max);
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;  // runs what is queued, then joins

 private:
  void spawn_locked();
  void loop();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  std::size_t max_, idle_ = 0;
  bool stop_ = false;
};

class HttpServer : public httplib::Server {
 public:
  // `reject` writes the answer to a request refused on its head alone (status 400 or 413).
  using RejectWriter = std::function<void(httplib::Response &, int status, const std::string &msg)>;
  HttpServer(const ConnLimits &limits, RejectWriter reject);
  ~HttpServer() override;

  // Serves https with this PEM certificate (chain) and key (TLS 1.2 or later); throws
  // std::runtime_error when they cannot be used.
  void use_tls(const std::string &cert_file, const std::string &key_file);

  // After binding: a listen backlog of SOMAXCONN instead of httplib's 5, whose overflow under a
  // burst of connections made the kernel drop and reset some of them.
  void widen_backlog();

  // From a pre-routing handler: answers a request whose head was refused (true when it did).
  static bool answer_rejected(httplib::Response &res);
  // From a handler: the connection closes after this response, and what is left of the request
  // body is never read.
  static void close_after(httplib::Response &res);

 private:
  bool process_and_close_socket(socket_t sock) override;
  ConnLimits lim_;
  RejectWriter reject_;
  SSL_CTX *tls_ = nullptr;
};

}  // namespace cis
