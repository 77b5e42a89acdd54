// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The JSON shapes of the replies (PROTOCOL.md §2.2, §4.6, §5): presenters of the records the
// domain layer keeps, apart from the operations on them.
#pragma once
#include <string>

#include "common/json.hpp"
#include "meta/store.hpp"

namespace cis {

class Services;

// GET /api/v1/imports/:id (§2.2), with our table_names extension for a complete job.
Json import_json(const ImportRec &r);

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
