/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The public header compiles alone as strict C99 (and, from headertest.cpp, as C++). */
#include "carto_import.h"

#include <stdio.h>
#include <string.h>

#if !CARTO_IMPORT_AT_LEAST_VERSION(0, 1, 0)
#error "version macros are wrong"
#endif

int main(void) {
  /* The header's version matches the library it is linked with. */
  if (carto_import_version_num() != CARTO_IMPORT_VERSION_NUM) {
    fprintf(stderr, "header 0x%06x vs library 0x%06x\n", (unsigned)CARTO_IMPORT_VERSION_NUM,
            carto_import_version_num());
    return 1;
  }
  if (strcmp(carto_import_strerror(CARTO_IMPORT_OK), "success") != 0) return 1;
  {
    /* The callback's function type and pointer type are the same type; enum-typed returns
     * convert to int as before (0.2). */
    carto_import_progress_fn *fn = (carto_import_progress_cb)0;
    carto_import_progress_cb cb = fn;
    int state = carto_import_job_state(NULL);
    if (cb || state != CARTO_IMPORT_STATE_UNKNOWN) return 1;
  }
  printf("headertest: libcarto_import %s\n", carto_import_version());
  return 0;
}
