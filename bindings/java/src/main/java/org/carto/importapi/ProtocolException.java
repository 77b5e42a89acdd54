package org.carto.importapi;

/** The reply is not what the CARTO protocol specifies (codes -30 to -39). */
public class ProtocolException extends CartoImportException {
  private static final long serialVersionUID = 1L;

  protected ProtocolException(Details details) {
    super(details);
  }
}
