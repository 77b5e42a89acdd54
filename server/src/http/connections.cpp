// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "http/connections.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/text.hpp"

namespace cis {

// ---- ConnectionPool ----
ConnectionPool::ConnectionPool(std::size_t start, std::size_t max) : max_(std::max<std::size_t>(1, max)) {
  std::lock_guard<std::mutex> lk(mu_);
  while (threads_.size() < std::min(start, max_)) spawn_locked();
}

void ConnectionPool::spawn_locked() {
  idle_++;
  threads_.emplace_back([this] { loop(); });
}

void ConnectionPool::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lk(mu_);
  tasks_.push_back(std::move(fn));
  if (tasks_.size() > idle_ && threads_.size() < max_) spawn_locked();
  cv_.notify_one();
}

void ConnectionPool::shutdown() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto &t : threads_) t.join();
  threads_.clear();
}

void ConnectionPool::loop() {
  std::unique_lock<std::mutex> lk(mu_);
  for (;;) {
    cv_.wait(lk, [&] { return stop_ || !tasks_.empty(); });
    if (tasks_.empty()) return;  // stopping, nothing left
    auto fn = std::move(tasks_.front());
    tasks_.pop_front();
    idle_--;
    lk.unlock();
    fn();
    lk.lock();
    idle_++;
  }
}

// ---- one connection ----
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kRateWindow = std::chrono::seconds(10);
constexpr auto kSlice = std::chrono::milliseconds(100);  // how often a wait looks for stop()
// Lingering close (RFC 9112 §9.6), see Conn::close().
constexpr auto kLinger = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 1 << 20;

