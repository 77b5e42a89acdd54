package org.carto.importapi;

/** DNS, connection or transfer failure (codes -10 to -19). */
public class NetworkException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected NetworkException(Details details) {
    super(details);
  }
}
