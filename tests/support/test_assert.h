/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* CMocka and the assertions the C tests share (the API tests and the integration tests): C,
 * only the public header. */
#ifndef CARTO_TEST_ASSERT_H
#define CARTO_TEST_ASSERT_H

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

/* What assert_status also does with every failure it sees (a status other than
 * CARTO_IMPORT_OK); a test may define it before including this header. */
#ifndef TEST_ON_ERROR_STATUS
#define TEST_ON_ERROR_STATUS() ((void)0)
#endif

/* Fails unless the call returns `code`; says what the library said. */
#define assert_status(call, code)                                                             \
  do {                                                                                        \
    const int rc_ = (call);                                                                   \
    if (rc_ != (code))                                                                        \
      fail_msg("%s returned %d (%s), expected %d (%s); last error: %s", #call, rc_,           \
               carto_import_strerror(rc_), (code), carto_import_strerror(code),               \
               carto_import_last_error_message());                                            \
    if (rc_ != CARTO_IMPORT_OK) TEST_ON_ERROR_STATUS();                                       \
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

#define assert_str_eq(a, b)                                                                   \
  do {                                                                                        \
    const char *a_ = (a), *b_ = (b);                                                          \
    if (!a_ || !b_ || strcmp(a_, b_) != 0)                                                    \
      fail_msg("%s is \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");  \
  } while (0)

/* The first of the last error's message, remote title, explanation and source that contains
 * `secret`; NULL when none does. Asserts nothing (threads may call it). */
static inline const char *last_error_part_with(const char *secret) {
  const char *parts[] = {carto_import_last_error_message(), carto_import_last_error_remote_title(),
                         carto_import_last_error_remote_explanation(),
                         carto_import_last_error_remote_source()};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; ++i)
    if (parts[i] && strstr(parts[i], secret)) return parts[i];
  return NULL;
}

/* Fails if the last error's message, remote title, explanation or source contain `key` (an API
 * key, or any other secret, must never appear in an error). */
static inline void assert_no_key_in_last_error(const char *key) {
  const char *part = last_error_part_with(key);
  if (part) fail_msg("the secret \"%s\" appears in the last error: \"%s\"", key, part);
}

/* Fails unless the last error carries Carto-Rate-Limit-* headers with these values. */
#define assert_rate_limit(limit, remaining, reset)                                            \
  do {                                                                                        \
    long l_ = 0, r_ = 0, s_ = 0;                                                              \
    assert_int_equal(carto_import_last_error_rate_limit(&l_, &r_, &s_), 1);                   \
    assert_int_equal(l_, (limit));                                                            \
    assert_int_equal(r_, (remaining));                                                        \
    assert_int_equal(s_, (reset));                                                            \
  } while (0)

/* Milliseconds on a monotonic clock. */
/* Options for an account at base_url with key; the caller frees them. */
static inline carto_import_options *options_for(const char *base_url, const char *key) {
  carto_import_options *o = NULL;
  assert_ok(carto_import_options_new(&o));
  assert_ok(carto_import_options_set_base_url(o, base_url));
  assert_ok(carto_import_options_set_api_key(o, key));
  return o;
}

static inline double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* 1 when running under valgrind (the _valgrind twins). */
static inline int under_valgrind(void) { return getenv("CARTO_IMPORT_TEST_UNDER_VALGRIND") != NULL; }

/* 1, or 10 under valgrind (which runs everything 20-50 times slower): multiplies the generous
 * upper bounds on durations. */
static inline double time_scale(void) { return under_valgrind() ? 10.0 : 1.0; }

#endif /* CARTO_TEST_ASSERT_H */
