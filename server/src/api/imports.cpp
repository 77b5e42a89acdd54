// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// POST/GET /api/v1/imports (PROTOCOL.md §2) and connector imports (§3).
#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>

#include "api/routes.hpp"
#include "common/files.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "common/url.hpp"
#include "domain/connectors.hpp"
#include "domain/jobs.hpp"
#include "domain/services.hpp"
#include "domain/sources.hpp"
#include "http/connections.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"
#include "importer/importer.hpp"

namespace cis {

namespace {

constexpr std::size_t kMaxParamsBody = 32 << 20;     // a JSON or form body (413 beyond)

// An upload's stored name, which is also its job's display_name: safe_file_name() with spaces
// as '_' (as CARTO's uploader stores it), "upload" when nothing is left.
std::string upload_file_name(std::string name) {
  std::replace(name.begin(), name.end(), ' ', '_');
  std::string safe = safe_file_name(name);
  return safe.empty() ? "upload" : safe;
}

struct Upload {
  std::string dir;        // DATA/jobs/<id>/upload
  std::string path, name; // the stored file, once there is one
  std::int64_t body_bytes = 0;
  bool too_big = false, io_error = false, unauthorized = false;
  std::string too_long;   // a form field over --max-field-bytes: the 400's message
};

// Reads the request body: file parts and raw uploads stream to disk, everything else becomes
// parameters. A file part is only stored once `authorized` accepts the fields read before it
// (else up.unauthorized). Returns false when the body could not be read completely.
bool read_body(Services &app, const httplib::Request &req, const httplib::ContentReader &reader,
               Params &params, Upload &up, const std::function<bool(const Params &)> &authorized) {
  const auto limit = app.cfg().max_upload_bytes;
  File out;
  auto open_file = [&](const std::string &name) {
    make_dirs(up.dir);
    up.name = upload_file_name(name);
    up.path = up.dir + "/" + up.name;
    out.reset(std::fopen(up.path.c_str(), "wb"));
    if (!out) up.io_error = true;
    return static_cast<bool>(out);
  };
  auto count = [&](std::size_t n) {
    up.body_bytes += static_cast<std::int64_t>(n);
    if (up.body_bytes > limit) up.too_big = true;
    return !up.too_big;
  };

  if (req.is_multipart_form_data()) {
    enum class Part { None, File, Field, Skip } part = Part::None;
    std::string field_name, field_value;
    auto flush_field = [&] {
      if (part == Part::Field) params.set_string(field_name, field_value);
      field_value.clear();
    };
    bool ok = reader(
        [&](const httplib::MultipartFormData &h) {
          flush_field();
          out.reset();
          bool is_file = (h.name == "file") || (h.name == "filename" && !h.filename.empty());
          if (is_file && up.path.empty()) {
            if (!authorized(params)) {
              up.unauthorized = true;
              return false;
            }
            part = open_file(h.filename.empty() ? "upload" : h.filename) ? Part::File : Part::Skip;
            return !up.io_error;
          }
          if (is_file || h.name.empty() || !h.filename.empty()) {
            part = Part::Skip;  // a second file, or an unnamed part: ignored
          } else {
            part = Part::Field;
            field_name = h.name;
          }
          return true;
        },
        [&](const char *data, std::size_t n) {
          if (!count(n)) return false;
          if (part == Part::File) {
            if (std::fwrite(data, 1, n, out.get()) != n) {
              up.io_error = true;
              return false;
            }
          } else if (part == Part::Field) {
            if (static_cast<std::int64_t>(field_value.size() + n) > app.cfg().max_field_bytes) {
              up.too_long = too_long_message(field_name, app.cfg().max_field_bytes);
              return false;
            }
            field_value.append(data, n);
          }
          return true;
        });
    flush_field();
    if (out && std::fflush(out.get()) != 0) up.io_error = true;
    return ok && !up.too_big && !up.io_error;
  }

  std::string ct = req.get_header_value("Content-Type");
  if (req.has_param("filename")) {  // raw body upload: POST ...?filename=name
    if (!open_file(req.get_param_value("filename"))) return false;
    bool ok = reader([&](const char *data, std::size_t n) {
      if (!count(n)) return false;
      if (std::fwrite(data, 1, n, out.get()) != n) {
        up.io_error = true;
        return false;
      }
      return true;
    });
    if (std::fflush(out.get()) != 0) up.io_error = true;
    return ok && !up.too_big && !up.io_error;
  }
  bool wanted = is_json_content_type(ct) || is_form_content_type(ct);
  std::string body;
  bool ok = reader([&](const char *data, std::size_t n) {
    if (!count(n)) return false;
    if (!wanted) return true;  // unknown body type: read and ignore
    if (body.size() + n > kMaxParamsBody) {
      up.too_big = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (ok && wanted) params.merge_body(ct, body);
  return ok && !up.too_big;
}

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

const char *http_status_hint(long code) {
  switch (code) {
    case 400: return "Bad request: the remote server rejected the request";
    case 401: return "Unauthorized: the remote file needs credentials";
    case 403: return "Forbidden: access to the remote file is not allowed";
    case 404: return "Not found: the remote file does not exist";
    case 408: return "Request timeout";
    case 429: return "Too many requests to the remote server";
    case 500: return "The remote server had an internal error";
    case 502: return "Bad gateway";
    case 503: return "The remote server is unavailable";
    case 504: return "Gateway timeout";
    default: return "The remote server answered with an error";
  }
}

Json import_json(const ImportRec &r) {
  Json j = json_object();
  cJSON *o = j.get();
  bool final_state = r.state == "complete" || r.state == "failure";
  jset(o, "id", r.id);
  jset(o, "user_id", r.user_id);
  jset(o, "table_id", r.table_id);
  jset(o, "data_type", r.data_type);
  jset(o, "table_name", r.table_name);
  jset(o, "state", r.state);
  jset_opt_int(o, "error_code", r.error_code ? std::optional<std::int64_t>(r.error_code) : std::nullopt);
  jset(o, "queue_id", r.id);
  jset_opt_int(o, "tables_created_count", r.state == "complete" ? r.tables_created_count : std::nullopt);
  jset(o, "synchronization_id", r.synchronization_id);
  jset_bool(o, "type_guessing", r.type_guessing);
  jset_bool(o, "quoted_fields_guessing", r.quoted_fields_guessing);
  jset_bool(o, "content_guessing", r.content_guessing);
  jset_bool(o, "create_visualization", r.create_visualization);
  jset(o, "visualization_id", r.visualization_id);
  jset(o, "user_defined_limits", r.user_defined_limits);
  const ErrorInfo *info = r.error_code ? error_info(r.error_code) : nullptr;
  if (info) {
    Json e = json_object();
    jset(e.get(), "title", info->title);
    jset(e.get(), "what_about", r.error_text.empty() ? std::string(info->what_about) : r.error_text);
    jset(e.get(), "source", info->source);
    jset(o, "get_error_text", std::move(e));
  } else {
    jset_null(o, "get_error_text");
  }
  jset(o, "display_name", r.display_name.empty() ? r.id : r.display_name);
  if (final_state) jset_bool(o, "success", r.state == "complete");
  jset(o, "original_url", r.original_url);
  jset_raw(o, "warnings", r.warnings);
  jset_bool(o, "is_raster", r.is_raster);
  if (r.http_response_code) {
    jset(o, "http_response_code", *r.http_response_code);
    jset(o, "http_response_code_message", http_status_hint(std::strtol(r.http_response_code->c_str(), nullptr, 10)));
  }
  if (r.state == "complete") {
    jset_bool(o, "any_table_raster", r.any_table_raster);
    if (r.create_visualization) {
      jset(o, "derived_visualization_id", r.visualization_id);
    } else {
      jset_null(o, "derived_visualization_id");
    }
    jset(o, "table_names", jstr_array(r.table_names));  // our extension (server/README.md)
  }
  return j;
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
  ImportRec job;
  job.id = new_uuid();
  Upload up;
  up.dir = app.job_dir(job.id) + "/upload";
  Params params;
  bool read_ok = read_body(app, req, reader, params, up, [&](const Params &fields) {
    return early || authenticate(app.cfg(), req, user, fields) == Auth::Ok;
  });
  params.merge_query(req);
  auto cleanup = [&] { remove_tree(app.job_dir(job.id)); };
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
  std::string error = field_too_long(params.object(), app.cfg().max_field_bytes);
  if (auto p = params.get("privacy"); error.empty() && p && !(cJSON_IsString(p) && std::string(p->valuestring).empty())) {
    std::string v = cJSON_IsString(p) ? lower(p->valuestring) : json_dump(p);
    if (v == "public" || v == "private" || v == "link") {
      job.privacy = v;
    } else {
      error = "Unknown value '" + (cJSON_IsString(p) ? std::string(p->valuestring) : v) +
              "' for 'privacy'. Allowed values are: private, public and link";
    }
  }
  if (auto p = params.get("collision_strategy"); error.empty() && p) {
    std::string v = cJSON_IsString(p) ? p->valuestring : json_dump(p);
    if (v == "skip" || v == "overwrite") {
      job.collision_strategy = v;
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

  job.user = user;
  job.user_id = app.store().user_id(user);
  job.type_guessing = !is_exactly(params.get("type_guessing"), false);
  job.quoted_fields_guessing = !is_exactly(params.get("quoted_fields_guessing"), false);
  job.content_guessing = is_exactly(params.get("content_guessing"), true);
  job.create_visualization = is_exactly(params.get("create_vis"), true);
  job.user_defined_limits = user_defined_limits(params.get("user_defined_limits"));
  if (auto t = params.str("table_name"); t && !t->empty()) job.table_name = *t;
  if (auto s = params.str("service_name"); s && !s->empty()) job.service_name = *s;
  if (auto s = params.str("service_item_id")) job.service_item_id = *s;

  // A connector job's full JSON, password included: for the worker only (Jobs::enqueue).
  const std::string connector_json = connector ? json_dump(connector.get()) : std::string();
  if (url) {  // first match wins: url, connector, file (§2.1)
    job.data_type = "url";
    if (job.service_item_id.empty()) job.service_item_id = *url;
    job.original_url = *url;
    job.display_name = url_basename(*url);
    up.path.clear();
  } else if (connector) {
    job.data_type = "datasource";
    job.service_name = "connector";
    job.service_item_id = connector_public_json(connector_json);  // no password at rest
    up.path.clear();
  } else if (!up.path.empty()) {
    job.data_type = "file";
    job.source_path = up.path;
    job.original_name = up.name;
    job.original_url = up.path;
    job.display_name = up.name;
  } else if (params.has("sql") || params.has("table_copy")) {
    job.data_type = "query";
  } else {
    job.data_type = "datasource";  // no data source at all: fails when processed (§7.2)
  }
  if (up.path.empty()) cleanup();
  job.created_at = job.updated_at = now_epoch();

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
    job.state = "failure";
    job.error_code = 8003;
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
