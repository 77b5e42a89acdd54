// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

/** The account of the carto-import-server that tests/support/with_server.py started. */
final class Servers {
  private Servers() {}

  static String env(String name) {
    String value = System.getenv(name);
    assumeTrue(value != null && !value.isEmpty(),
        name + " is not set: run under tests/support/with_server.py");
    return value;
  }

  /** A client of the test account, polling fast. */
  static Client client() {
    return client(env("CARTO_API_KEY"));
  }

  static Client client(String apiKey) {
    try (Options options = new Options()) {
      options.setBaseUrl(env("CARTO_API_URL"));
      options.setApiKey(apiKey);
      options.setPollIntervalMs(20, 200);
      return new Client(options);
    }
  }

  /** A copy of world_cities.csv (10 rows) under a name of its own (its table's name). */
  static Path sampleCsv(Path dir) throws IOException {
    Path samples = Paths.get(env("CARTO_IMPORT_SAMPLES"));
    Path csv = dir.resolve("cities_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        + ".csv");
    Files.copy(samples.resolve("world_cities.csv"), csv);
    return csv;
  }
}
