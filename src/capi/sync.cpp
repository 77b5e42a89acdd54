// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_sync and carto_import_sync_list.
#include "capi/client.hpp"
#include "capi/handles.hpp"

using namespace carto;

struct carto_import_sync {
  std::unique_ptr<SyncTable> sync;
  carto::capi::HandleError error{};
};

namespace {

SyncTable &sync_of(const carto_import_sync *s) {
  return *capi::checked(s, capi::Kind::sync, "sync")->sync;
}

// A call on a sync table, kept on the handle too (carto_import_sync_last_error()).
template <class F>
carto_import_status with_sync(carto_import_sync *s, F &&f) {
  return capi::guard_on(s, capi::Kind::sync, "sync", [&](carto_import_sync &h) { f(*h.sync); });
}

carto_import_status create(carto_import_sync **out, carto_import_client *client,
                           const char *source, const char *name, bool connector, long interval,
                           const carto_import_params *params) {
  return capi::guard_new(out, capi::Kind::sync, [&] {
    auto core = capi::core_of(client);
    capi::require(source, name);
    return SyncTable::create(std::move(core), source, connector, interval, capi::params_of(params));
  });
}

}  // namespace

extern "C" {

carto_import_status carto_import_sync_create(carto_import_sync **out, carto_import_client *client,
                                           const char *url, long interval_seconds,
                                           const carto_import_params *params) {
  return create(out, client, url, "url", false, interval_seconds, params);
}

carto_import_status carto_import_sync_create_connector(carto_import_sync **out,
                                                     carto_import_client *client,
                                                     const char *connector_json,
                                                     long interval_seconds,
                                                     const carto_import_params *params) {
  return create(out, client, connector_json, "connector_json", true, interval_seconds, params);
}

carto_import_status carto_import_sync_get(carto_import_sync **out, carto_import_client *client,
                                        const char *id) {
  return capi::guard_new(out, capi::Kind::sync, [&] {
    auto core = capi::core_of(client);
    capi::require(id, "id");
    return SyncTable::fetch(std::move(core), id);
  });
}

carto_import_status carto_import_sync_list_all(carto_import_sync_list **out,
                                             carto_import_client *client) {
  return capi::guard_new(out, capi::Kind::sync_list, [&] {
    auto core = capi::core_of(client);
    return list_syncs(core, core->call_deadline());
  });
}

size_t carto_import_sync_list_count(const carto_import_sync_list *list) {
  return capi::guard_value<size_t>(0, [&] {
    return capi::checked(list, capi::Kind::sync_list, "sync list")->items.size();
  });
}

carto_import_status carto_import_sync_list_get(carto_import_sync **out,
                                             const carto_import_sync_list *list, size_t i) {
  if (out) *out = nullptr;
  return capi::guard_on(list, capi::Kind::sync_list, "sync list",
                        [&](const carto_import_sync_list &l) {
    capi::make_handle(out, capi::Kind::sync,
                      capi::copy_item(&l, capi::Kind::sync_list, "sync list", i, "sync tables"));
  });
}

void carto_import_sync_list_free(carto_import_sync_list *list) {
  capi::free_handle(list, capi::Kind::sync_list);
}

void carto_import_sync_free(carto_import_sync *sync) { capi::free_handle(sync, capi::Kind::sync); }

carto_import_status carto_import_sync_last_error(const carto_import_sync *sync,
                                               carto_import_error **out) {
  return capi::take_handle_error(sync, capi::Kind::sync, out);
}

carto_import_status carto_import_sync_list_last_error(const carto_import_sync_list *list,
                                                    carto_import_error **out) {
  return capi::take_handle_error(list, capi::Kind::sync_list, out);
}

carto_import_status carto_import_sync_refresh(carto_import_sync *sync) {
  return with_sync(sync, [](SyncTable &s) { s.refresh(); });
}

carto_import_status carto_import_sync_wait(carto_import_sync *sync, long timeout_ms,
                                         carto_import_progress_cb progress, void *userdata) {
  return with_sync(sync, [&](SyncTable &s) {
    s.wait(capi::deadline_after(timeout_ms), capi::progress_sink(progress, userdata));
  });
}

carto_import_status carto_import_sync_force(carto_import_sync *sync, int *outcome) {
  return with_sync(sync, [&](SyncTable &s) {
    const int result = s.force();
    if (outcome) *outcome = result;
  });
}

carto_import_status carto_import_sync_is_syncing(carto_import_sync *sync, int *syncing) {
  return with_sync(sync, [&](SyncTable &s) {
    const bool result = s.is_syncing();
    if (syncing) *syncing = result ? 1 : 0;
  });
}

carto_import_status carto_import_sync_set_interval(carto_import_sync *sync, long interval_seconds) {
  return with_sync(sync, [&](SyncTable &s) { s.set_interval(interval_seconds); });
}

carto_import_status carto_import_sync_delete(carto_import_sync *sync) {
  return with_sync(sync, [](SyncTable &s) { s.remove(); });
}

const char *carto_import_sync_id(const carto_import_sync *sync) {
  return capi::guard_value<const char *>(nullptr, [&] { return sync_of(sync).id().c_str(); });
}

carto_import_state carto_import_sync_state(const carto_import_sync *sync) {
  return capi::guard_value(CARTO_IMPORT_STATE_UNKNOWN, [&] {
    return static_cast<carto_import_state>(sync_of(sync).state());
  });
}

const char *carto_import_sync_state_name(const carto_import_sync *sync) {
  return capi::guard_value<const char *>(nullptr,
                                         [&] { return sync_of(sync).state_name().c_str(); });
}

const char *carto_import_sync_get_string(const carto_import_sync *sync, const char *field) {
  return capi::get_string(sync, sync_of, field);
}

long long carto_import_sync_get_int(const carto_import_sync *sync, const char *field,
                                    long long fallback) {
  return capi::get_int(sync, sync_of, field, fallback);
}

const char *carto_import_sync_json(const carto_import_sync *sync) {
  return capi::get_json(sync, sync_of);
}

carto_import_status carto_import_sync_dataset(carto_import_dataset **out, carto_import_sync *sync) {
  if (out) *out = nullptr;
  return with_sync(sync, [&](SyncTable &s) {
    capi::require(out, "out");  // before the request, not after
    capi::make_handle(out, capi::Kind::dataset, s.dataset());
  });
}

}  // extern "C"
