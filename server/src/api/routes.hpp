// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Route registration of each API area.
#pragma once

namespace httplib {
class Server;
}

namespace cis {

class Services;

void register_import_routes(Services &app, httplib::Server &svr);  // imports.cpp (§2, §3)
void register_viz_routes(Services &app, httplib::Server &svr);     // viz.cpp (§5.1-5.4)
void register_table_routes(Services &app, httplib::Server &svr);   // tables.cpp (§5.5)
void register_sync_routes(Services &app, httplib::Server &svr);    // syncs.cpp (§4)

}  // namespace cis
