// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The retry schedule: exact ceilings and delays, the cap, the Retry-After cap, no overflow.
#include "core/backoff.hpp"

#include <climits>

#include "unit.hpp"

using carto::backoff_ceiling_ms;
using carto::backoff_delay_ms;
using carto::RetryPolicy;

namespace {

void test_defaults(void **) {
  RetryPolicy p;
  assert_int_equal(p.max_attempts, 3);
  assert_int_equal(p.base_backoff_ms, 500);
  assert_int_equal(p.max_backoff_ms, 30000);
}

void test_ceiling(void **) {
  const RetryPolicy p{3, 500, 30000};
  const long expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
  for (int retry = 1; retry <= 9; ++retry)
    assert_int_equal(backoff_ceiling_ms(p, retry), expected[retry - 1]);
  assert_int_equal(backoff_ceiling_ms(p, 1000), 30000);
  assert_int_equal(backoff_ceiling_ms(p, 0), 500);  // "before the first retry" = base

  const RetryPolicy small{3, 1, 10};
  const long small_expected[] = {1, 2, 4, 8, 10, 10};
  for (int retry = 1; retry <= 6; ++retry)
    assert_int_equal(backoff_ceiling_ms(small, retry), small_expected[retry - 1]);

  const RetryPolicy odd{3, 300, 1000};
  assert_int_equal(backoff_ceiling_ms(odd, 1), 300);
  assert_int_equal(backoff_ceiling_ms(odd, 2), 600);
  assert_int_equal(backoff_ceiling_ms(odd, 3), 1000);

  const RetryPolicy flat{3, 100, 100};
  for (int retry = 1; retry <= 5; ++retry) assert_int_equal(backoff_ceiling_ms(flat, retry), 100);
}

void test_ceiling_never_overflows(void **) {
  // set_retry accepts any max_backoff_ms >= base_backoff_ms: doubling must stop at the cap.
  const RetryPolicy huge{20, LONG_MAX / 2 + 1, LONG_MAX};
  assert_int_equal(backoff_ceiling_ms(huge, 1), LONG_MAX / 2 + 1);
  assert_int_equal(backoff_ceiling_ms(huge, 2), LONG_MAX);
  assert_int_equal(backoff_ceiling_ms(huge, 20), LONG_MAX);
  const RetryPolicy wide{20, 1, LONG_MAX};
  for (int retry = 1; retry <= 200; ++retry) {
    const long c = backoff_ceiling_ms(wide, retry);
    if (c <= 0) fail_msg("retry %d: ceiling %ld", retry, c);
  }
  assert_int_equal(backoff_ceiling_ms(wide, 200), LONG_MAX);
}

void test_full_jitter(void **) {
  const RetryPolicy p{3, 500, 30000};
  assert_int_equal(backoff_delay_ms(p, 1, -1, 0.0), 0);
  assert_int_equal(backoff_delay_ms(p, 1, -1, 0.5), 250);
  assert_int_equal(backoff_delay_ms(p, 2, -1, 0.5), 500);
  assert_int_equal(backoff_delay_ms(p, 3, -1, 0.25), 500);
  assert_int_equal(backoff_delay_ms(p, 3, -1, 0.999999), 1999);
  assert_int_equal(backoff_delay_ms(p, 10, -1, 0.5), 15000);
  // u outside [0, 1) is clamped: never negative, never the full ceiling.
  assert_int_equal(backoff_delay_ms(p, 1, -1, -3.0), 0);
  assert_true(backoff_delay_ms(p, 1, -1, 1.0) < 500);
  assert_true(backoff_delay_ms(p, 1, -1, 7.0) < 500);
}

void test_retry_after(void **) {
  const RetryPolicy p{3, 500, 30000};
  // The server's Retry-After replaces the jitter...
  assert_int_equal(backoff_delay_ms(p, 1, 0, 0.9), 0);
  assert_int_equal(backoff_delay_ms(p, 1, 5, 0.0), 5000);
  assert_int_equal(backoff_delay_ms(p, 3, 30, 0.0), 30000);
  // ...capped at max_backoff_ms.
  assert_int_equal(backoff_delay_ms(p, 1, 31, 0.0), 30000);
  assert_int_equal(backoff_delay_ms(p, 1, 3600, 0.0), 30000);
  assert_int_equal(backoff_delay_ms(p, 1, 999999999, 0.0), 30000);
  assert_int_equal(backoff_delay_ms(p, 1, LONG_MAX, 0.0), 30000);

  const RetryPolicy odd{3, 100, 1500};
  assert_int_equal(backoff_delay_ms(odd, 1, 1, 0.0), 1000);
  assert_int_equal(backoff_delay_ms(odd, 1, 2, 0.0), 1500);

  const RetryPolicy tiny{3, 1, 10};
  assert_int_equal(backoff_delay_ms(tiny, 1, 0, 0.0), 0);
  assert_int_equal(backoff_delay_ms(tiny, 1, 1, 0.0), 10);
  assert_int_equal(backoff_delay_ms(tiny, 1, 30, 0.0), 10);
}

void test_jitter_uniform(void **) {
  double lo = 1, hi = 0;
  for (int i = 0; i < 2000; ++i) {
    const double u = carto::jitter_uniform();
    if (u < 0 || u >= 1) fail_msg("jitter_uniform() = %f", u);
    lo = u < lo ? u : lo;
    hi = u > hi ? u : hi;
  }
  // 2000 uniform draws: spread over most of [0, 1) (fails only for a broken generator).
  assert_true(lo < 0.1);
  assert_true(hi > 0.9);
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_defaults),
      cmocka_unit_test(test_ceiling),
      cmocka_unit_test(test_ceiling_never_overflows),
      cmocka_unit_test(test_full_jitter),
      cmocka_unit_test(test_retry_after),
      cmocka_unit_test(test_jitter_uniform),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
