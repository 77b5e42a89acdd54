/* Helpers shared by the API tests: C, CMocka, only the public header (and the stub). */
#ifndef CARTO_API_TEST_H
#define CARTO_API_TEST_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carto_import.h"

/* Fails unless the call returns `code`; says what the library said. */
#define assert_status(call, code)                                                             \
  do {                                                                                        \
    const int rc_ = (call);                                                                   \
    if (rc_ != (code))                                                                        \
      fail_msg("%s returned %d (%s), expected %d (%s); last error: %s", #call, rc_,           \
               carto_import_strerror(rc_), (code), carto_import_strerror(code),               \
               carto_import_last_error_message());                                            \
  } while (0)

#define assert_ok(call) assert_status(call, CARTO_IMPORT_OK)

#define assert_contains(hay, needle)                                                          \
  do {                                                                                        \
    const char *h_ = (hay), *n_ = (needle);                                                   \
    if (!h_ || !strstr(h_, n_))                                                               \
      fail_msg("\"%s\" does not contain \"%s\"", h_ ? h_ : "(null)", n_);                     \
  } while (0)

#define assert_not_contains(hay, needle)                                                      \
  do {                                                                                        \
    const char *h_ = (hay), *n_ = (needle);                                                   \
    if (h_ && strstr(h_, n_)) fail_msg("\"%s\" contains \"%s\"", h_, n_);                     \
  } while (0)

/* Milliseconds on a monotonic clock. */
static inline double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Generous upper bounds grow under valgrind, which runs everything 20-50 times slower. */
static inline double time_scale(void) {
  return getenv("CARTO_IMPORT_TEST_UNDER_VALGRIND") ? 10.0 : 1.0;
}

#endif /* CARTO_API_TEST_H */
