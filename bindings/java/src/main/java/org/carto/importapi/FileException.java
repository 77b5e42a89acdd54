// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** A local file could not be opened or read ({@code EIO}). */
public class FileException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected FileException(Details details) {
    super(details);
  }
}
