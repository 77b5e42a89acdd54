// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/** A closed or invalid object was used ({@code EBADHANDLE}). */
public class InvalidHandleException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected InvalidHandleException(Details details) {
    super(details);
  }
}
