// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "http/test_hooks.hpp"

#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "common/url.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"

namespace cis {

namespace {
constexpr std::size_t kMaxLog = 2000;
thread_local bool t_truncate = false;

// Where a request a fault answered goes when its body is still unread (see answered()), and the
// path it had.
constexpr const char *kDrainPath = "/_test/drain";
thread_local std::string t_faulted_path;

// Whether httplib reads a body for this request (POST, PUT, PATCH, DELETE) and it has one.
bool carries_body(const httplib::Request &req) {
  if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH" && req.method != "DELETE")
    return false;
  if (lower(req.get_header_value("Transfer-Encoding")).find("chunked") != std::string::npos) return true;
  return req.get_header_value<std::uint64_t>("Content-Length") > 0;
}

// A fault has put the whole response in `res`: true when the request is done. One with a body
// goes on (false) to the drain route instead, which reads that body off the kept-alive
// connection (left there, it would be parsed as the next request) and keeps `res` as it is. The
// pre-routing handler can only reroute through the request's path: httplib's Request is ours to
// change there (a non-const object it passes as const).
bool answered(const httplib::Request &req) {
  if (!carries_body(req)) return true;
  t_faulted_path = req.path;
  const_cast<httplib::Request &>(req).path = kDrainPath;
  return false;
}

int sock_port(const sockaddr_storage &ss) {
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in &>(ss).sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6 &>(ss).sin6_port);
  return -1;
}

// Finds the connection's socket (by its local and remote ports) and shuts it down, so that the
// client sees the connection closed without any response.
bool drop_connection(const httplib::Request &req) {
  DIR *d = opendir("/proc/self/fd");
  if (!d) return false;
  bool done = false;
  while (dirent *e = readdir(d)) {
    char *end = nullptr;
    long fd = std::strtol(e->d_name, &end, 10);
    if (!end || *end || fd < 0) continue;
    sockaddr_storage local{}, peer{};
    socklen_t ll = sizeof local, pl = sizeof peer;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr *>(&local), &ll) != 0) continue;
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr *>(&peer), &pl) != 0) continue;
    if (sock_port(local) == req.local_port && sock_port(peer) == req.remote_port) {
      shutdown(static_cast<int>(fd), SHUT_RDWR);
      done = true;
      break;
    }
  }
  closedir(d);
  return done;
}

// Names whose values are keys or passwords, in any case and spelling (api_key, X-Api-Key,
// apikey, Authorization: Basic ..., password, access_token...).
bool secret_name(const std::string &name) {
  std::string l;
  for (char c : lower(name)) {
    if (c != '-' && c != '_') l += c;
  }
  for (const char *word : {"apikey", "auth", "password", "token", "secret", "cookie"}) {
    if (l.find(word) != std::string::npos) return true;
  }
  return l == "key";
}

void redact_json(cJSON *v) {
  for (cJSON *it = v->child; it; it = it->next) {
    if (it->string && secret_name(it->string)) {
      std::string key = it->string;
      cJSON *r = cJSON_CreateString("REDACTED");
      cJSON_ReplaceItemInObjectCaseSensitive(v, key.c_str(), r);
      it = r;
    } else {
      redact_json(it);
    }
  }
}

// A parameter's value: REDACTED under a secret name; else without URL credentials
// (scheme://user:pass@host) or the secret members of JSON text (a connector).
std::string redact_value(const std::string &name, const std::string &value) {
  if (secret_name(name)) return "REDACTED";
  std::string out = redact_url_credentials(value);
  if (!out.empty() && (out[0] == '{' || out[0] == '[')) {
    Json j = json_parse(out);
    if (j) {
      redact_json(j.get());
      out = json_dump(j.get());
    }
  }
  return out;
}

std::string redact_target(const std::string &target) {
  auto q = target.find('?');
  if (q == std::string::npos) return "";
  std::string out;
  for (const auto &part : split(target.substr(q + 1), '&')) {
    if (!out.empty()) out += '&';
    auto eq = part.find('=');
    if (eq == std::string::npos) {
      out += part;
      continue;
    }
    std::string key = url_decode(part.substr(0, eq)), value = url_decode(part.substr(eq + 1));
    std::string redacted = redact_value(key, value);
    out += part.substr(0, eq) + "=" + (redacted == value ? part.substr(eq + 1) : url_encode(redacted));
  }
  return out;
}

}  // namespace

