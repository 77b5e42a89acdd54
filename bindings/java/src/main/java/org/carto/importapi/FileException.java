package org.carto.importapi;

/** A local file could not be opened or read ({@code EIO}). */
public class FileException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected FileException(Details details) {
    super(details);
  }
}
