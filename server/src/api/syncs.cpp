// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// /api/v1/synchronizations (PROTOCOL.md §4): create, list, show, update, delete, sync_now.
#include <cstdlib>

#include "api/presenters.hpp"
#include "api/routes.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "domain/connectors.hpp"
#include "domain/datasets.hpp"
#include "domain/services.hpp"
#include "domain/sources.hpp"
#include "domain/syncs.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"

namespace cis {

namespace {

void send_errors_string(httplib::Response &res, const std::string &msg) {
  Json b = json_object();
  jset(b.get(), "errors", msg);
  send_json(res, 400, b.get());
}

struct SyncRequest {
  std::string user;
  Json body;  // the JSON body, when it is an object
};

// Authenticates (key in the query string, the Basic header or the JSON body). Sends the 401
// itself and returns false on failure.
bool prepare(Services &app, const httplib::Request &req, httplib::Response &res, SyncRequest &r) {
  r.user = url_user(req);
  r.body = json_parse(req.body);
  if (r.body && !cJSON_IsObject(r.body.get())) r.body.reset();
  Params params;
  if (r.body) params.merge_json(r.body.get());
  params.merge_query(req);
  if (authenticate(app.cfg(), req, r.user, params) != Auth::Ok) {
    send_empty(res, 401);
    return false;
  }
  return true;
}

// Authenticates the caller into `r` (prepare), then finds their sync named by the route; sends
// the 401 (wrong key, or somebody else's sync) or the 404 (unknown sync) itself.
std::optional<SyncRec> owned_sync(Services &app, const httplib::Request &req, httplib::Response &res,
                                  SyncRequest &r) {
  if (!prepare(app, req, res, r)) return std::nullopt;
  std::string id = req.matches[2];
  auto s = is_uuid(id) ? app.store().get_sync(id) : std::nullopt;
  if (!s) {
    send_empty(res, 404);
    return std::nullopt;
  }
  if (s->user != r.user) {
    send_empty(res, 401);
    return std::nullopt;
  }
  return s;
}

// Ruby's to_i: numbers truncated, strings by their leading integer ("15min" -> 15, "x" -> 0).
std::int64_t to_i(const cJSON *v, std::int64_t absent) {
  if (!v || cJSON_IsNull(v)) return absent;
  if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    if (d > 9e15) return static_cast<std::int64_t>(9e15);
    if (d < -9e15) return static_cast<std::int64_t>(-9e15);
    return static_cast<std::int64_t>(d);
  }
  if (cJSON_IsString(v) && v->valuestring) return std::strtoll(v->valuestring, nullptr, 10);
  return 0;
}

void create_sync(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  if (!prepare(app, req, res, r)) return;
  if (!r.body) return send_internal_error(res);  // Rails' JSON.parse raises (§4.1, §4.4)
  const cJSON *body = r.body.get();
  if (auto m = field_too_long(body, app.cfg().max_field_bytes); !m.empty()) return send_errors_string(res, m);

  std::int64_t interval = to_i(jget(body, "interval"), 3600);
  if (interval < Syncs::kMinInterval)
    return send_errors_string(res, "Invalid interval: Sync interval must be at least 15 minutes");
  OptStr url = jstring(body, "url");
  if (url) *url = trim(*url);
  if (url && url->empty()) url.reset();
  if (url && !valid_source_url(app, *url))
    return send_errors_string(res, "Invalid URL, cannot connect dataset: " + *url);
  Json connector;
  if (const cJSON *c = jget(body, "connector"); c && !cJSON_IsNull(c)) {
    connector = connector_object(c);
    if (connector_provider(connector.get()).empty())
      return send_import_error(res, 400, "Provider not defined");
  }

  SyncRec s;
  s.user = r.user;
  s.interval = interval;
  if (auto name = jstring(body, "table_name"); name && !name->empty()) s.name = *name;
  s.type_guessing = !is_exactly(jget(body, "type_guessing"), false);
  s.quoted_fields_guessing = !is_exactly(jget(body, "quoted_fields_guessing"), false);
  s.content_guessing = is_exactly(jget(body, "content_guessing"), true);
  s.create_visualization = is_exactly(jget(body, "create_vis"), true);
  if (connector) {
    s.connector = json_dump(connector.get());
    s.service_name = "connector";
    s.service_item_id = connector_public_json(s.connector);
  } else {
    s.url = url;
    auto service = jstring(body, "service_name"), item = jstring(body, "service_item_id");
    if (service && item) {
      s.service_name = service;
      s.service_item_id = item;
    }
  }
  const std::string job_id = app.syncs().create(s);

  Json out = json_object();
  Json di = json_object();
  jset(di.get(), "endpoint", "/api/v1/imports");
  jset(di.get(), "item_queue_id", job_id);
  jset(out.get(), "data_import", std::move(di));
  Json rep = sync_json(app, s);
  while (cJSON *item = rep->child) {
    cJSON_DetachItemViaPointer(rep.get(), item);
    cJSON_AddItemToObject(out.get(), item->string, item);  // copies the key before freeing it
  }
  send_json(res, 200, out.get());
}

void list_syncs(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  if (!prepare(app, req, res, r)) return;
  Json arr = json_array();
  std::int64_t n = 0;
  for (const auto &s : app.store().syncs_of(r.user)) {
    jpush(arr.get(), sync_json(app, s));
    n++;
  }
  Json body = json_object();
  jset(body.get(), "synchronizations", std::move(arr));
  jset_int(body.get(), "total_entries", n);
  send_json(res, 200, body.get());
}

void show_sync(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  if (auto s = owned_sync(app, req, res, r)) send_json(res, 200, sync_json(app, *s).get());
}

void update_sync(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  auto s = owned_sync(app, req, res, r);
  if (!s) return;
  if (!r.body) return send_internal_error(res);  // Rails' JSON.parse raises (§4.1, §4.4)
  const cJSON *body = r.body.get();
  if (auto m = field_too_long(body, app.cfg().max_field_bytes); !m.empty()) return send_errors_string(res, m);
  const double now = now_epoch();
  if (const cJSON *v = jget(body, "interval")) {  // no minimum here (§4.4)
    s->interval = to_i(v, s->interval);
    s->run_at = app.syncs().next_run(s->interval, now);
  }
  if (const cJSON *v = jget(body, "name")) {
    if (cJSON_IsString(v)) s->name = std::string(v->valuestring);
    else if (cJSON_IsNull(v)) s->name.reset();
  }
  if (auto u = jstring(body, "url"); u && s->connector.empty()) {  // validated as at creation
    std::string url = trim(*u);
    if (!url.empty() && !valid_source_url(app, url))
      return send_errors_string(res, "Invalid URL, cannot connect dataset: " + url);
    s->url = url;
  }
  if (const cJSON *v = jget(body, "type_guessing")) s->type_guessing = !is_exactly(v, false);
  if (const cJSON *v = jget(body, "quoted_fields_guessing")) s->quoted_fields_guessing = !is_exactly(v, false);
  if (const cJSON *v = jget(body, "content_guessing")) s->content_guessing = is_exactly(v, true);
  s->updated_at = now;
  app.store().put_sync(*s);
  send_json(res, 200, sync_json(app, *s).get());
}

void delete_sync(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  auto s = owned_sync(app, req, res, r);
  if (!s) return;
  app.store().delete_sync(s->id);  // the table stays, as a normal dataset (§4.5)
  send_empty(res, 204);
}

void sync_now(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  auto s = owned_sync(app, req, res, r);
  if (!s) return;
  Json body = json_object();
  jset_bool(body.get(), "enqueued", app.syncs().sync_now(s->id));
  jset(body.get(), "synchronization_id", s->id);
  send_json(res, 200, body.get());
}

void syncing(Services &app, const httplib::Request &req, httplib::Response &res) {
  SyncRequest r;
  auto s = owned_sync(app, req, res, r);
  if (!s) return;
  Json body = json_object();
  jset(body.get(), "state", state_name(s->state));
  send_json(res, 200, body.get());
}

using Handler = void (*)(Services &, const httplib::Request &, httplib::Response &);

}  // namespace

void register_sync_routes(Services &app, httplib::Server &svr) {
  auto bind = [&app](Handler h) {
    return [&app, h](const httplib::Request &q, httplib::Response &s) { h(app, q, s); };
  };
  const std::string list = api_route("v1/synchronizations");
  const std::string one = api_route("v1/synchronizations/([^/]+)");
  const std::string now = api_route("v1/synchronizations/([^/]+)/sync_now");
  svr.Post(list, bind(create_sync));
  svr.Get(list, bind(list_syncs));
  svr.Get(now, bind(syncing));
  svr.Put(now, bind(sync_now));
  svr.Get(one, bind(show_sync));
  svr.Put(one, bind(update_sync));
  svr.Delete(one, bind(delete_sync));
}

}  // namespace cis
