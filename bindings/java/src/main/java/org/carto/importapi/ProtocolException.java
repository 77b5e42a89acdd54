// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** The reply is not what the CARTO protocol specifies (codes -30 to -39). */
public class ProtocolException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected ProtocolException(Details details) {
    super(details);
  }
}
