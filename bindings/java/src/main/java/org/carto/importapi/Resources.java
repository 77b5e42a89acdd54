// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import java.lang.ref.Cleaner;
import java.time.Duration;

/** What the generated classes share: the Cleaner that frees objects never closed. */
final class Resources {
  /** One daemon thread for the whole binding. */
  static final Cleaner CLEANER = Cleaner.create();

  private Resources() {}

  /** A timeout for the C API: milliseconds, 0 for none (null). */
  static long millis(Duration timeout) {
    if (timeout == null) {
      return 0;
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive or null: " + timeout);
    }
    return Math.max(1, timeout.toMillis());
  }
}
