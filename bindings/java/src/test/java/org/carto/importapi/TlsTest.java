// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against carto-import-server --tls-cert (with_server.py --tls makes a throwaway CA). */
class TlsTest {
  private static Client client(String caBundle, boolean verify) {
    try (Options options = new Options()) {
      options.setBaseUrl(Servers.env("CARTO_API_URL"));
      options.setApiKey(Servers.env("CARTO_API_KEY"));
      options.setPollIntervalMs(20, 200);
      options.setVerifyTls(verify);
      if (caBundle != null) {
        options.setCaBundle(caBundle);
      }
      return new Client(options);
    }
  }

  @Test
  void unknownCaIsTlsException() {
    Servers.env("CARTO_CA_BUNDLE");
    try (Client client = client(null, true)) {
      TlsException e = assertThrows(TlsException.class, client::verify);
      assertEquals(CartoImport.ETLS, e.getCode());
      assertInstanceOf(NetworkException.class, e);
      assertTrue(e.getMessage().contains("unable to get local issuer certificate"), e.getMessage());
      assertFalse(e.getMessage().contains(Servers.env("CARTO_API_KEY")), e.getMessage());
    }
  }

  @Test
  void caBundleImports(@TempDir Path tmp) throws Exception {
    try (Client client = client(Servers.env("CARTO_CA_BUNDLE"), true)) {
      client.verify();
      try (DatasetList list = client.importDataset(Servers.sampleCsv(tmp).toString(), null, 60000,
               null)) {
        assertEquals(1, list.size());
      }
    }
  }

  @Test
  void verifyTlsOffConnects() {
    Servers.env("CARTO_CA_BUNDLE");
    try (Client client = client(null, false)) {
      client.verify();
    }
  }
}
