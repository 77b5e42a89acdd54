// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** A bug in libcarto_import; please report it ({@code EINTERNAL}). */
public class InternalException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected InternalException(Details details) {
    super(details);
  }
}
