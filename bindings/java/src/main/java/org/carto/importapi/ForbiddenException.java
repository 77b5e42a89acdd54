// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** 403: the key may not do this ({@code EFORBIDDEN}). */
public class ForbiddenException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected ForbiddenException(Details details) {
    super(details);
  }
}
