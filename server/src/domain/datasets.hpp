// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Datasets (user table + canonical "table" visualization) and derived maps: creation after an
// import, renaming, deletion with their dependents (their JSON shapes: api/presenters.hpp).
#pragma once

#include <string>
#include <vector>

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

}  // namespace cis
