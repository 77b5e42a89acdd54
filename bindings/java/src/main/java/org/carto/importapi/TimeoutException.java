// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** A timeout, a stalled transfer, or the caller's deadline; the remote job goes on ({@code ETIMEDOUT}). */
public class TimeoutException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected TimeoutException(Details details) {
    super(details);
  }
}
