/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Prints the man page of carto-import, from the same tables as its --help. */
#include "cli.h"

int main(void) {
  cli_man_page(stdout, CARTO_IMPORT_CLI_VERSION);
  return 0;
}
