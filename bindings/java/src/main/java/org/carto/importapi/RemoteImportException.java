// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** The import or sync failed or got stuck (codes -40 to -49); {@link #getRemoteCode} is the CARTO error code. */
public class RemoteImportException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected RemoteImportException(Details details) {
    super(details);
  }
}
