// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
import org.carto.importapi.*;
public class Import {
  public static void main(String[] args) {
    try (Client client = Client.open(System.getenv("CARTO_API_URL"), System.getenv("CARTO_API_KEY"));
         DatasetList datasets = client.importDataset(System.getenv("CARTO_IMPORT_SAMPLES") + "/world_cities.csv", java.time.Duration.ofMinutes(5))) {
      for (Dataset d : datasets.toList()) System.out.println("imported " + d.name() + " " + d.getInt("row_count", -1) + " rows");
    }
    System.out.println("carto_import " + CartoImport.version());
  }
}
