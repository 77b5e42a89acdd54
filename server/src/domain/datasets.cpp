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

}  // namespace cis
