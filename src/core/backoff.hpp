// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// When to retry and how long to wait (PEERS §3: exponential backoff with full jitter, a capped
// Retry-After). Pure functions, so the schedule is unit-tested without sleeping.
#pragma once

namespace carto {

struct RetryPolicy {
  int max_attempts = 3;          // attempts in all, 1 = no retry
  long base_backoff_ms = 500;
  long max_backoff_ms = 30000;
};

// The ceiling of the wait before retry number `retry` (1 = the first retry):
// min(max_backoff_ms, base_backoff_ms * 2^(retry-1)).
long backoff_ceiling_ms(const RetryPolicy &p, int retry) noexcept;

// The wait before retry number `retry`, given a uniform random number u in [0, 1):
// the server's Retry-After (seconds, -1 = none) capped at max_backoff_ms when it sent one,
// else u * backoff_ceiling_ms ("full jitter").
long backoff_delay_ms(const RetryPolicy &p, int retry, long retry_after_s, double u) noexcept;

// A uniform random number in [0, 1) from a per-thread generator.
double jitter_uniform() noexcept;

}  // namespace carto
