// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/**
 * 429: too many requests, or all import slots in use ({@code ERATELIMIT}). {@link
 * #getRetryAfter} says how long to wait, when the server said it.
 */
public class RateLimitException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected RateLimitException(Details details) {
    super(details);
  }

  /** The Carto-Rate-Limit-Limit header; -1 when absent. */
  public long getLimit() {
    return rateLimit(0);
  }

  /** The Carto-Rate-Limit-Remaining header; -1 when absent. */
  public long getRemaining() {
    return rateLimit(1);
  }

  /** The Carto-Rate-Limit-Reset header, in seconds; -1 when absent. */
  public long getReset() {
    return rateLimit(2);
  }
}
