// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import file, poll, dataset get, sync table create/poll/force sync, delete. */
class FlowTest {
  @Test
  void uploadCompression(@TempDir Path tmp) throws Exception {
    Path csv = Servers.sampleCsv(tmp);
    long size = java.nio.file.Files.size(csv);
    int[] modes = {CartoImport.COMPRESSION_GZIP, CartoImport.COMPRESSION_NONE};
    for (int mode : modes) {
      List<Long> done = new ArrayList<>();
      try (Options options = new Options()) {
        options.setBaseUrl(Servers.env("CARTO_API_URL"));
        options.setApiKey(Servers.env("CARTO_API_KEY"));
        options.setPollIntervalMs(20, 200);
        options.setUploadCompression(mode);
        try (Client client = new Client(options);
            ImportJob job = client.importFile(csv.toString(), null)) {
          assertEquals(CartoImport.COMPRESSION_AUTO, job.uploadCompression());
          job.run((state, bytesDone, total) -> done.add(bytesDone));
          job.await(Duration.ofSeconds(60));
          assertEquals(mode, job.uploadCompression());
          assertEquals(mode == CartoImport.COMPRESSION_GZIP ? csv.getFileName() + ".gz"
              : csv.getFileName().toString(), job.getString("display_name"));
          if (mode == CartoImport.COMPRESSION_GZIP) {
            assertEquals(size, (long) done.get(done.size() - 1)); // the file's bytes
          }
          assertTrue(job.uploadBytesSent() > 0);
          try (DatasetList list = job.datasets(); Dataset dataset = list.get(0)) {
            assertEquals(10, dataset.getInt("row_count", -1));
            dataset.delete();
          }
        }
      }
    }
    try (Options options = new Options()) {
      assertThrows(InvalidArgumentException.class, () -> options.setUploadCompression(7));
    }
  }

  @Test
  void importPollGetDelete(@TempDir Path tmp) throws Exception {
    Path csv = Servers.sampleCsv(tmp);
    String table = csv.getFileName().toString().replace(".csv", "");
    List<Integer> states = new ArrayList<>();
    try (Client client = Servers.client(); ImportJob job = client.importFile(csv.toString(), null)) {
      assertEquals("demo", client.username());
      job.run((state, done, total) -> states.add(state));
      assertNotNull(job.id());
      // Poll by hand: refresh until the state is final.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!CartoImport.stateIsFinal(job.state())) {
        assertTrue(System.nanoTime() < deadline, "the import did not finish: " + job);
        Thread.sleep(50);
        job.refresh();
      }
      assertEquals(CartoImport.STATE_COMPLETE, job.state(), job.json());
      assertEquals("complete", job.stateName());
      assertEquals(1, job.success());
      job.await(Duration.ofSeconds(5)); // already final: returns at once
      assertTrue(states.contains(CartoImport.STATE_SENDING), states.toString());

      String id;
      try (DatasetList list = job.datasets()) {
        assertEquals(1, list.size());
        try (Dataset dataset = list.get(0)) {
          assertEquals(table, dataset.name());
          assertEquals(10, dataset.getInt("row_count", -1));
          id = dataset.getString("id");
        }
      }
      try (Dataset dataset = client.getDataset(table)) {
        assertEquals(id, dataset.getString("id"));
        assertEquals(10, dataset.getInt("row_count", -1));
        assertTrue(dataset.json().contains(table));
        dataset.delete();
      }
      NotFoundException gone = assertThrows(NotFoundException.class, () -> client.getDataset(table));
      assertEquals(404, gone.getHttpStatus());
    }
  }

  @Test
  void importDatasetWaitsWithProgress(@TempDir Path tmp) throws Exception {
    Path csv = Servers.sampleCsv(tmp);
    List<Integer> states = new ArrayList<>();
    try (Client client = Servers.client();
         DatasetList list = client.importDataset(csv.toString(), null, 60000,
             (state, done, total) -> states.add(state))) {
      List<Dataset> datasets = list.toList();
      assertEquals(1, datasets.size());
      try (Dataset dataset = datasets.get(0)) {
        assertEquals(10, dataset.getInt("row_count", -1));
        assertEquals(CartoImport.STATE_COMPLETE, (int) states.get(states.size() - 1));
        dataset.delete();
      }
    }
  }

  /** Creates the sync table, or skips when the server does not serve synchronizations. */
  static SyncTable createSyncOrSkip(Client client, String url) {
    try {
      return client.createSync(url, CartoImport.SYNC_MIN_INTERVAL, null);
    } catch (NotFoundException e) {
      assumeTrue(false, "the server has no sync tables yet (404 on /api/v1/synchronizations): "
          + e.getMessage());
      throw e;
    }
  }

  @Test
  void syncTablePollForceDelete() throws Exception {
    String url = Servers.env("SAMPLES_URL") + "world_cities.csv";
    try (Client client = Servers.client(); SyncTable sync = createSyncOrSkip(client, url)) {
      String id = sync.id();
      assertNotNull(id);
      assertEquals(CartoImport.SYNC_MIN_INTERVAL, sync.getInt("interval", -1));
      // Poll by hand to the first run's end, then the blocking wait (already done).
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (sync.state() != CartoImport.STATE_SUCCESS && sync.state() != CartoImport.STATE_FAILURE) {
        assertTrue(System.nanoTime() < deadline, "the sync did not run: " + sync);
        Thread.sleep(50);
        sync.refresh();
      }
      sync.await(Duration.ofSeconds(60));
      assertEquals(CartoImport.STATE_SUCCESS, sync.state(), sync.json());
      assertEquals("success", sync.stateName());
      assertEquals(url, sync.getString("url"));
      String table;
      try (Dataset dataset = sync.dataset()) {
        assertEquals(10, dataset.getInt("row_count", -1));
        assertEquals(id, dataset.getString("synchronization_id"));
        table = dataset.name();
      }
      // Less than 15 minutes after its run: not enqueued.
      assertEquals(CartoImport.FORCE_TOO_SOON, sync.force());
      assertFalse(sync.isSyncing());
      // The next automatic run an hour away: only a forced sync runs it in this test.
      sync.setInterval(3600);
      sync.refresh();
      assertEquals(3600, sync.getInt("interval", -1));

      String scale = System.getenv("CARTO_IMPORT_TIME_SCALE");
      if (scale != null && !scale.isEmpty()) {
        // The server's 15-minute rule times the scale (with_server.py --time-scale): then the
        // sync may run again, and forcing enqueues it.
        String ranAt = sync.getString("ran_at");
        Thread.sleep((long) (CartoImport.SYNC_MIN_INTERVAL * Double.parseDouble(scale) * 1000) + 1500);
        assertEquals(CartoImport.FORCE_ENQUEUED, sync.force());
        sync.await(60000, null);
        assertEquals(CartoImport.STATE_SUCCESS, sync.state(), sync.json());
        sync.refresh();
        assertFalse(ranAt != null && ranAt.equals(sync.getString("ran_at")),
            "ran_at did not move: " + ranAt);
      }

      assertThrows(InvalidArgumentException.class, () -> sync.setInterval(10));
      sync.delete();
      assertThrows(NotFoundException.class, () -> client.getSync(id));
      // The table stays, as a normal dataset.
      try (Dataset dataset = client.getDataset(table)) {
        dataset.delete();
      }
    }
  }
}
