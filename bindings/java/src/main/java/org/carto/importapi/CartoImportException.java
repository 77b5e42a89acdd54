// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/**
 * A failure of libcarto_import: the root of every exception the binding throws.
 *
 * <p>The class is chosen by the status code, with the mapping shared by every binding
 * ({@code carto_import_error_class_of} in bindings/carto_import.i): {@link AuthException} for a
 * 401, {@link NotFoundException} for a 404, {@link RemoteImportException} for a failed import...
 * The fields come from the library's last-error record of the failing call. The API key never
 * appears in a message.
 */
public class CartoImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The fields of an exception, as the JNI layer gathers them. */
  public static final class Details implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int code;
    final String message;
    final int httpStatus;
    final int remoteCode;
    final String title;
    final String explanation;
    final String source;
    final long retryAfter;
    final long limit;
    final long remaining;
    final long reset;
    final String jobId;

    Details(int code, String message, int httpStatus, int remoteCode, String title,
            String explanation, String source, long retryAfter, long limit, long remaining,
            long reset, String jobId) {
      this.code = code;
      this.message = message == null ? "" : message;
      this.httpStatus = httpStatus;
      this.remoteCode = remoteCode;
      this.title = title;
      this.explanation = explanation;
      this.source = source;
      this.retryAfter = retryAfter;
      this.limit = limit;
      this.remaining = remaining;
      this.reset = reset;
      this.jobId = jobId;
    }
  }

  private final Details details;

  protected CartoImportException(Details details) {
    super(details.message);
    this.details = details;
  }

  /** A closed object was used (thrown on the Java side, before any native call). */
  static CartoImportException closed(String what) {
    return new InvalidHandleException(new Details(CartoImport.EBADHANDLE,
        "this " + what + " is closed", 0, 0, null, null, null, -1, -1, -1, -1, null));
  }

  /** The library's status code: a negative {@code CartoImport.E*} value. */
  public int getCode() {
    return details.code;
  }

  /** The HTTP status of the reply behind the failure; 0 when there was none. */
  public int getHttpStatus() {
    return details.httpStatus;
  }

  /** The CARTO error code (e.g. 1002, 6671); 0 when there is none. */
  public int getRemoteCode() {
    return details.remoteCode;
  }

  /** The server's title for the CARTO error code, or null. */
  public String getTitle() {
    return details.title;
  }

  /** The server's explanation for the CARTO error code (or its error text), or null. */
  public String getExplanation() {
    return details.explanation;
  }

  /** Who the server blames: "user", "cartodb", "external", or null. */
  public String getSource() {
    return details.source;
  }

  /** Seconds the server asked to wait (Retry-After); -1 when it sent none. */
  public long getRetryAfter() {
    return details.retryAfter;
  }

  /** The id of the import job the failure concerns (e.g. one the server created although
   *  the cancel came too late), or null. */
  public String getJobId() {
    return details.jobId;
  }

  long rateLimit(int which) {
    return which == 0 ? details.limit : which == 1 ? details.remaining : details.reset;
  }

  @Override
  public String toString() {
    String text = getClass().getName() + ": " + getMessage();
    if (details.remoteCode != 0 && !getMessage().contains(Integer.toString(details.remoteCode))) {
      text += " (CARTO error " + details.remoteCode
          + (details.title != null ? ": " + details.title : "") + ")";
    }
    return text;
  }
}
