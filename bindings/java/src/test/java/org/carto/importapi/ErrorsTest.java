// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one error mapping, as Java sees it. */
class ErrorsTest {
  @Test
  void badKeyIsAuthException() {
    try (Client client = Servers.client("not-the-key")) {
      AuthException e = assertThrows(AuthException.class, client::verify);
      assertEquals(401, e.getHttpStatus());
      assertEquals(CartoImport.EAUTH, e.getCode());
      assertInstanceOf(HttpException.class, e);
      assertFalse(e.getMessage().contains("not-the-key"), e.getMessage());
    }
  }

  @Test
  void failedImportIsRemoteImportException(@TempDir Path tmp) throws Exception {
    Path notes = tmp.resolve("notes.xyz");
    Files.writeString(notes, "not a geo file\n");
    try (Client client = Servers.client()) {
      RemoteImportException e = assertThrows(RemoteImportException.class,
          () -> client.importDataset(notes.toString(), null, 60000, null));
      assertEquals(1002, e.getRemoteCode());
      assertEquals(CartoImport.EREMOTE, e.getCode());
      assertNotNull(e.getTitle());
      assertEquals("user", e.getSource());
      assertTrue(e.toString().contains("1002"), e.toString());

      try (ImportJob job = client.importFile(notes.toString(), null)) {
        job.run(null);
        assertThrows(RemoteImportException.class, () -> job.await(60000, null));
        assertEquals(1002, job.getErrorCode());
        assertEquals(CartoImport.STATE_FAILURE, job.state());
      }
    }
  }

  @Test
  void localFailures() {
    try (Options options = new Options()) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> options.setBaseUrl("ftp://x/"));
      assertEquals(CartoImport.EINVAL, e.getCode());
      assertEquals(0, e.getHttpStatus());
      assertEquals(-1, e.getRetryAfter());
    }
    try (Client client = Servers.client()) {
      FileException e = assertThrows(FileException.class,
          () -> client.importDataset("/no/such/file.csv", null, 1000, null));
      assertEquals(CartoImport.EIO, e.getCode());
      assertThrows(InvalidArgumentException.class, () -> client.attach("no-such-job"));
      assertThrows(NotFoundException.class, () -> client.attach("00000000-0000-4000-8000-000000000000"));
    }
  }

  @Test
  void listenerCancels(@TempDir Path tmp) throws Exception {
    Path csv = Servers.sampleCsv(tmp);
    try (Client client = Servers.client()) {
      CancelledException cancelled = assertThrows(CancelledException.class,
          () -> client.importDataset(csv.toString(), null, 60000, (state, done, total) -> false));
      assertEquals(CartoImport.ECANCELED, cancelled.getCode());

      // An exception thrown by the listener cancels, and comes back as is.
      IllegalStateException mine = new IllegalStateException("stop here");
      int[] calls = {0};
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> client.importDataset(csv.toString(), null, 60000, (state, done, total) -> {
            calls[0]++;
            throw mine;
          }));
      assertSame(mine, thrown);
      assertEquals(1, calls[0], "the listener is not called again once it threw");
    }
  }

  /** Every status code maps to a class of this package, named and placed as the shared table
   *  says; codes the header may append later fall into their range's class. */
  @Test
  void everyCodeHasItsClass() throws Exception {
    for (int code = -1; code >= -99; code--) {
      String stem = CartoImport.errorClassName(code);
      String parent = CartoImport.errorClassParent(code);
      Class<?> cls = Class.forName("org.carto.importapi." + (stem.isEmpty() ? "CartoImport" : stem)
          + "Exception");
      Class<?> sup = stem.isEmpty() ? RuntimeException.class
          : Class.forName("org.carto.importapi." + (parent.isEmpty() ? "CartoImport" : parent)
              + "Exception");
      assertSame(sup, cls.getSuperclass(), "code " + code);
      assertNotNull(cls.getDeclaredConstructor(CartoImportException.Details.class), "code " + code);
    }
    assertEquals("RateLimit", CartoImport.errorClassName(CartoImport.ERATELIMIT));
    assertEquals("Http", CartoImport.errorClassName(-27));
    assertEquals("RemoteImport", CartoImport.errorClassName(-45));
    assertEquals("", CartoImport.errorClassName(-70));
  }
}
