// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/client.hpp"

#include <cstring>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/global.hpp"
#include "core/redact.hpp"
#include "core/text.hpp"

namespace carto {

Options::~Options() { wipe(api_key); }

namespace {
const Options &validated(const Options &opts) {
  if (!opts.has_base_url)
    throw Error(CARTO_IMPORT_EINVAL, "no base URL: call carto_import_options_set_base_url "
                                     "with e.g. https://USER.carto.com/");
  if (opts.api_key.empty())
    throw Error(CARTO_IMPORT_EINVAL, "no API key: call carto_import_options_set_api_key with "
                                     "the account's master API key");
  if (opts.base.scheme == "http" && !opts.base.loopback && !opts.allow_insecure_http)
    throw Error(CARTO_IMPORT_EINSECURE,  // the key is not registered yet: redact it here
                redact("refusing to send the API key over plain http to " + opts.base.host +
                           "; use https, or call carto_import_options_set_allow_insecure_http",
                       opts.api_key));
  return opts;
}
}  // namespace

ClientCore::ClientCore(const Options &opts) : opts_(validated(opts)), transport_(opts_) {
  global_init();  // here rather than at the first request, so that a failure shows at once
  register_secret(this, opts_.api_key);
}

ClientCore::~ClientCore() { forget_secrets(this); }

void ClientCore::hide_passwords(const cJSON *connector) {
  const cJSON *item = nullptr;
  cJSON_ArrayForEach(item, connector) {
    if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
      hide_passwords(item);
      continue;
    }
    const std::string name = lower(item->string ? item->string : "");
    if (!cJSON_IsString(item) || std::strlen(item->valuestring) < 4 ||
        (name.find("password") == std::string::npos && name.find("passwd") == std::string::npos))
      continue;
    register_secret(this, item->valuestring);
  }
}

void check_list_size(const ClientCore &client, const std::string &request, long long entries) {
  const long long limit = client.options().max_list_entries;
  if (entries > limit)
    throw protocol_error(request, "it lists " + std::to_string(entries) +
                                      " entries, more than the limit of " +
                                      std::to_string(limit) +
                                      " (raise it with carto_import_options_set_max_list_entries "
                                      "if the account really has that many)");
}

JsonPtr ClientCore::send_json(const HttpRequest &req, const Deadline &deadline, HttpReply *raw) {
  HttpReply reply = transport_.send(req, deadline);
  JsonPtr doc;
  if (!reply.body.empty()) {
    doc = json_parse(reply.body);
    if (!doc || !cJSON_IsObject(doc.get())) {
      Error e = protocol_error(req.describe(), "the body is not a JSON object");
      e.info().http_status = static_cast<int>(reply.status);  // the reply behind the failure
      throw e;
    }
  }
  if (raw) *raw = std::move(reply);
  return doc;
}

}  // namespace carto
