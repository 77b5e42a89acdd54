/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto-import: import data into CARTO; manage datasets, import jobs and sync tables. */
#include "cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
