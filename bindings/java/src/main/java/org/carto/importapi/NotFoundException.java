// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** 404: no such job, dataset, table or sync table ({@code ENOTFOUND}). */
public class NotFoundException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected NotFoundException(Details details) {
    super(details);
  }
}
