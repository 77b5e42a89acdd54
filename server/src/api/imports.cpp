// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// POST/GET /api/v1/imports (PROTOCOL.md §2) and connector imports (§3).
#include <mutex>

#include "api/presenters.hpp"
#include "api/routes.hpp"
#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "domain/connectors.hpp"
#include "domain/jobs.hpp"
#include "domain/services.hpp"
#include "domain/sources.hpp"
#include "http/connections.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"
#include "http/upload.hpp"
#include "importer/importer.hpp"

namespace cis {

namespace {

std::string user_defined_limits(const cJSON *v) {
  Json limits = json_object();
  Json parsed;
  if (v && cJSON_IsString(v) && v->valuestring) {
    parsed = json_parse(v->valuestring);
    v = parsed.get();
  }
  if (v && cJSON_IsObject(v)) {
    const cJSON *it = nullptr;
    cJSON_ArrayForEach(it, v) {
      if (it->string) cJSON_AddItemToObject(limits.get(), it->string, cJSON_Duplicate(it, 1));
    }
  }
  const cJSON *credits = jget(limits.get(), "twitter_credits_limit");
  if (!credits) {
    jset_int(limits.get(), "twitter_credits_limit", 0);
  } else if (cJSON_IsString(credits)) {
    std::int64_t n = std::strtoll(credits->valuestring, nullptr, 10);
    cJSON_ReplaceItemInObjectCaseSensitive(limits.get(), "twitter_credits_limit",
                                           cJSON_CreateNumber(static_cast<double>(n)));
  }
  return json_dump(limits.get());
}

std::mutex g_slots_mu;  // count-then-insert of concurrent import slots is atomic

void create_import(Services &app, const httplib::Request &req, httplib::Response &res,
                   const httplib::ContentReader &reader) {
  const std::string user = url_user(req);
  // Refused before any of the body is read (and the connection closed): nothing of an
  // unauthenticated upload reaches the disk.
  auto refuse = [&res] {
    HttpServer::close_after(res);
    send_empty(res, 401);
  };
  auto early = authenticate_early(app.cfg(), req, user);
  if (early && *early == Auth::Failed) return refuse();
  const std::string id = new_uuid();
  Upload up;
  up.dir = app.job_dir(id) + "/upload";
  Params params;
  bool read_ok = read_body(app.cfg(), req, reader, params, up, [&](const Params &fields) {
    return early || authenticate(app.cfg(), req, user, fields) == Auth::Ok;
  });
  params.merge_query(req);
  auto cleanup = [&] { remove_tree(app.job_dir(id)); };
  if (up.unauthorized) return refuse();
  if (!read_ok) {
    cleanup();
    HttpServer::close_after(res);  // the rest of the body stays unread
    if (up.too_big) {
      send_import_error(res, 413, "Request body too large: the limit is " +
                                      std::to_string(app.cfg().max_upload_bytes) + " bytes");
    } else if (!up.too_long.empty()) {
      send_import_error(res, 400, up.too_long);
    } else if (up.io_error) {
      send_import_error(res, 500, "Cannot store the uploaded file");
    } else {
      send_import_error(res, 400, "Malformed or incomplete request body");
    }
    return;
  }
  if (!early && authenticate(app.cfg(), req, user, params) != Auth::Ok) {
    cleanup();
    send_empty(res, 401);
    return;
  }

  // ---- parameters (§2.1) ----
  std::string privacy, collision_strategy;
  std::string error = field_too_long(params.object(), app.cfg().max_field_bytes);
  if (auto p = params.get("privacy"); error.empty() && p && !(cJSON_IsString(p) && std::string(p->valuestring).empty())) {
    std::string v = cJSON_IsString(p) ? lower(p->valuestring) : json_dump(p);
    if (v == "public" || v == "private" || v == "link") {
      privacy = v;
    } else {
      error = "Unknown value '" + (cJSON_IsString(p) ? std::string(p->valuestring) : v) +
              "' for 'privacy'. Allowed values are: private, public and link";
    }
  }
  if (auto p = params.get("collision_strategy"); error.empty() && p) {
    std::string v = cJSON_IsString(p) ? p->valuestring : json_dump(p);
    if (v == "skip" || v == "overwrite") {
      collision_strategy = v;
    } else if (!v.empty()) {
      error = "collision_strategy Invalid collision strategy";
    }
  }
  if (auto p = params.get("service_item_id"); error.empty() && p && !cJSON_IsString(p) && !cJSON_IsNull(p))
    error = "service_item_id field should be empty or a string";
  Json connector;
  if (auto p = params.get("connector"); error.empty() && p && !cJSON_IsNull(p)) {
    connector = connector_object(p);
    if (connector_provider(connector.get()).empty()) error = "Provider not defined";
  }
  auto url = params.str("url");
  if (url && url->empty()) url.reset();
  if (error.empty() && url && !connector && !valid_source_url(app, *url))
    error = "Invalid URL, cannot connect dataset: " + *url;
  if (error.empty() && params.has("remote_visualization_id") && !url && !connector && up.path.empty())
    error = "Illegal external load";
  if (!error.empty()) {
    cleanup();
    send_import_error(res, 400, error);
    return;
  }

  // A connector job's full JSON, password included: for the worker only (Jobs::enqueue).
  const std::string connector_json = connector ? json_dump(connector.get()) : std::string();
  JobSource source;
  source.url = url;
  if (connector) source.connector_public_json = connector_public_json(connector_json);  // no password at rest
  if (url || connector) up.path.clear();
  source.upload_path = up.path;
  source.upload_name = up.name;
  source.query = params.has("sql") || params.has("table_copy");
  source.service_name = params.str("service_name");
  source.service_item_id = params.str("service_item_id");
  ImportRec job = new_import_job(app, id, user, source);
  job.privacy = privacy;
  job.collision_strategy = collision_strategy;
  job.type_guessing = !is_exactly(params.get("type_guessing"), false);
  job.quoted_fields_guessing = !is_exactly(params.get("quoted_fields_guessing"), false);
  job.content_guessing = is_exactly(params.get("content_guessing"), true);
  job.create_visualization = is_exactly(params.get("create_vis"), true);
  job.user_defined_limits = user_defined_limits(params.get("user_defined_limits"));
  if (auto t = params.str("table_name"); t && !t->empty()) job.table_name = *t;
  if (up.path.empty()) cleanup();

  {
    std::lock_guard<std::mutex> lk(g_slots_mu);
    int max = app.cfg().max_concurrent_imports;
    if (app.store().count_unfinished_imports(user) >= max) {
      cleanup();
      send_import_error(res, 429, "We're sorry but you're already using your allowed " +
                                      std::to_string(max) + " import slots");
      return;
    }
    app.store().put_import(job);
  }
  if (job.data_type == "query") {
    job.state = JobState::kFailure;
    job.error_code = carto::kSqlQueryError;
    job.detail = "sql and table_copy imports are not supported by this server";
    app.store().put_import(job);
  } else {
    app.jobs().enqueue(job.id, connector_json);
  }
  Json body = json_object();
  jset(body.get(), "item_queue_id", job.id);
  jset_bool(body.get(), "success", true);
  send_json(res, 200, body.get());
}

// GET routes read the api_key from the query string (or the Basic header).
bool require_master(Services &app, const httplib::Request &req, httplib::Response &res, std::string &user) {
  user = url_user(req);
  Params params;
  params.merge_body(req.get_header_value("Content-Type"), req.body);
  params.merge_query(req);
  if (authenticate(app.cfg(), req, user, params) != Auth::Ok) {
    send_empty(res, 401);
    return false;
  }
  return true;
}

// show and list only read jobs: a job's state has one writer, its worker (domain/jobs.hpp). The stuck
// rule of §2.2/§2.3 (6671) is for a job whose worker is gone, which here means a previous
// process: App marks those at startup. Every unfinished job of this process is queued or running.
void show_import(Services &app, const httplib::Request &req, httplib::Response &res) {
  std::string user;
  if (!require_master(app, req, res, user)) return;
  std::string id = req.matches[2];
  if (!is_uuid(id)) return send_empty(res, 404);
  auto job = app.store().get_import(id);
  if (!job || job->user != user) return send_empty(res, 404);
  send_json(res, 200, import_json(*job).get());
}

void list_imports(Services &app, const httplib::Request &req, httplib::Response &res) {
  std::string user;
  if (!require_master(app, req, res, user)) return;
  double horizon = now_epoch() - 24.0 * 3600.0 * app.cfg().time_scale;
  Json ids = json_array();
  for (auto &job : app.store().unfinished_imports(user)) {
    if (job.created_at >= horizon) jpush(ids.get(), job.id);
  }
  Json body = json_object();
  jset(body.get(), "imports", std::move(ids));
  jset_bool(body.get(), "success", true);
  send_json(res, 200, body.get());
}

}  // namespace

void register_import_routes(Services &app, httplib::Server &svr) {
  svr.Post(api_route("v1/imports"),
           [&app](const httplib::Request &req, httplib::Response &res,
                  const httplib::ContentReader &reader) { create_import(app, req, res, reader); });
  svr.Get(api_route("v1/imports"),
          [&app](const httplib::Request &req, httplib::Response &res) { list_imports(app, req, res); });
  svr.Get(api_route("v1/imports/([^/]+)"),
          [&app](const httplib::Request &req, httplib::Response &res) { show_import(app, req, res); });
}

}  // namespace cis
