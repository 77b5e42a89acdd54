// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** 5xx: the server failed ({@code ESERVER}). */
public class ServerException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected ServerException(Details details) {
    super(details);
  }
}
