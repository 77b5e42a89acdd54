// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/backoff.hpp"

#include <random>

namespace carto {

long backoff_ceiling_ms(const RetryPolicy &p, int retry) noexcept {
  long ceiling = p.base_backoff_ms;
  for (int i = 1; i < retry && ceiling < p.max_backoff_ms; ++i)  // doubling never overflows
    ceiling = ceiling > p.max_backoff_ms / 2 ? p.max_backoff_ms : ceiling * 2;
  return ceiling < p.max_backoff_ms ? ceiling : p.max_backoff_ms;
}

long backoff_delay_ms(const RetryPolicy &p, int retry, long retry_after_s, double u) noexcept {
  if (retry_after_s >= 0) {
    const long ms = retry_after_s > p.max_backoff_ms / 1000 ? p.max_backoff_ms
                                                            : retry_after_s * 1000;
    return ms;
  }
  if (u < 0) u = 0;
  if (u >= 1) u = 0.999999;
  return static_cast<long>(u * static_cast<double>(backoff_ceiling_ms(p, retry)));
}

double jitter_uniform() noexcept {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

}  // namespace carto
