// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** A progress listener returned false (codes -50 to -59). */
public class CancelledException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected CancelledException(Details details) {
    super(details);
  }
}
