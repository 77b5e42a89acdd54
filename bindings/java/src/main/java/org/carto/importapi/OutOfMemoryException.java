// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** The library ran out of memory ({@code ENOMEM}). */
public class OutOfMemoryException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected OutOfMemoryException(Details details) {
    super(details);
  }
}
