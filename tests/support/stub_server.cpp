// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The scripted loopback HTTP server of stub_server.h, on cpp-httplib.
#include "stub_server.h"

#include <httplib.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

enum class Kind { normal, truncated, close, reset, drip };

struct Reply {
  Kind kind = Kind::normal;
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
  std::string body;
  int delay_ms = 0;
  size_t announced = 0;  // truncated: the Content-Length announced
  int period_ms = 0;     // drip: the time between two bytes
};

struct Record {
  std::string method, path, query, body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::multimap<std::string, std::string> params;
};

std::string lower(std::string s) {
  for (auto &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string &s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// The port of a socket's local (peer = false) or remote end; -1 when not an IPv4/6 socket.
int port_of(int fd, bool peer) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  auto *sa = reinterpret_cast<sockaddr *>(&ss);
  if ((peer ? getpeername(fd, sa, &len) : getsockname(fd, sa, &len)) != 0) return -1;
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
  return -1;
}

// cpp-httplib does not hand its socket to handlers: find the connection's descriptor by its
// two ports (among the open descriptors); -1 when not found.
int find_connection(int local_port, int remote_port) {
  DIR *dir = opendir("/proc/self/fd");
  int found = -1;
  while (dir && found < 0) {
    const dirent *e = readdir(dir);
    if (!e) break;
    const int fd = std::atoi(e->d_name);
    if (e->d_name[0] != '.' && fd != dirfd(dir) && port_of(fd, false) == local_port &&
        port_of(fd, true) == remote_port)
      found = fd;
  }
  if (dir) closedir(dir);
  if (found < 0)
    std::fprintf(stderr, "stub_server: connection %d<-%d not found\n", local_port, remote_port);
  return found;
}

// To hang up before answering, shut the connection down: the client reads EOF before a single
// byte, and httplib's own write then fails and it closes the descriptor.
void hang_up(int local_port, int remote_port) {
  const int fd = find_connection(local_port, remote_port);
  if (fd >= 0) shutdown(fd, SHUT_RDWR);
}

// To reset the connection (the client gets ECONNRESET), close it with a zero linger time, in
// place: dup2 puts an unconnected socket on the descriptor, on which httplib's writes fail.
void reset(int local_port, int remote_port) {
  const int fd = find_connection(local_port, remote_port);
  if (fd < 0) return;
  const linger now{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof now);
  const int spare = socket(AF_INET, SOCK_STREAM, 0);
  if (spare >= 0) {
    dup2(spare, fd);
    close(spare);
  }
}

// True when the client closed its end of the connection (it gave up waiting).
bool peer_gone(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLRDHUP, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

}  // namespace

struct stub_server {
  httplib::Server svr;
  std::thread thread;
  int port = -1;

  std::mutex mu;
  std::condition_variable cv;  // signalled on stop and on every new record
  bool stopping = false;
  std::deque<Reply> queue;
  std::deque<Record> records;  // a deque: references stay valid as it grows
  std::chrono::steady_clock::time_point last_request = std::chrono::steady_clock::now();
  size_t unexpected = 0;
  std::string base_url;

  void handle(const httplib::Request &req, httplib::Response &res, std::string body);
  // Waits up to ms; false when the server stops or the client leaves first.
  bool pause(int fd, int ms);
  const Record *record(size_t i) {
    return i < records.size() ? &records[i] : nullptr;
  }
};

void stub_server::handle(const httplib::Request &req, httplib::Response &res, std::string body) {
  Record rec;
  rec.method = req.method;
  const size_t q = req.target.find('?');
  rec.path = req.target.substr(0, q);
  rec.query = q == std::string::npos ? "" : req.target.substr(q + 1);
  for (const auto &h : req.headers) rec.headers.emplace_back(lower(h.first), h.second);
  for (const auto &p : req.params) rec.params.emplace(p.first, p.second);
  rec.body = std::move(body);

  Reply reply;
  bool have_reply = false;
  {
    std::lock_guard<std::mutex> lock(mu);
    records.push_back(std::move(rec));
    last_request = std::chrono::steady_clock::now();
    if (!queue.empty()) {
      reply = std::move(queue.front());
      queue.pop_front();
      have_reply = true;
    } else {
      ++unexpected;
      std::fprintf(stderr, "stub_server: unexpected request %s %s (no scripted reply)\n",
                   req.method.c_str(), req.target.c_str());
    }
  }
  cv.notify_all();
  if (!have_reply) {
    res.status = 599;
    return;
  }
  const int fd = reply.delay_ms > 0 || reply.kind == Kind::drip
                     ? find_connection(req.local_port, req.remote_port)
                     : -1;
  if (reply.delay_ms > 0 && !pause(fd, reply.delay_ms)) {
    res.status = 500;  // nobody is listening any more
    return;
  }
  if (reply.kind == Kind::close || reply.kind == Kind::reset) {
    (reply.kind == Kind::close ? hang_up : reset)(req.local_port, req.remote_port);
    res.status = 500;
    return;
  }
  if (reply.kind == Kind::drip) {
    res.status = reply.status;
    for (const auto &h : reply.headers) res.set_header(h.first.c_str(), h.second);
    const int period = reply.period_ms;
    res.set_content_provider(
        size_t{1} << 30, reply.content_type.c_str(),
        [this, fd, period](size_t, size_t, httplib::DataSink &sink) {
          return pause(fd, period) && sink.write(" ", 1);
        });
    return;
  }
  res.status = reply.status;
  for (const auto &h : reply.headers) res.set_header(h.first.c_str(), h.second);
  if (reply.kind == Kind::truncated) {
    std::string partial = std::move(reply.body);
    res.set_content_provider(
        reply.announced, reply.content_type.c_str(),
        [partial](size_t, size_t, httplib::DataSink &sink) {
          if (!partial.empty()) sink.write(partial.data(), partial.size());
          return false;  // "provider failed": httplib closes the connection at once
        });
    return;
  }
  if (!reply.body.empty()) res.set_content(reply.body, reply.content_type.c_str());
}

bool stub_server::pause(int fd, int ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  std::unique_lock<std::mutex> lock(mu);
  while (!stopping && std::chrono::steady_clock::now() < until) {
    if (peer_gone(fd)) return false;
    cv.wait_for(lock, std::chrono::milliseconds(20), [this] { return stopping; });
  }
  return !stopping;
}

namespace {

// The raw body of a request; multipart bodies re-assembled from their parts (httplib always
// parses them, see stub_server.h).
std::string read_body(const httplib::Request &req, const httplib::ContentReader &reader) {
  std::string body;
  if (!req.is_multipart_form_data()) {
    reader([&](const char *d, size_t n) {
      body.append(d, n);
      return true;
    });
    return body;
  }
  const std::string ct = req.get_header_value("Content-Type");
  std::string boundary;
  const size_t b = ct.find("boundary=");
  if (b != std::string::npos) boundary = ct.substr(b + 9);
  if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
    boundary = boundary.substr(1, boundary.size() - 2);
  bool open = false;
  reader(
      [&](const httplib::MultipartFormData &part) {
        if (open) body += "\r\n";
        open = true;
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name +
                "\"";
        if (!part.filename.empty()) body += "; filename=\"" + part.filename + "\"";
        body += "\r\n";
        if (!part.content_type.empty()) body += "Content-Type: " + part.content_type + "\r\n";
        body += "\r\n";
        return true;
      },
      [&](const char *d, size_t n) {
        body.append(d, n);
        return true;
      });
  if (open) body += "\r\n--" + boundary + "--\r\n";
  return body;
}

Reply parse_reply(int status, const char *headers, const char *body) {
  Reply r;
  r.status = status;
  r.body = body ? body : "";
  std::string all = headers ? headers : "";
  size_t i = 0;
  while (i < all.size()) {
    size_t j = all.find('\n', i);
    if (j == std::string::npos) j = all.size();
    const std::string line = all.substr(i, j - i);
    i = j + 1;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (lower(name) == "content-type")
      r.content_type = value;
    else
      r.headers.emplace_back(name, value);
  }
  return r;
}

void push(stub_server *s, Reply r) {
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->mu);
  s->queue.push_back(std::move(r));
}

}  // namespace

