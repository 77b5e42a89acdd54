// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A key and a password run through every failure path: never in the message, toString, the
 *  stack trace or any field of the exception. */
class SecretsTest {
  static final String PASSWORD = "Pw-8u7y-SECRET-java";
  static final String BAD_KEY = "K3y-java-NOT-THE-KEY-33";
  static final String CONNECTOR = "  {\"provider\":\"postgres\",\"connection\":{\"server\":"
      + "\"127.0.0.1\",\"port\":1,\"username\":\"u\",\"password\":\"" + PASSWORD + "\","
      + "\"database\":\"d\"},\"table\":\"t\"}";

  static void importing(String source) {
    try (Client client = Servers.client()) {
      client.importDataset(source, null, 60000, null).close();
    }
  }

  @Test
  void noSecretInAnyException() {
    String key = Servers.env("CARTO_API_KEY");
    String url = Servers.env("CARTO_API_URL");
    List<Executable> calls = List.of(
        () -> {
          try (Client c = Servers.client(BAD_KEY)) {
            c.verify();
          }
        },
        () -> Client.open(url.replace("http://", "http://u:" + PASSWORD + "@"), key).close(),
        () -> importing("gopher://u:" + PASSWORD + "@h/x"),
        () -> importing("ftp://u:" + PASSWORD + "@127.0.0.1:1/x.csv"),
        () -> importing("http://127.0.0.1:1/x.csv?api_key=" + key + "&password=" + PASSWORD),
        () -> importing(CONNECTOR),
        () -> importing("  {\"password\":\"" + PASSWORD + "\""),
        () -> {
          try (Client c = Servers.client()) {
            c.importSyncDataset(CONNECTOR, 900, null, 60000, null).close();
          }
        });
    for (Executable call : calls) {
      CartoImportException e = assertThrows(CartoImportException.class, call);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      for (String text : new String[] {e.getMessage(), e.toString(), trace.toString(),
               String.valueOf(e.getTitle()), String.valueOf(e.getExplanation()),
               String.valueOf(e.getSource())}) {
        for (String secret : new String[] {key, PASSWORD, BAD_KEY}) {
          assertFalse(text.contains(secret), secret + " in " + text);
        }
      }
    }
  }
}
