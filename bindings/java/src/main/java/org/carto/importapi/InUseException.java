// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** Refused: the object is in use, e.g. maps depend on the dataset ({@code EINUSE}; see {@link Dataset#forceDelete}). */
public class InUseException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected InUseException(Details details) {
    super(details);
  }
}
