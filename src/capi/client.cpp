// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_client: an immutable, thread-safe connection to one account.
#include "capi/client.hpp"

using namespace carto;

namespace carto::capi {
std::shared_ptr<ClientCore> core_of(const carto_import_client *c) {
  return checked(c, Kind::client, "client")->core;
}
}  // namespace carto::capi

extern "C" {

carto_import_status carto_import_client_new(carto_import_client **out,
                                          const carto_import_options *opts) {
  return capi::guard_new(out, capi::Kind::client, [&] {
    return std::make_shared<ClientCore>(carto_options_of(opts));
  });
}

void carto_import_client_free(carto_import_client *client) {
  capi::free_handle(client, capi::Kind::client);
}

const char *carto_import_client_username(const carto_import_client *client) {
  return capi::guard_value<const char *>(nullptr, [&] {
    return capi::checked(client, capi::Kind::client, "client")->core->username().c_str();
  });
}

const char *carto_import_client_base_url(const carto_import_client *client) {
  return capi::guard_value<const char *>(nullptr, [&] {
    return capi::checked(client, capi::Kind::client, "client")->core->base_url().c_str();
  });
}

carto_import_status carto_import_client_verify(carto_import_client *client) {
  return capi::guard([&] {
    auto core = capi::core_of(client);
    HttpRequest req;
    req.path = "api/v1/imports";
    JsonPtr doc = core->send_json(req);
    if (!doc || !cJSON_IsArray(json_member(doc.get(), "imports")))
      throw protocol_error(req.describe(), "no \"imports\" list in the reply");
  });
}

}  // extern "C"
