// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/datasets.hpp"

#include <algorithm>
#include <stdexcept>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "domain/services.hpp"
#include "importer/importer.hpp"

namespace cis {

namespace {
VizRec new_viz(const std::string &user, const std::string &name, const std::string &type,
               const std::string &privacy) {
  VizRec v;
  v.id = new_uuid();
  v.user = user;
  v.name = name;
  v.type = type;
  v.privacy = privacy;
  v.map_id = new_uuid();
  v.active_layer_id = new_uuid();
  v.permission_id = new_uuid();
  v.auth_token = random_hex(20);
  v.created_at = v.updated_at = now_epoch();
  return v;
}
}  // namespace

TableRec create_dataset(Services &app, const std::string &user, const TableInfo &info,
                        const std::string &privacy, const OptStr &sync_id) {
  TableRec t;
  t.id = new_uuid();
  t.user = user;
  t.name = info.name;
  t.privacy = privacy;
  t.synchronization_id = sync_id;
  t.rows = info.rows;
  t.size = info.size_bytes;
  t.geometry_types = jstring_list_dump(info.geometry_types);
  t.created_at = t.updated_at = now_epoch();
  VizRec v = new_viz(user, info.name, "table", privacy);
  v.table_id = t.id;
  t.visualization_id = v.id;
  t.map_id = v.map_id;
  app.store().transaction([&] {
    // A stale row with the same name (e.g. the table was replaced by an overwrite) goes first.
    if (auto old = app.store().find_table(user, t.name)) {
      app.store().delete_viz(old->visualization_id);
      app.store().delete_table(old->id);
    }
    app.store().put_table(t);
    app.store().put_viz(v);
  });
  return t;
}

void refresh_dataset(Services &app, TableRec &table, const TableInfo &info) {
  table.rows = info.rows;
  table.size = info.size_bytes;
  table.geometry_types = jstring_list_dump(info.geometry_types);
  table.updated_at = now_epoch();
  app.store().transaction([&] {
    app.store().put_table(table);
    if (auto v = app.store().get_viz(table.visualization_id)) {
      v->updated_at = table.updated_at;
      app.store().put_viz(*v);
    }
  });
}

VizRec create_map(Services &app, const std::string &user, const std::string &name,
                  const std::vector<std::string> &table_ids, const std::string &privacy) {
  VizRec v = new_viz(user, name, "derived", privacy);
  app.store().transaction([&] {
    app.store().put_viz(v);
    app.store().set_viz_tables(v.id, table_ids);
  });
  return v;
}

std::vector<VizRec> maps_using(Services &app, const std::string &table_id) {
  std::vector<VizRec> out;
  for (const auto &id : app.store().viz_using_table(table_id)) {
    if (auto v = app.store().get_viz(id)) out.push_back(*v);
  }
  std::sort(out.begin(), out.end(),
            [](const VizRec &a, const VizRec &b) { return a.updated_at > b.updated_at; });
  return out;
}

void split_dependents(Services &app, const std::string &table_id, std::vector<VizRec> &fully,
                      std::vector<VizRec> &partially) {
  for (auto &v : maps_using(app, table_id)) {
    auto tables = app.store().viz_tables(v.id);
    bool only = std::all_of(tables.begin(), tables.end(),
                            [&](const std::string &t) { return t == table_id; });
    (only ? fully : partially).push_back(v);
  }
}

void delete_visualization(Services &app, const VizRec &viz) {
  if (viz.type != "table" || !viz.table_id) {
    app.store().delete_viz(viz.id);
    return;
  }
  auto table = app.store().get_table(*viz.table_id);
  std::vector<VizRec> fully, partially;
  if (table) split_dependents(app, table->id, fully, partially);
  if (table) app.tables(viz.user).drop(table->name);  // data first: metadata never dangles
  app.store().transaction([&] {
    for (const auto &m : fully) app.store().delete_viz(m.id);
    if (table) {
      app.store().remove_table_from_viz(table->id);
      if (table->synchronization_id) app.store().delete_sync(*table->synchronization_id);
      app.store().delete_table(table->id);
    }
    app.store().delete_viz(viz.id);
  });
}

std::string rename_dataset(Services &app, VizRec &viz, const std::string &wanted) {
  if (viz.type != "table" || !viz.table_id) {
    viz.name = wanted;
    return wanted;
  }
  auto table = app.store().get_table(*viz.table_id);
  if (!table) throw std::runtime_error("the dataset has no table");
  std::string proposed = propose_table_name(wanted);
  if (proposed == table->name) return table->name;
  UserTables &store = app.tables(viz.user);
  std::string name = unique_table_name(proposed, [&](const std::string &n) {
    return n != table->name && (store.exists(n) || app.store().find_table(viz.user, n));
  });
  store.rename(table->name, name);
  table->name = name;
  table->updated_at = now_epoch();
  viz.name = name;
  app.store().put_table(*table);
  return name;
}

namespace {
// A name, "user.name" or "name", as the user's own name; nothing when it names another user.
std::optional<std::string> own_name(const std::string &user, const std::string &ref) {
  auto dot = ref.find('.');
  if (dot == std::string::npos) return ref;
  if (ref.substr(0, dot) != user) return std::nullopt;
  return ref.substr(dot + 1);
}
}  // namespace

std::optional<VizRec> find_viz(Services &app, const std::string &user, const std::string &id_or_name) {
  if (is_uuid(id_or_name)) return app.store().get_viz(id_or_name);
  auto name = own_name(user, id_or_name);
  if (!name) return std::nullopt;
  std::optional<VizRec> found;
  for (auto &v : app.store().viz_of(user)) {
    if (v.name != *name) continue;
    if (v.type == "table") return v;
    if (!found) found = v;
  }
  return found;
}

std::optional<TableRec> find_table_ref(Services &app, const std::string &user, const std::string &id_or_name) {
  if (is_uuid(id_or_name)) {
    auto t = app.store().get_table(id_or_name);
    if (t && t->user == user) return t;
    return std::nullopt;
  }
  auto name = own_name(user, id_or_name);
  if (!name) return std::nullopt;
  return app.store().find_table(user, *name);
}

// ---- presenters ----
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
  jset(o, "state", s.state);
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
