// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** 401: a wrong API key, or not the account's master key ({@code EAUTH}). */
public class AuthException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected AuthException(Details details) {
    super(details);
  }
}
