// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Every reply the library parses, through the public C API: the first byte picks an operation
// (and the auth mode and attempts), the rest is the script of replies (fuzz_support.hpp).
#include <unistd.h>

#include "fuzz_support.hpp"

namespace {

std::string upload_path;

void read_job(const carto_import_job *job) {
  (void)carto_import_job_json(job);  // the server's own data, verbatim
  (void)carto_import_job_id(job);
  (void)carto_import_job_state_name(job);
  (void)carto_import_job_get_int(job, "error_code", -1);
  (void)carto_import_job_get_string(job, "table_name");
}

void read_datasets(carto_import_dataset_list *list) {
  for (size_t i = 0; i < carto_import_dataset_list_count(list) && i < 4; ++i) {
    carto_import_dataset *ds = nullptr;
    fuzz::check_status(carto_import_dataset_list_get(&ds, list, i), "dataset_list_get");
    (void)carto_import_dataset_json(ds);
    (void)carto_import_dataset_privacy(ds);
    (void)carto_import_dataset_get_int(ds, "row_count", -1);
    carto_import_dataset_free(ds);
  }
}

void job_flow(carto_import_job *job, int rc) {
  fuzz::check_status(rc, "job_new");
  if (rc != 0) return;
  rc = carto_import_job_run(job, nullptr, nullptr);
  fuzz::check_status(rc, "job_run");
  if (rc == 0) {
    rc = carto_import_job_wait(job, 200, nullptr, nullptr);
    fuzz::check_status(rc, "job_wait");
    read_job(job);
    carto_import_dataset_list *list = nullptr;
    rc = carto_import_job_datasets(&list, job);
    fuzz::check_status(rc, "job_datasets");
    read_datasets(list);
    carto_import_dataset_list_free(list);
  }
  carto_import_job_free(job);
}

void sync_flow(carto_import_sync *s) {
  (void)carto_import_sync_json(s);
  (void)carto_import_sync_state_name(s);
  fuzz::check_status(carto_import_sync_refresh(s), "sync_refresh");
  int outcome = 0, syncing = 0;
  fuzz::check_status(carto_import_sync_force(s, &outcome), "sync_force");
  fuzz::check_status(carto_import_sync_is_syncing(s, &syncing), "sync_is_syncing");
  fuzz::check_status(carto_import_sync_wait(s, 100, nullptr, nullptr), "sync_wait");
  carto_import_dataset *ds = nullptr;
  fuzz::check_status(carto_import_sync_dataset(&ds, s), "sync_dataset");
  carto_import_dataset_free(ds);
  fuzz::check_status(carto_import_sync_set_interval(s, 3600), "sync_set_interval");
  fuzz::check_status(carto_import_sync_delete(s), "sync_delete");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  char tmpl[] = "/tmp/carto-fuzz-XXXXXX";
  const int fd = mkstemp(tmpl);
  if (fd < 0 || write(fd, "a,b\n1,2\n", 8) != 8) fuzz::violated("cannot write the upload", tmpl);
  close(fd);
  upload_path = tmpl;
  std::atexit([] { unlink(upload_path.c_str()); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (size < 1) return 0;
  const unsigned op = data[0];
  fuzz::start_script(std::string(reinterpret_cast<const char *>(data) + 1, size - 1), op & 0x80);
  carto_import_client *c = fuzz::client(op & 0x40 ? 2 : 1, op & 0x80);
  int rc = 0;
  switch ((op & 0x3f) % 13) {
    case 0:
      fuzz::check_status(carto_import_client_verify(c), "client_verify");
      break;
    case 1: {
      carto_import_dataset_list *list = nullptr;
      rc = carto_import_dataset_list_all(&list, c);
      fuzz::check_status(rc, "dataset_list_all");
      read_datasets(list);
      carto_import_dataset_list_free(list);
      break;
    }
    case 2: {
      carto_import_dataset *ds = nullptr;
      rc = carto_import_dataset_get(&ds, c, "places");
      fuzz::check_status(rc, "dataset_get");
      if (rc == 0) {
        fuzz::check_status(carto_import_dataset_set_string(ds, "privacy", "public"), "set_string");
        fuzz::check_status(carto_import_dataset_save(ds), "dataset_save");
        fuzz::check_status(carto_import_dataset_refresh(ds), "dataset_refresh");
        fuzz::check_status(carto_import_dataset_delete(ds), "dataset_delete");
        fuzz::check_status(carto_import_dataset_force_delete(ds), "dataset_force_delete");
      }
      carto_import_dataset_free(ds);
      break;
    }
    case 3: {
      carto_import_dataset_list *list = nullptr;
      rc = carto_import_dataset_create(&list, c, upload_path.c_str(), nullptr, 300, nullptr, nullptr);
      fuzz::check_status(rc, "dataset_create");
      read_datasets(list);
      carto_import_dataset_list_free(list);
      break;
    }
    case 4: {
      carto_import_job *job = nullptr;
      rc = carto_import_job_new_url(&job, c, "https://example.com/data.csv", nullptr);
      job_flow(job, rc);
      break;
    }
    case 5: {
      carto_import_job *job = nullptr;
      rc = carto_import_job_new_file(&job, c, upload_path.c_str(), nullptr);
      job_flow(job, rc);
      break;
    }
    case 6: {
      carto_import_string_list *ids = nullptr;
      rc = carto_import_job_list(&ids, c);
      fuzz::check_status(rc, "job_list");
      for (size_t i = 0; i < carto_import_string_list_count(ids); ++i)
        (void)carto_import_string_list_get(ids, i);
      carto_import_string_list_free(ids);
      break;
    }
    case 7: {
      carto_import_sync_list *list = nullptr;
      rc = carto_import_sync_list_all(&list, c);
      fuzz::check_status(rc, "sync_list_all");
      for (size_t i = 0; i < carto_import_sync_list_count(list) && i < 2; ++i) {
        carto_import_sync *s = nullptr;
        fuzz::check_status(carto_import_sync_list_get(&s, list, i), "sync_list_get");
        (void)carto_import_sync_json(s);
        carto_import_sync_free(s);
      }
      carto_import_sync_list_free(list);
      break;
    }
    case 8: {
      carto_import_sync *s = nullptr;
      rc = carto_import_sync_create(&s, c, "https://example.com/data.csv", 3600, nullptr);
      fuzz::check_status(rc, "sync_create");
      if (rc == 0) sync_flow(s);
      carto_import_sync_free(s);
      break;
    }
    case 11: {  // a connector import: its password registered, and never in an output
      carto_import_job *job = nullptr;
      fuzz::password_given() = true;
      rc = carto_import_job_new_connector(&job, c, fuzz::kConnector.c_str(), nullptr);
      job_flow(job, rc);
      break;
    }
    case 12: {
      carto_import_sync *s = nullptr;
      fuzz::password_given() = true;
      rc = carto_import_sync_create_connector(&s, c, fuzz::kConnector.c_str(), 3600, nullptr);
      fuzz::check_status(rc, "sync_create_connector");
      if (rc == 0) sync_flow(s);
      carto_import_sync_free(s);
      break;
    }
    case 9: {
      carto_import_sync *s = nullptr;
      rc = carto_import_sync_get(&s, c, "sync-id");
      fuzz::check_status(rc, "sync_get");
      if (rc == 0) sync_flow(s);
      carto_import_sync_free(s);
      break;
    }
    default: {  // 10
      carto_import_job *job = nullptr;
      rc = carto_import_job_attach(&job, c, "job-id");
      fuzz::check_status(rc, "job_attach");
      if (rc == 0) {
        fuzz::check_status(carto_import_job_refresh(job), "job_refresh");
        fuzz::check_status(carto_import_job_wait(job, 100, nullptr, nullptr), "job_wait");
        read_job(job);
      }
      carto_import_job_free(job);
      break;
    }
  }
  carto_import_client_free(c);
  return 0;
}
