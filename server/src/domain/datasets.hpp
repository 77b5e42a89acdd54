// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Datasets (user table + canonical "table" visualization) and derived maps: creation after an
// import, renaming, deletion with their dependents, and the JSON presenters of PROTOCOL.md §5.
#pragma once

#include <string>
#include <vector>

#include "common/json.hpp"
#include "meta/store.hpp"

namespace cis {

class Services;
struct TableInfo;

// ---- domain operations (each runs in one metadata transaction) ----
// A new dataset for a table the engine just created. `privacy` is upper-case.
TableRec create_dataset(Services &app, const std::string &user, const TableInfo &info,
                        const std::string &privacy, const OptStr &sync_id = std::nullopt);
// Refreshes the cached size/rows/geometry of an existing dataset (overwrite, syncs).
void refresh_dataset(Services &app, TableRec &table, const TableInfo &info);
// A derived map over `table_ids` (in order).
VizRec create_map(Services &app, const std::string &user, const std::string &name,
                  const std::vector<std::string> &table_ids, const std::string &privacy);
// Deletes a visualization. For a dataset: its table (metadata and data), its synchronization
// and the maps depending only on it. Throws std::runtime_error on engine failures.
void delete_visualization(Services &app, const VizRec &viz);
// Renames a dataset and its table to a valid, unused name; returns the final name.
std::string rename_dataset(Services &app, VizRec &viz, const std::string &wanted);

// Derived maps using the table: all of them, or split in fully / partially dependent.
std::vector<VizRec> maps_using(Services &app, const std::string &table_id);
void split_dependents(Services &app, const std::string &table_id, std::vector<VizRec> &fully,
                      std::vector<VizRec> &partially);

// ---- lookups ----
// By uuid, or by name ("schema.name" allowed) among `user`'s visualizations (datasets first).
std::optional<VizRec> find_viz(Services &app, const std::string &user, const std::string &id_or_name);
std::optional<TableRec> find_table_ref(Services &app, const std::string &user, const std::string &id_or_name);

// ---- presenters ----
struct ViewCtx {
  std::string base_url;  // account base URL, ending in '/'
  bool owner = false;
};

struct VizOptions {
  bool related_tables = false;
  int dependents = 0;  // > 0: dependent_visualizations_count + up to N dependents
  bool liked = true, permission = true, table = true, synchronization = true;
  bool uses_builder_features = true, table_size_and_row_count = true, auth_tokens = true;
};

Json viz_json(Services &app, const VizRec &viz, const VizOptions &opt, const ViewCtx &ctx);
Json table_block(Services &app, const TableRec &t, const VizRec &canonical, const ViewCtx &ctx,
                 bool size_and_rows = true);
Json permission_json(Services &app, const VizRec &viz);
// {id,name,updated_at,permission,auth_tokens}; auth_tokens only for the owner.
Json dependent_summary(Services &app, const VizRec &viz, bool owner);
// Whether a viewer may learn that the visualization exists: the owner, or anybody for a PUBLIC one
// (a LINK item is for those who hold its link, a PRIVATE one for its owner).
bool visible_to(const VizRec &viz, const ViewCtx &ctx);
Json sync_json(Services &app, const OptStr &sync_id);       // null when absent
Json sync_json(Services &app, const SyncRec &s);            // the sync object of §4.6

}  // namespace cis
