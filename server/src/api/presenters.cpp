// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "api/presenters.hpp"

#include <cstdlib>

#include "common/json.hpp"
#include "common/time.hpp"
#include "domain/datasets.hpp"
#include "domain/services.hpp"
#include "importer/importer.hpp"

namespace cis {

// ---- imports (§2.2) ----
namespace {
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

}  // namespace

Json import_json(const ImportRec &r) {
  Json j = json_object();
  cJSON *o = j.get();
  bool final_state = is_finished(r.state);
  jset(o, "id", r.id);
  jset(o, "user_id", r.user_id);
  jset(o, "table_id", r.table_id);
  jset(o, "data_type", r.data_type);
  jset(o, "table_name", r.table_name);
  jset(o, "state", state_name(r.state));
  jset_opt_int(o, "error_code", r.error_code ? std::optional<std::int64_t>(r.error_code) : std::nullopt);
  jset(o, "queue_id", r.id);
  jset_opt_int(o, "tables_created_count", r.state == JobState::kComplete ? r.tables_created_count : std::nullopt);
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
  if (final_state) jset_bool(o, "success", r.state == JobState::kComplete);
  jset(o, "original_url", r.original_url);
  jset_raw(o, "warnings", r.warnings);
  jset_bool(o, "is_raster", r.is_raster);
  if (r.http_response_code) {
    jset(o, "http_response_code", *r.http_response_code);
    jset(o, "http_response_code_message", http_status_hint(std::strtol(r.http_response_code->c_str(), nullptr, 10)));
  }
  if (r.state == JobState::kComplete) {
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

// ---- visualizations, tables, syncs (§4.6, §5) ----
namespace {
// What every view of a visualization's permission holds: its id and owner.
Json permission_head(Services &app, const VizRec &viz) {
  Json p = json_object();
  jset(p.get(), "id", viz.permission_id);
  Json owner = json_object();
  jset(owner.get(), "id", app.store().user_id(viz.user));
  jset(owner.get(), "username", viz.user);
  jset(p.get(), "owner", std::move(owner));
  return p;
}
}  // namespace

Json permission_json(Services &app, const VizRec &viz) {
  Json p = permission_head(app, viz);
  Json entity = json_object();
  jset(entity.get(), "id", viz.id);
  jset(entity.get(), "type", "vis");
  jset(p.get(), "entity", std::move(entity));
  jset(p.get(), "acl", json_array());
  jset(p.get(), "created_at", iso_time(viz.created_at));
  jset(p.get(), "updated_at", iso_time(viz.updated_at));
  return p;
}

namespace {
Json auth_tokens(const VizRec &viz) {
  Json a = json_array();
  if (viz.privacy == "PRIVATE" || viz.privacy == "PASSWORD") jpush(a.get(), viz.auth_token);
  return a;
}
}  // namespace

Json dependent_summary(Services &app, const VizRec &viz, bool owner) {
  Json d = json_object();
  jset(d.get(), "id", viz.id);
  jset(d.get(), "name", viz.name);
  jset(d.get(), "updated_at", iso_time(viz.updated_at));
  jset(d.get(), "permission", permission_head(app, viz));
  jset(d.get(), "auth_tokens", owner ? auth_tokens(viz) : json_array());
  return d;
}

bool visible_to(const VizRec &viz, const ViewCtx &ctx) { return ctx.owner || viz.privacy == "PUBLIC"; }

Json sync_json(Services &app, const OptStr &sync_id) {
  if (!sync_id) return Json(cJSON_CreateNull());
  auto s = app.store().get_sync(*sync_id);
  if (!s) return Json(cJSON_CreateNull());
  return sync_json(app, *s);
}

Json sync_json(Services &app, const SyncRec &s) {
  Json j = json_object();
  cJSON *o = j.get();
  jset(o, "id", s.id);
  jset(o, "name", s.name);
  jset_int(o, "interval", s.interval);
  jset(o, "url", s.url);
  jset(o, "state", state_name(s.state));
  jset(o, "user_id", app.store().user_id(s.user));
  jset(o, "created_at", iso_time(s.created_at));
  jset(o, "updated_at", iso_time(s.updated_at));
  jset(o, "run_at", iso_time(s.run_at));
  jset_int(o, "retried_times", s.retried_times);
  jset(o, "log_id", s.log_id);
  jset_opt_int(o, "error_code", s.error_code ? std::optional<std::int64_t>(s.error_code) : std::nullopt);
  jset(o, "error_message", s.error_message);
  jset(o, "ran_at", iso_time(s.ran_at));
  jset(o, "modified_at", s.modified_at);
  jset(o, "etag", s.etag);
  jset(o, "checksum", s.checksum);
  jset(o, "service_name", s.service_name);
  jset(o, "service_item_id", s.service_item_id);
  jset_bool(o, "type_guessing", s.type_guessing);
  jset_bool(o, "quoted_fields_guessing", s.quoted_fields_guessing);
  jset_bool(o, "content_guessing", s.content_guessing);
  jset(o, "visualization_id", s.visualization_id);
  jset_bool(o, "from_external_source", s.from_external_source);
  return j;
}

Json table_block(Services &app, const TableRec &t, const VizRec &canonical, const ViewCtx &ctx,
                 bool size_and_rows) {
  Json b = json_object();
  cJSON *o = b.get();
  jset(o, "id", t.id);
  jset(o, "name", t.name);
  Json gt = json_parse(t.geometry_types);
  jset(o, "geometry_types", gt ? std::move(gt) : json_array());
  jset(o, "privacy", t.privacy == "LINK" ? std::string("PUBLIC") : t.privacy);
  jset(o, "updated_at", iso_time(t.updated_at));
  if (ctx.owner) jset(o, "synchronization", sync_json(app, t.synchronization_id));
  if (size_and_rows) {
    jset_int(o, "size", t.size);
    jset_int(o, "row_count", t.rows);
  }
  jset(o, "permission", permission_json(app, canonical));
  return b;
}

Json viz_json(Services &app, const VizRec &viz, const VizOptions &opt, const ViewCtx &ctx) {
  Json j = json_object();
  cJSON *o = j.get();
  std::optional<TableRec> table;
  if (viz.table_id) table = app.store().get_table(*viz.table_id);
  Json tags = json_parse(viz.tags);
  if (!tags || !cJSON_IsArray(tags.get())) tags = json_array();

  if (ctx.owner) {
    jset(o, "id", viz.id);
    jset(o, "name", viz.name);
    jset(o, "display_name", viz.display_name);
    jset(o, "map_id", viz.map_id);
    jset(o, "active_layer_id", viz.active_layer_id);
    jset(o, "type", viz.type);
    jset(o, "tags", std::move(tags));
    jset(o, "description", viz.description);
    jset(o, "privacy", viz.privacy);
    jset(o, "created_at", iso_time(viz.created_at));
    jset(o, "updated_at", iso_time(viz.updated_at));
    jset_bool(o, "locked", viz.locked);
    jset(o, "source", viz.source);
    jset(o, "title", viz.title);
    jset(o, "license", viz.license);
    jset(o, "attributions", viz.attributions);
    jset(o, "kind", viz.kind);
    jset(o, "external_source", json_object());
    jset(o, "url", ctx.base_url + (viz.type == "table" ? "tables/" + viz.name : "builder/" + viz.id));
    jset_int(o, "version", viz.version);
    jset_null(o, "prev_id");
    jset_null(o, "next_id");
    jset_null(o, "parent_id");
    jset(o, "transition_options", json_object());
    jset_null(o, "active_child");
    jset(o, "children", json_array());
  } else {
    // Public view of somebody else's (public) visualization.
    jset(o, "id", viz.id);
    jset(o, "name", viz.name);
    jset(o, "display_name", viz.display_name);
    jset(o, "attributions", viz.attributions);
    jset(o, "source", viz.source);
    jset(o, "license", viz.license);
    jset(o, "type", viz.type);
    jset(o, "tags", std::move(tags));
    jset(o, "description", viz.description);
    jset(o, "created_at", iso_time(viz.created_at));
    jset(o, "updated_at", iso_time(viz.updated_at));
    jset(o, "title", viz.title);
    jset(o, "kind", viz.kind);
    jset(o, "privacy", viz.privacy);
  }
  if (opt.related_tables) {
    Json rel = json_array();
    for (const auto &tid : app.store().viz_tables(viz.id)) {
      auto t = app.store().get_table(tid);
      if (!t || (!ctx.owner && t->privacy == "PRIVATE")) continue;  // the owner's only
      auto canon = app.store().get_viz(t->visualization_id);
      if (canon) jpush(rel.get(), table_block(app, *t, *canon, ctx));
    }
    jset(o, "related_tables", std::move(rel));
  }
  if (ctx.owner) {
    if (opt.synchronization)
      jset(o, "synchronization", sync_json(app, table ? table->synchronization_id : std::nullopt));
    if (opt.uses_builder_features) jset_bool(o, "uses_builder_features", false);
  }
  if (opt.dependents > 0) {
    std::vector<VizRec> deps;
    if (table) deps = maps_using(app, table->id);
    deps.erase(std::remove_if(deps.begin(), deps.end(), [&](const VizRec &d) { return !visible_to(d, ctx); }),
               deps.end());
    jset_int(o, "dependent_visualizations_count", static_cast<std::int64_t>(deps.size()));
    Json arr = json_array();
    for (std::size_t i = 0; i < deps.size() && i < static_cast<std::size_t>(opt.dependents); i++)
      jpush(arr.get(), dependent_summary(app, deps[i], ctx.owner));
    jset(o, "dependent_visualizations", std::move(arr));
  }
  if (opt.liked) jset_bool(o, "liked", false);
  if (opt.permission) {
    jset(o, "permission", ctx.owner ? permission_json(app, viz) : permission_head(app, viz));
  }
  jset(o, "stats", json_object());
  if (ctx.owner && opt.auth_tokens) jset(o, "auth_tokens", auth_tokens(viz));
  if (opt.table) {
    if (table) {
      jset(o, "table", table_block(app, *table, viz, ctx, opt.table_size_and_row_count));
    } else {
      jset(o, "table", json_object());
    }
  }
  return j;
}

}  // namespace cis