extern "C" {

stub_server *stub_start(void) { return stub_start_on(0); }

stub_server *stub_start_on(int port) {
  std::signal(SIGPIPE, SIG_IGN);  // a client hanging up must not kill the test
  auto *s = new stub_server();
  // Enough threads for a few concurrent clients; not more: valgrind is slow to stop many.
  s->svr.new_task_queue = [] { return new httplib::ThreadPool(8); };
  s->svr.set_keep_alive_timeout(1);  // idle connections do not hold up stub_stop() for long
  auto plain = [s](const httplib::Request &req, httplib::Response &res) {
    s->handle(req, res, req.body);
  };
  auto with_body = [s](const httplib::Request &req, httplib::Response &res,
                       const httplib::ContentReader &reader) {
    s->handle(req, res, read_body(req, reader));
  };
  s->svr.Get(".*", plain);
  s->svr.Post(".*", with_body);
  s->svr.Put(".*", with_body);
  s->svr.Patch(".*", with_body);
  s->svr.Delete(".*", with_body);
  s->port = port > 0 ? (s->svr.bind_to_port("127.0.0.1", port) ? port : -1)
                     : s->svr.bind_to_any_port("127.0.0.1");
  if (s->port <= 0) {
    std::fprintf(stderr, "stub_server: cannot bind 127.0.0.1\n");
    delete s;
    return nullptr;
  }
  s->thread = std::thread([s] { s->svr.listen_after_bind(); });
  // stop() is a no-op until the server runs: wait for it, so stub_stop() cannot hang.
  for (int i = 0; i < 10000 && !s->svr.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!s->svr.is_running()) {
    std::fprintf(stderr, "stub_server: the server thread did not start\n");
    s->svr.stop();
    s->thread.detach();
    return nullptr;
  }
  return s;
}

void stub_stop(stub_server *s) {
  if (!s) return;
  {
    std::lock_guard<std::mutex> lock(s->mu);
    s->stopping = true;
  }
  s->cv.notify_all();
  s->svr.stop();
  if (s->thread.joinable()) s->thread.join();
  delete s;
}

int stub_stop_checked(stub_server *s) {
  const size_t unexpected = s ? stub_unexpected(s) : 0;
  stub_stop(s);
  if (unexpected) std::fprintf(stderr, "the stub got %zu unexpected request(s)\n", unexpected);
  return unexpected ? -1 : 0;
}

int stub_port(const stub_server *s) { return s ? s->port : -1; }

const char *stub_base_url(stub_server *s, const char *user) {
  std::lock_guard<std::mutex> lock(s->mu);
  s->base_url = "http://127.0.0.1:" + std::to_string(s->port) + "/";
  if (user) s->base_url += "user/" + std::string(user) + "/";
  return s->base_url.c_str();
}

void stub_push(stub_server *s, int status, const char *headers, const char *body) {
  push(s, parse_reply(status, headers, body));
}

void stub_push_delay(stub_server *s, int status, const char *headers, const char *body,
                     int delay_ms) {
  Reply r = parse_reply(status, headers, body);
  r.delay_ms = delay_ms;
  push(s, std::move(r));
}

void stub_push_truncated(stub_server *s, int status, const char *headers, const char *body,
                         size_t announced_length) {
  Reply r = parse_reply(status, headers, body);
  r.kind = Kind::truncated;
  r.announced = std::max(announced_length, r.body.size() + 1);
  push(s, std::move(r));
}

void stub_push_close(stub_server *s) {
  Reply r;
  r.kind = Kind::close;
  push(s, std::move(r));
}

void stub_push_reset(stub_server *s) {
  Reply r;
  r.kind = Kind::reset;
  push(s, std::move(r));
}

void stub_push_drip(stub_server *s, int status, const char *headers, int period_ms) {
  Reply r = parse_reply(status, headers, nullptr);
  r.kind = Kind::drip;
  r.period_ms = period_ms > 0 ? period_ms : 500;
  push(s, std::move(r));
}

void stub_clear(stub_server *s) {
  std::lock_guard<std::mutex> lock(s->mu);
  s->queue.clear();
  s->unexpected = 0;
}

void stub_wait_quiet(stub_server *s, int quiet_ms) {
  std::unique_lock<std::mutex> lock(s->mu);
  for (;;) {
    const auto quiet_until = s->last_request + std::chrono::milliseconds(quiet_ms);
    if (s->stopping || std::chrono::steady_clock::now() >= quiet_until) return;
    s->cv.wait_until(lock, quiet_until);
  }
}

size_t stub_pending(stub_server *s) {
  std::lock_guard<std::mutex> lock(s->mu);
  return s->queue.size();
}

size_t stub_unexpected(stub_server *s) {
  std::lock_guard<std::mutex> lock(s->mu);
  return s->unexpected;
}

size_t stub_request_count(stub_server *s) {
  std::lock_guard<std::mutex> lock(s->mu);
  return s->records.size();
}

size_t stub_wait_requests(stub_server *s, size_t n, int timeout_ms) {
  std::unique_lock<std::mutex> lock(s->mu);
  s->cv.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                 [s, n] { return s->records.size() >= n || s->stopping; });
  return s->records.size();
}

const char *stub_request_method(stub_server *s, size_t i) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  return r ? r->method.c_str() : nullptr;
}

const char *stub_request_path(stub_server *s, size_t i) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  return r ? r->path.c_str() : nullptr;
}

const char *stub_request_query(stub_server *s, size_t i) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  return r ? r->query.c_str() : nullptr;
}

const char *stub_request_param(stub_server *s, size_t i, const char *name) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  if (!r || !name) return nullptr;
  auto it = r->params.find(name);
  return it == r->params.end() ? nullptr : it->second.c_str();
}

const char *stub_request_header(stub_server *s, size_t i, const char *name) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  if (!r || !name) return nullptr;
  const std::string want = lower(name);
  for (const auto &h : r->headers)
    if (h.first == want) return h.second.c_str();
  return nullptr;
}

const char *stub_request_body(stub_server *s, size_t i) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  return r ? r->body.c_str() : nullptr;
}

size_t stub_request_body_length(stub_server *s, size_t i) {
  std::lock_guard<std::mutex> lock(s->mu);
  const Record *r = s->record(i);
  return r ? r->body.size() : 0;
}

}  // extern "C"
