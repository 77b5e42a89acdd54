// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

/**
 * Told about the progress of an upload or a wait, on the calling thread, at every poll and at
 * least every 100 ms.
 *
 * <p>Return false to cancel: the call then throws {@link CancelledException}. An exception
 * thrown by the listener cancels too, and the call re-throws that exception as is.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param state a {@code CartoImport.STATE_*} value
   * @param done bytes sent so far (while sending), else -1
   * @param total bytes to send (while sending), else -1
   * @return true to go on, false to cancel
   */
  boolean onProgress(int state, long done, long total);
}
