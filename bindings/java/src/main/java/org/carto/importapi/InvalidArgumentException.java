// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** An invalid argument: null, out of range, a malformed URL ({@code EINVAL}). */
public class InvalidArgumentException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected InvalidArgumentException(Details details) {
    super(details);
  }
}
