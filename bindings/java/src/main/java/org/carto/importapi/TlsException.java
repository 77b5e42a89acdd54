// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** TLS handshake or certificate verification failed ({@code ETLS}). */
public class TlsException extends NetworkException {
  private static final long serialVersionUID = 1L;

  protected TlsException(Details details) {
    super(details);
  }
}
