package org.carto.importapi;

/** 5xx: the server failed ({@code ESERVER}). */
public class ServerException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected ServerException(Details details) {
    super(details);
  }
}
