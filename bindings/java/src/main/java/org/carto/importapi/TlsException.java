package org.carto.importapi;

/** TLS handshake or certificate verification failed ({@code ETLS}). */
public class TlsException extends NetworkException {
  private static final long serialVersionUID = 1L;

  protected TlsException(Details details) {
    super(details);
  }
}
