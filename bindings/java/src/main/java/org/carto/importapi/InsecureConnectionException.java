// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** Refused to send the API key over plain http ({@code EINSECURE}; see {@link Options#setAllowInsecureHttp}). */
public class InsecureConnectionException extends InvalidArgumentException {
  private static final long serialVersionUID = 1L;

  protected InsecureConnectionException(Details details) {
    super(details);
  }
}
