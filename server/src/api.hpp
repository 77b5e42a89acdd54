// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Route registration of each API area.
#pragma once

namespace httplib {
class Server;
}

namespace cis {

class App;

void register_import_routes(App &app, httplib::Server &svr);  // api_imports.cpp (§2, §3)
void register_viz_routes(App &app, httplib::Server &svr);     // api_viz.cpp (§5.1-5.4)
void register_table_routes(App &app, httplib::Server &svr);   // api_tables.cpp (§5.5)
void register_sync_routes(App &app, httplib::Server &svr);    // api_syncs.cpp (§4)

}  // namespace cis
