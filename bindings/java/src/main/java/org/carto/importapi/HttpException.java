// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** The server answered with an unexpected HTTP status (codes -20 to -29; see {@link #getHttpStatus}). */
public class HttpException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected HttpException(Details details) {
    super(details);
  }
}
