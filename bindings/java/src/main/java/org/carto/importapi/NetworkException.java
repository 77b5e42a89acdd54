// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** DNS, connection or transfer failure (codes -10 to -19). */
public class NetworkException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected NetworkException(Details details) {
    super(details);
  }
}
