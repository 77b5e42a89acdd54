/* carto-import: import data into CARTO; manage datasets, import jobs and sync tables. */
#include "cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
