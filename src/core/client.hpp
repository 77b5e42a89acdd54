// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The shared state behind a carto_import_client: its options and its transport. Jobs and
// datasets hold a shared_ptr to it, so they keep working after the client handle is freed.
#pragma once

#include <memory>
#include <string>

#include "core/http.hpp"
#include "core/json.hpp"
#include "core/options.hpp"

namespace carto {

class ClientCore;

// Throws EPROTOCOL when a listing claims more than the options' max_list_entries entries.
void check_list_size(const ClientCore &client, const std::string &request, long long entries);

class ClientCore {
 public:
  // Validates the options (base URL and key present; plain http only to loopback unless
  // allowed) and copies them. Throws carto::Error.
  explicit ClientCore(const Options &opts);
  ~ClientCore();
  ClientCore(const ClientCore &) = delete;
  ClientCore &operator=(const ClientCore &) = delete;

  const Options &options() const { return opts_; }
  const std::string &username() const { return opts_.base.username; }
  const std::string &base_url() const { return opts_.base.url; }

  // The deadline of a call that sends no file and has no timeout of its own (listings, gets,
  // deletes...): now + the options' call timeout, or none when that is 0.
  Deadline call_deadline() const { return earlier(std::nullopt, opts_.call_timeout_ms); }

  // Registers the passwords of a connector (every "password"/"passwd" string member, at any
  // depth, of 4 characters or more) as secrets for the client's lifetime, so that a server
  // quoting one in prose gets it redacted too. The registry holds them (core/redact.hpp) and
  // wipes them when the client goes away.
  void hide_passwords(const cJSON *connector);

  // Sends a request and parses the JSON reply; throws EPROTOCOL when a 2xx body is not a
  // JSON object. Returns nullptr for an empty body (204, and DELETE replies). When `raw` is
  // given it receives the reply (status and headers).
  JsonPtr send_json(const HttpRequest &req, const Deadline &deadline = std::nullopt,
                    HttpReply *raw = nullptr);

 private:
  Options opts_;
  Transport transport_;
};

}  // namespace carto