void TestHooks::record(const httplib::Request &req) {
  Json e = json_object();
  cJSON *o = e.get();
  jset(o, "time", now_iso());
  jset(o, "method", req.method);
  jset(o, "path", req.path);
  jset(o, "query", redact_target(req.target));
  Json params = json_object();
  for (const auto &kv : query_of(req)) {
    cJSON_DeleteItemFromObjectCaseSensitive(params.get(), kv.first.c_str());
    jset(params.get(), kv.first.c_str(), redact_value(kv.first, kv.second));
  }
  jset(o, "params", std::move(params));
  Json headers = json_object();
  for (const auto &kv : req.headers) {
    if (kv.first == "REMOTE_ADDR" || kv.first == "REMOTE_PORT" || kv.first == "LOCAL_ADDR" ||
        kv.first == "LOCAL_PORT")
      continue;
    jset(headers.get(), kv.first.c_str(), secret_name(kv.first) ? std::string("REDACTED") : kv.second);
  }
  jset(o, "headers", std::move(headers));
  std::lock_guard<std::mutex> lk(mu_);
  jset_int(o, "seq", ++seq_);
  log_.push_back(json_dump(o));
  if (log_.size() > kMaxLog) log_.pop_front();
}

bool TestHooks::before(const httplib::Request &req, httplib::Response &res) {
  t_truncate = false;
  if (is_hook_path(req.path)) return false;
  record(req);
  Rule fire;
  bool firing = false;
  {
    std::lock_guard<std::mutex> lk(mu_);
    for (auto &r : rules_) {
      if (!r.method.empty() && r.method != "*" && !iequals(r.method, req.method)) continue;
      if (!std::regex_search(req.path, r.path)) continue;
      r.seen++;
      std::int64_t first = r.nth > 0 ? r.nth : 1;
      bool in_window = r.seen >= first && (r.count < 0 || r.seen < first + r.count);
      if (r.nth > 0 && r.count < 0) in_window = r.seen == r.nth;  // "nth" alone: exactly once
      if (!in_window || firing) continue;
      r.fired++;
      fire = r;
      firing = true;
    }
  }
  if (!firing) return false;
  if (fire.action == "delay") {
    std::this_thread::sleep_for(std::chrono::milliseconds(fire.delay_ms));
    return false;
  }
  if (fire.action == "truncate") {
    t_truncate = true;
    return false;
  }
  if (fire.action == "drop") {
    drop_connection(req);
    send_empty(res, 500);
    return true;
  }
  if (fire.action == "malformed") {
    res.status = fire.status >= 200 && fire.status != 503 ? fire.status : 200;
    res.set_content("{\"item_queue_id\": \"broken\", \"success\": tru<<malformed", "application/json; charset=utf-8");
    return answered(req);
  }
  if (fire.action == "ratelimit") {
    res.set_header("Retry-After", std::to_string(fire.retry_after));
    res.set_header("Carto-Rate-Limit-Limit", std::to_string(fire.rl_limit));
    res.set_header("Carto-Rate-Limit-Remaining", "0");
    res.set_header("Carto-Rate-Limit-Reset", std::to_string(fire.retry_after));
    send_json_text(res, 429,
                   R"({"error":["You are over platform's limits. Please contact us to know more details"],"context":"limit","detail":"rate-limit"})");
    return answered(req);
  }
  // "status"
  if (fire.status >= 300 && fire.retry_after > 0 && (fire.status == 429 || fire.status == 503))
    res.set_header("Retry-After", std::to_string(fire.retry_after));
  if (!fire.body.empty()) {
    send_json_text(res, fire.status, fire.body);
  } else if (fire.status >= 500) {
    send_json_text(res, fire.status,
                   "{\"status\":" + std::to_string(fire.status) + ",\"error\":\"Internal Server Error\"}");
  } else {
    send_empty(res, fire.status);
  }
  return answered(req);
}

void TestHooks::after(const httplib::Request &, httplib::Response &res) {
  if (!t_truncate) return;
  t_truncate = false;
  std::string body = res.body.empty() ? std::string("{\"truncated\":") : res.body.substr(0, res.body.size() / 2);
  res.body = body;
  res.headers.erase("Content-Length");
  res.set_header("Content-Length", std::to_string(body.size()));
}

std::string TestHooks::add_rules(const std::string &body, std::size_t &added) {
  Json j = json_parse(body);
  if (!j) return "body must be a JSON object or array of objects";
  std::vector<const cJSON *> items;
  if (cJSON_IsArray(j.get())) {
    const cJSON *it = nullptr;
    cJSON_ArrayForEach(it, j.get()) items.push_back(it);
  } else {
    items.push_back(j.get());
  }
  std::vector<Rule> parsed;
  for (const cJSON *it : items) {
    if (!cJSON_IsObject(it)) return "each fault must be a JSON object";
    Rule r;
    r.method = upper(jstring(it, "method").value_or(""));
    r.path_src = jstring(it, "path").value_or(".*");
    try {
      r.path = std::regex(r.path_src);
    } catch (const std::regex_error &) {
      return "invalid path regex";
    }
    r.action = jstring(it, "action").value_or("status");
    if (r.action != "delay" && r.action != "status" && r.action != "drop" && r.action != "truncate" &&
        r.action != "malformed" && r.action != "ratelimit")
      return "unknown action (delay, status, drop, truncate, malformed, ratelimit)";
    auto num = [&](const char *k, std::int64_t def) -> std::int64_t {
      const cJSON *v = jget(it, k);
      return v && cJSON_IsNumber(v) ? static_cast<std::int64_t>(v->valuedouble) : def;
    };
    r.nth = num("nth", 0);
    r.count = num("count", -1);
    r.delay_ms = static_cast<int>(std::min<std::int64_t>(num("delay_ms", 1000), 600000));
    r.status = static_cast<int>(num("status", r.action == "ratelimit" ? 429 : 503));
    r.retry_after = static_cast<int>(num("retry_after", 1));
    r.rl_limit = static_cast<int>(num("limit", 10));
    r.body = jstring(it, "body").value_or("");
    if (r.status < 100 || r.status > 599) return "status must be 100..599";
    parsed.push_back(std::move(r));
  }
  std::lock_guard<std::mutex> lk(mu_);
  for (auto &r : parsed) rules_.push_back(std::move(r));
  added = parsed.size();
  return "";
}

void TestHooks::register_routes(httplib::Server &svr) {
  // The body of a request a fault answered (answered()); the response is the fault's.
  auto drain_route = [](const httplib::Request &req, httplib::Response &res,
                        const httplib::ContentReader &reader) {
    if (t_faulted_path.empty()) return send_not_found_route(res);  // not rerouted here
    drain(req, reader);
    const_cast<httplib::Request &>(req).path = t_faulted_path;  // for the log
    t_faulted_path.clear();
  };
  svr.Post(kDrainPath, drain_route);
  svr.Put(kDrainPath, drain_route);
  svr.Patch(kDrainPath, drain_route);
  svr.Delete(kDrainPath, drain_route);
  svr.Post("/_test/faults", [this](const httplib::Request &req, httplib::Response &res) {
    std::size_t added = 0;
    std::string err = add_rules(req.body, added);
    if (!err.empty()) {
      Json e = json_object();
      jset(e.get(), "error", err);
      send_json(res, 400, e.get());
      return;
    }
    Json ok = json_object();
    jset_int(ok.get(), "added", static_cast<std::int64_t>(added));
    send_json(res, 200, ok.get());
  });
  svr.Get("/_test/faults", [this](const httplib::Request &, httplib::Response &res) {
    Json out = json_object();
    Json arr = json_array();
    {
      std::lock_guard<std::mutex> lk(mu_);
      for (const auto &r : rules_) {
        Json f = json_object();
        jset(f.get(), "method", r.method);
        jset(f.get(), "path", r.path_src);
        jset(f.get(), "action", r.action);
        jset_int(f.get(), "seen", r.seen);
        jset_int(f.get(), "fired", r.fired);
        jpush(arr.get(), std::move(f));
      }
    }
    jset(out.get(), "faults", std::move(arr));
    send_json(res, 200, out.get());
  });
  svr.Delete("/_test/faults", [this](const httplib::Request &, httplib::Response &res) {
    std::lock_guard<std::mutex> lk(mu_);
    rules_.clear();
    send_empty(res, 204);
  });
  svr.Get("/_test/requests", [this](const httplib::Request &, httplib::Response &res) {
    std::string body = "{\"requests\":[";
    {
      std::lock_guard<std::mutex> lk(mu_);
      bool first = true;
      for (const auto &e : log_) {
        if (!first) body += ',';
        body += e;
        first = false;
      }
    }
    body += "]}";
    send_json_text(res, 200, body);
  });
  svr.Delete("/_test/requests", [this](const httplib::Request &, httplib::Response &res) {
    std::lock_guard<std::mutex> lk(mu_);
    log_.clear();
    send_empty(res, 204);
  });
}

}  // namespace cis
