package org.carto.importapi;

/** 400 or 422: the server rejected the parameters ({@code EBADREQUEST}). */
public class BadRequestException extends HttpException {
  private static final long serialVersionUID = 1L;

  protected BadRequestException(Details details) {
    super(details);
  }
}