void address_of(int fd, bool peer, std::string &ip, int &port) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  auto *sa = reinterpret_cast<sockaddr *>(&a);
  if ((peer ? getpeername(fd, sa, &len) : getsockname(fd, sa, &len)) != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

class Conn : public httplib::Stream {
 public:
  // The first request's head deadline starts with the connection (over https, the handshake too).
  Conn(int fd, const ConnLimits &lim, const std::atomic<socket_t> &listener)
      : fd_(fd), lim_(lim), listener_(listener),
        head_deadline_(Clock::now() + std::chrono::seconds(lim.header_timeout_s)) {}
  ~Conn() override { SSL_free(ssl_); }

  // https: the TLS handshake, within the first request's head deadline (the socket becomes
  // non-blocking, so that no read or write of OpenSSL's can outwait a deadline).
  bool accept_tls(SSL_CTX *ctx) {
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags < 0 || ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK) < 0) return false;
    ssl_ = SSL_new(ctx);
    if (!ssl_ || SSL_set_fd(ssl_, fd_) != 1) return false;
    for (;;) {
      ERR_clear_error();
      const int r = SSL_accept(ssl_);
      if (r == 1) return true;
      if (!wait_tls(r, head_deadline_)) return false;
    }
  }

  // Waits for the next request; from then its request line and headers have --header-timeout
  // (the first one's began with the connection).
  bool await_request(bool first) {
    in_body_ = false;
    if (first) return buffered() || wait(POLLIN, head_deadline_);
    if (!buffered() && !wait(POLLIN, Clock::now() + std::chrono::seconds(lim_.keep_alive_s))) return false;
    head_deadline_ = Clock::now() + std::chrono::seconds(lim_.header_timeout_s);
    return true;
  }

  void begin_body() {
    in_body_ = true;
    window_end_ = Clock::now() + kRateWindow;
    window_bytes_ = 0;
  }

  bool is_readable() const override {
    return buffered() || wait(POLLIN, Clock::now() + std::chrono::seconds(lim_.read_timeout_s));
  }
  bool is_writable() const override {
    return wait(POLLOUT, Clock::now() + std::chrono::seconds(lim_.write_timeout_s));
  }

  ssize_t read(char *ptr, size_t size) override {
    if (pos_ == len_ && !fill()) return -1;
    std::size_t n = std::min(size, len_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char *ptr, size_t size) override {
    if (ssl_) {
      if (size == 0) return 0;
      const auto until = Clock::now() + std::chrono::seconds(lim_.write_timeout_s);
      const int len = static_cast<int>(std::min<size_t>(size, INT_MAX));
      for (;;) {
        ERR_clear_error();
        const int n = SSL_write(ssl_, ptr, len);
        if (n > 0) return n;
        if (!wait_tls(n, until)) return -1;
      }
    }
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string &ip, int &port) const override { address_of(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string &ip, int &port) const override { address_of(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

  // Bytes left unread at close() would make the kernel reset the connection, and the client
  // could lose our answer: they are read and dropped first, waiting for more for a moment
  // (kLinger) when the request was refused before its body.
  void close() {
    if (ssl_ && !broken_) {
      ERR_clear_error();
      SSL_shutdown(ssl_);  // our close_notify, not waiting for the peer's
    }
    ::shutdown(fd_, SHUT_WR);
    auto until = close_after ? Clock::now() + kLinger : Clock::now();
    std::size_t dropped = 0;
    while (dropped < kLingerBytes && wait(POLLIN, until)) {
      ssize_t n = ::recv(fd_, buf_, sizeof buf_, 0);
      if (n <= 0) break;
      dropped += static_cast<std::size_t>(n);
    }
    ::close(fd_);
  }

  bool read_failed = false;  // a deadline missed, a body too slow, an error: no next request
  int reject_status = 0;     // the request's head was refused: 400 or 413
  std::string reject_message;
  bool close_after = false;
  const HttpServer::RejectWriter *reject_writer = nullptr;

 private:
  // Polls in slices until `until`, giving up early when the server stops.
  bool wait(short events, Clock::time_point until) const {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      int ms = static_cast<int>(std::clamp<long long>(left.count(), 0, kSlice.count()));
      pollfd p{fd_, events, 0};
      int r = ::poll(&p, 1, ms);
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
      if (Clock::now() >= until || listener_ == INVALID_SOCKET) return false;
    }
  }

  // Bytes to read without waiting: in the buffer, or decrypted in OpenSSL's.
  bool buffered() const { return pos_ < len_ || (ssl_ && SSL_pending(ssl_) > 0); }

  // After an SSL_* call returned r <= 0: waits until the socket is ready for what OpenSSL wants
  // next, within `until`; false on an error or the deadline.
  bool wait_tls(int r, Clock::time_point until) {
    const int err = SSL_get_error(ssl_, r);
    if (err == SSL_ERROR_WANT_READ) return wait(POLLIN, until);
    if (err == SSL_ERROR_WANT_WRITE) return wait(POLLOUT, until);
    broken_ = err == SSL_ERROR_SYSCALL || err == SSL_ERROR_SSL;  // no close_notify then
    return false;
  }

  // One read into the buffer once the socket is readable (or OpenSSL has bytes), by `until`;
  // -1 on an error or the deadline, 0 at the end of the stream.
  ssize_t receive(Clock::time_point until) {
    if (ssl_) {
      for (;;) {
        ERR_clear_error();
        const int n = SSL_read(ssl_, buf_, sizeof buf_);
        if (n > 0) return n;
        if (SSL_get_error(ssl_, n) == SSL_ERROR_ZERO_RETURN) return 0;
        if (!wait_tls(n, until)) return -1;
      }
    }
    if (!wait(POLLIN, until)) return -1;
    ssize_t n;
    do {
      n = ::recv(fd_, buf_, sizeof buf_, 0);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  // Refills the buffer; false (and read_failed) on a deadline missed, a body too slow, or an
  // error. len_ 0 = EOF.
  bool fill() {
    read_failed = !refill();
    return !read_failed;
  }

  bool refill() {
    pos_ = len_ = 0;
    auto until = Clock::now() + std::chrono::seconds(lim_.read_timeout_s);
    if (!in_body_) until = std::min(until, head_deadline_);
    const ssize_t n = receive(until);
    if (n < 0) return false;
    len_ = static_cast<std::size_t>(n);
    if (in_body_) {
      window_bytes_ += len_;
      auto now = Clock::now();
      if (now >= window_end_) {
        if (window_bytes_ < lim_.min_body_rate * kRateWindow.count()) return false;
        window_end_ = now + kRateWindow;
        window_bytes_ = 0;
      }
    }
    return true;
  }

  int fd_;
  SSL *ssl_ = nullptr;   // https
  bool broken_ = false;  // the TLS session failed: no SSL_shutdown
  const ConnLimits &lim_;
  const std::atomic<socket_t> &listener_;
  char buf_[16384];
  std::size_t pos_ = 0, len_ = 0;
  bool in_body_ = false;
  Clock::time_point head_deadline_, window_end_;
  std::int64_t window_bytes_ = 0;
};

thread_local Conn *t_conn = nullptr;

bool all_digits(const std::string &s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Checks the head's Content-Length before any of the body is read.
void check_length(const httplib::Request &req, std::int64_t max, Conn &conn) {
  std::size_t count = req.get_header_value_count("Content-Length");
  if (count == 0) return;
  std::string value = trim(req.get_header_value("Content-Length"));
  for (std::size_t i = 1; i < count; i++) {
    if (trim(req.get_header_value("Content-Length", i)) != value) value.clear();
  }
  if (!all_digits(value) || req.has_header("Transfer-Encoding")) {
    conn.reject_status = 400;
    conn.reject_message = "Invalid Content-Length";
  } else if (value.size() > 18 || std::stoll(value) > max) {
    conn.reject_status = 413;
    conn.reject_message = "Request body too large: the limit is " + std::to_string(max) + " bytes";
  }
}

}  // namespace

// ---- HttpServer ----
HttpServer::HttpServer(const ConnLimits &limits, RejectWriter reject) : lim_(limits), reject_(std::move(reject)) {
  new_task_queue = [this] {
    return new ConnectionPool(static_cast<std::size_t>(lim_.threads), static_cast<std::size_t>(lim_.max_connections));
  };
  set_keep_alive_timeout(lim_.keep_alive_s);  // also what the Keep-Alive header announces
  set_payload_max_length(static_cast<std::size_t>(lim_.max_body_bytes));
  set_expect_100_continue_handler([](const httplib::Request &, httplib::Response &res) {
    if (!t_conn || !t_conn->reject_status) return 100;
    answer_rejected(res);
    return res.status;
  });
}

HttpServer::~HttpServer() { SSL_CTX_free(tls_); }

void HttpServer::use_tls(const std::string &cert_file, const std::string &key_file) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  const bool ok = ctx && SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 &&
                  SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) == 1 &&
                  SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) == 1 &&
                  SSL_CTX_check_private_key(ctx) == 1;
  ERR_clear_error();
  if (!ok) {
    SSL_CTX_free(ctx);
    throw std::runtime_error("cannot use the TLS certificate " + cert_file + " with the key " + key_file +
                             " (unreadable, not PEM, or not a pair)");
  }
  SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_free(tls_);
  tls_ = ctx;
}

void HttpServer::widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

bool HttpServer::answer_rejected(httplib::Response &res) {
  if (!t_conn || !t_conn->reject_status) return false;
  (*t_conn->reject_writer)(res, t_conn->reject_status, t_conn->reject_message);
  close_after(res);
  return true;
}

void HttpServer::close_after(httplib::Response &res) {
  res.set_header("Connection", "close");
  if (t_conn) t_conn->close_after = true;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  Conn conn(sock, lim_, svr_sock_);
  conn.reject_writer = &reject_;
  if (tls_ && !conn.accept_tls(tls_)) {
    conn.close();
    return false;
  }
  t_conn = &conn;
  bool ret = false;
  const std::size_t max_requests = keep_alive_max_count_;
  for (std::size_t left = max_requests; left > 0 && svr_sock_ != INVALID_SOCKET; left--) {
    if (!conn.await_request(left == max_requests)) break;
    conn.reject_status = 0;
    bool closed = false;
    ret = process_request(conn, left == 1, closed, [&](httplib::Request &req) {
      conn.begin_body();
      check_length(req, lim_.max_body_bytes, conn);
    });
    if (!ret || closed || conn.close_after || conn.read_failed) break;
  }
  t_conn = nullptr;
  conn.close();
  return ret;
}

}  // namespace cis
