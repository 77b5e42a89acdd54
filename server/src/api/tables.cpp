// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// GET /api/v1/tables/:id (PROTOCOL.md §5.5).
#include "api/presenters.hpp"
#include "api/routes.hpp"
#include "common/json.hpp"
#include "common/time.hpp"
#include "domain/datasets.hpp"
#include "domain/services.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"
#include "importer/importer.hpp"

namespace cis {

namespace {

Json schema_json(const TableInfo &info) {
  Json schema = json_array();
  for (const auto &c : info.columns) {
    Json col = json_array();
    jpush(col.get(), c.name);
    jpush(col.get(), c.cartodb_type);
    if (c.cartodb_type == "geometry") {
      jpush(col.get(), std::string("geometry"));
      jpush(col.get(), c.geometry_type.empty() ? std::string("geometry") : c.geometry_type);
    }
    jpush(schema.get(), std::move(col));
  }
  return schema;
}

void show_table(Services &app, const httplib::Request &req, httplib::Response &res) {
  std::string user = url_user(req);
  Params params;
  params.merge_query(req);
  if (authenticate(app.cfg(), req, user, params) != Auth::Ok) return send_empty(res, 401);
  auto t = find_table_ref(app, user, req.matches[2]);
  if (!t) return send_empty(res, 404);
  auto canonical = app.store().get_viz(t->visualization_id);
  if (!canonical) return send_empty(res, 404);

  TableInfo info;
  try {
    info = app.tables(user).describe(t->name);
  } catch (const std::exception &e) {
    app.log("table " + t->id + ": cannot describe: " + e.what());
    info.name = t->name;
    info.rows = t->rows;
    info.size_bytes = t->size;
  }
  ViewCtx ctx;
  ctx.owner = true;
  std::string host = req.get_header_value("Host");
  bool path_user = req.matches.size() > 1 && req.matches[1].matched;
  ctx.base_url = "http://" + host + "/" + (path_user ? "user/" + user + "/" : "");

  Json j = json_object();
  cJSON *o = j.get();
  jset(o, "id", t->id);
  jset(o, "name", t->name);
  jset(o, "privacy", t->privacy);
  jset(o, "schema", schema_json(info));
  jset(o, "updated_at", iso_time(t->updated_at));
  jset_int(o, "rows_counted", info.rows);
  jset_int(o, "table_size", info.size_bytes);
  jset(o, "map_id", t->map_id);
  jset(o, "description", t->description);
  Json gt = json_parse(t->geometry_types);
  jset(o, "geometry_types", gt ? std::move(gt) : json_array());
  VizOptions opt;
  opt.related_tables = true;
  jset(o, "table_visualization", viz_json(app, *canonical, opt, ctx));
  std::vector<VizRec> fully, partially;
  split_dependents(app, t->id, fully, partially);
  Json dep = json_array(), nondep = json_array();
  for (const auto &v : fully) jpush(dep.get(), dependent_summary(app, v, true));
  for (const auto &v : partially) jpush(nondep.get(), dependent_summary(app, v, true));
  jset(o, "dependent_visualizations", std::move(dep));
  jset(o, "non_dependent_visualizations", std::move(nondep));
  jset(o, "synchronization", sync_json(app, t->synchronization_id));
  send_json(res, 200, j.get());
}

}  // namespace

void register_table_routes(Services &app, httplib::Server &svr) {
  svr.Get(api_route("v1/tables/([^/]+)"),
          [&app](const httplib::Request &q, httplib::Response &s) { show_table(app, q, s); });
}

}  // namespace cis
