// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Shared by the libFuzzer targets: a scripted exchange that plays replies through the
// transport's libcurl callbacks (src/core/exchange.hpp), and the properties every call keeps.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "carto_import.h"
#include "core/exchange.hpp"
#include "core/http.hpp"

namespace fuzz {

// A distinctive API key, and a connector's password, to look for in every output.
constexpr const char *kKey = "FzK3y-7d1c0ffee5ca1ab1e";
constexpr const char *kPassword = "FzPw-0ddba11c0ffee42";
// A connector (PROTOCOL §3) with that password.
inline const std::string kConnector =
    std::string("{\"provider\":\"postgres\",\"connection\":{\"server\":\"db.example.com\","
                "\"database\":\"gis\",\"username\":\"reader\",\"password\":\"") +
    kPassword + "\"},\"table\":\"places\"}";

[[noreturn]] inline void violated(const char *what, const std::string &detail) {
  std::fprintf(stderr, "PROPERTY VIOLATED: %s\n  %s\n", what, detail.c_str());
  std::abort();
}

// Whether this run gave the library kConnector (else a script quoting kPassword is only text).
inline bool &password_given() {
  static bool given = false;
  return given;
}

inline void no_key(const char *where, const char *text) {
  if (text && std::strstr(text, kKey)) violated("the API key appears in an output", std::string(where) + ": " + text);
  if (text && password_given() && std::strstr(text, kPassword))
    violated("the connector's password appears in an output", std::string(where) + ": " + text);
}

// What every status from the public API must satisfy.
inline void check_status(int rc, const char *call) {
  const int last = carto_import_last_error_code();
  if (rc != 0 && rc != last)
    violated("status != carto_import_last_error_code()",
             std::string(call) + ": " + std::to_string(rc) + " vs " + std::to_string(last));
  if (rc == CARTO_IMPORT_EINTERNAL)
    violated("EINTERNAL", std::string(call) + ": " + carto_import_last_error_message());
  if (rc > 0) violated("positive status", call);
  if (rc == 0) return;
  const char *msg = carto_import_last_error_message();
  if (!msg || !*msg) violated("empty message", call);
  no_key("message", msg);
  no_key("remote title", carto_import_last_error_remote_title());
  no_key("remote explanation", carto_import_last_error_remote_explanation());
  no_key("remote source", carto_import_last_error_remote_source());
}

// The replies of one run, from the fuzzer's bytes: replies separated by "\n~~~\n"; each is a
// first line (an HTTP status, or "!N" for libcurl error N), header lines, a blank line, and
// the body. When the script runs out, the "server" refuses connections.
struct Reply {
  bool curl_error = false;
  int code = 0;  // status, or CURLcode when curl_error
  std::vector<std::string> headers;
  std::string body;
};

inline std::vector<Reply> parse_script(const std::string &text) {
  std::vector<Reply> out;
  size_t pos = 0;
  while (pos <= text.size() && out.size() < 64) {
    size_t end = text.find("\n~~~\n", pos);
    const std::string chunk = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    Reply r;
    size_t line_end = chunk.find('\n');
    const std::string first = chunk.substr(0, line_end);
    r.curl_error = !first.empty() && first[0] == '!';
    r.code = std::atoi(first.c_str() + (r.curl_error ? 1 : 0)) % 1000;
    if (r.curl_error && (r.code <= 0 || r.code > 99)) r.code = 7;  // CURLE_COULDNT_CONNECT
    size_t p = line_end == std::string::npos ? chunk.size() : line_end + 1;
    while (p < chunk.size()) {
      const size_t e = chunk.find('\n', p);
      const std::string line = chunk.substr(p, e == std::string::npos ? std::string::npos : e - p);
      p = e == std::string::npos ? chunk.size() : e + 1;
      if (line.empty() || line == "\r") break;
      r.headers.push_back(line);
    }
    r.body = chunk.substr(std::min(p, chunk.size()));
    out.push_back(std::move(r));
    if (end == std::string::npos) break;
    pos = end + 5;
  }
  return out;
}

struct Player {
  std::vector<Reply> replies;
  size_t next = 0;
  bool query_auth = false;  // else the key may only travel in the Authorization header
  bool script_has_key = false;  // the "server" may hand out ids that contain it
};
inline Player &player() {
  static Player p;
  return p;
}

inline size_t feed(carto::CurlDataFn fn, void *userp, std::string data) {
  return fn(&data[0], 1, data.size(), userp);
}

inline int play(const carto::ScriptedIo &io, long *status, bool *sent) {
  Player &p = player();
  *sent = true;
  if (!p.query_auth && !p.script_has_key && io.url.find(kKey) != std::string::npos)
    violated("the key is in the URL with Basic authentication", io.req.describe());
  if (p.next >= p.replies.size()) return 7;  // CURLE_COULDNT_CONNECT
  const Reply &r = p.replies[p.next++];
  if (r.curl_error) {
    *sent = r.code != 7 && r.code != 6;  // refused or unresolved: nothing left
    return r.code;
  }
  *status = r.code;
  feed(io.header, io.userp, "HTTP/1.1 " + std::to_string(r.code) + " X\r\n");
  for (const std::string &h : r.headers) feed(io.header, io.userp, h + "\r\n");
  feed(io.header, io.userp, "\r\n");
  // The body in two writes, as a network would split it.
  const size_t half = r.body.size() / 2;
  if (!r.body.empty()) {
    if (feed(io.body, io.userp, r.body.substr(0, half)) != half) return 23;  // CURLE_WRITE_ERROR
    if (feed(io.body, io.userp, r.body.substr(half)) != r.body.size() - half) return 23;
  }
  return 0;
}

inline void start_script(const std::string &text, bool query_auth = false) {
  player() = Player{parse_script(text), 0, query_auth, text.find(kKey) != std::string::npos};
  password_given() = false;
  carto::set_scripted_exchange(play);
}

// A client for https://fuzz.carto.com/ with the key: one attempt (or `attempts`), quick polls.
inline carto_import_client *client(int attempts = 1, int query_auth = 0) {
  carto_import_options *o = nullptr;
  carto_import_client *c = nullptr;
  if (carto_import_options_new(&o) != 0 ||
      carto_import_options_set_base_url(o, "https://fuzz.carto.com/") != 0 ||
      carto_import_options_set_api_key(o, kKey) != 0 ||
      carto_import_options_set_auth_mode(o, query_auth ? CARTO_IMPORT_AUTH_QUERY : CARTO_IMPORT_AUTH_BASIC) != 0 ||
      carto_import_options_set_retry(o, attempts, 1, 1) != 0 ||
      carto_import_options_set_poll_interval_ms(o, 1, 1) != 0 ||
      carto_import_client_new(&c, o) != 0)
    violated("cannot build the fuzz client", carto_import_last_error_message());
  carto_import_options_free(o);
  return c;
}

}  // namespace fuzz
