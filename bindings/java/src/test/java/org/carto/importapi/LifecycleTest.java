// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** AutoCloseable, idempotent close, closed objects throw, the Cleaner. */
class LifecycleTest {
  @Test
  void tryWithResourcesCloses() {
    Client outside;
    try (Client client = Servers.client()) {
      outside = client;
      assertFalse(client.isClosed());
      client.verify();
    }
    assertTrue(outside.isClosed());
    InvalidHandleException e = assertThrows(InvalidHandleException.class, outside::verify);
    assertEquals("this Client is closed", e.getMessage());
    assertEquals(CartoImport.EBADHANDLE, e.getCode());
    assertThrows(InvalidHandleException.class, outside::username);
  }

  @Test
  void closeTwice() {
    Options options = new Options();
    options.close();
    assertDoesNotThrow(options::close);
    assertTrue(options.isClosed());
    assertThrows(InvalidHandleException.class, () -> options.setApiKey("k"));
    // A closed object as an argument throws too (null means "none").
    assertThrows(InvalidHandleException.class, () -> new Client(options));
    Params params = new Params();
    params.close();
    params.close();
    try (Client client = Servers.client()) {
      assertThrows(InvalidHandleException.class, () -> client.importFile("x.csv", params));
    }
  }

  @Test
  void objectsOutliveTheirParents() {
    Client client = Servers.client();
    StringList jobs = client.importJobs();
    client.close();
    assertTrue(jobs.size() >= 0);
    jobs.close();
  }

  @Test
  void unclosedObjectsAreCleaned() throws Exception {
    for (int i = 0; i < 2000; i++) {
      Params params = new Params();
      params.setTypeGuessing(i % 2 == 0);
    }
    System.gc();
    Thread.sleep(100);
    long num = CartoImport.versionNum();
    assertEquals((num >> 16) + "." + ((num >> 8) & 0xff) + "." + (num & 0xff),
                 CartoImport.version().substring(0, 5));
    assertTrue(num >= 0x000200);
  }
}
