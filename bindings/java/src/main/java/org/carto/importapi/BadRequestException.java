// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** 400 or 422: the server rejected the parameters ({@code EBADREQUEST}). */
public class BadRequestException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected BadRequestException(Details details) {
    super(details);
  }
}
