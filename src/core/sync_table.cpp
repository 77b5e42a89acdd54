// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/sync_table.hpp"

#include <curl/curl.h>

#include <ctime>
#include <set>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/timestamp.hpp"

namespace carto {

namespace {
constexpr long kSyncNowTimespan = 900;  // seconds a forced sync must wait after the last run
}

SyncTable::SyncTable(std::shared_ptr<ClientCore> client, JsonPtr doc, const std::string &request)
    : client_(std::move(client)) {
  take(std::move(doc), request);
}

void SyncTable::take(JsonPtr doc, const std::string &request) {
  if (!doc) throw protocol_error(request, "empty reply");
  const std::string id = json_string(doc.get(), "id");
  if (!looks_like_uuid(id)) throw protocol_error(request, "the sync table has no id");
  if (!json_is_string(doc.get(), "state")) throw protocol_error(request, "the sync table has no state");
  const std::string import_id = json_string(json_member(doc.get(), "data_import"), "item_queue_id");
  if (!import_id.empty()) data_import_id_ = import_id;
  id_ = id;
  set_state(json_string(doc.get(), "state"));
  reply_.take(std::move(doc));
}

void SyncTable::set_state(const std::string &name) {
  state_name_ = name;
  state_ = state_from_name(name);
}

std::unique_ptr<SyncTable> SyncTable::create(std::shared_ptr<ClientCore> client,
                                             const std::string &source, bool connector,
                                             long interval_seconds, const ImportParams &params,
                                             const Deadline &deadline) {
  if (interval_seconds < CARTO_IMPORT_SYNC_MIN_INTERVAL)
    throw Error(CARTO_IMPORT_EINVAL, "a sync interval must be at least " +
                                         std::to_string(CARTO_IMPORT_SYNC_MIN_INTERVAL) +
                                         " seconds (15 minutes); got " +
                                         std::to_string(interval_seconds));
  JsonPtr body(cJSON_CreateObject());
  if (!body) throw std::bad_alloc();
  if (connector) {
    JsonPtr parsed = parse_connector(source);
    client->hide_passwords(parsed.get());
    if (!cJSON_AddItemToObject(body.get(), "connector", parsed.get())) throw std::bad_alloc();
    parsed.release();
  } else {
    check_fetchable_url(source);
    if (!cJSON_AddStringToObject(body.get(), "url", source.c_str())) throw std::bad_alloc();
  }
  if (!cJSON_AddNumberToObject(body.get(), "interval", static_cast<double>(interval_seconds)))
    throw std::bad_alloc();
  ImportParams sync_params = params;  // privacy and collisions do not apply to syncs
  sync_params.privacy = 0;
  sync_params.collision = 0;
  sync_params.add_to_json(body.get());
  HttpRequest req;
  req.method = "POST";
  req.path = "api/v1/synchronizations";
  req.lost_reply_hint =
      "the server may have created the sync table all the same: before creating it again, "
      "look for it with carto_import_sync_list_all()";
  req.has_json_body = true;
  req.json_body = json_print(body.get());
  JsonPtr doc = client->send_json(req, deadline);
  return std::make_unique<SyncTable>(std::move(client), std::move(doc), req.describe());
}

std::unique_ptr<SyncTable> SyncTable::fetch(std::shared_ptr<ClientCore> client,
                                            const std::string &id, const Deadline &deadline) {
  if (!looks_like_uuid(id)) throw Error(CARTO_IMPORT_EINVAL, "'" + id + "' is not a sync table id (a UUID)");
  HttpRequest req;
  req.path = "api/v1/synchronizations/" + id;
  JsonPtr doc = client->send_json(req, deadline);
  return std::make_unique<SyncTable>(std::move(client), std::move(doc), req.describe());
}

void SyncTable::refresh(const Deadline &deadline) {
  HttpRequest req;
  req.path = "api/v1/synchronizations/" + id_;
  take(client_->send_json(req, deadline), req.describe());
}

Error SyncTable::failure_error() const {
  ErrorInfo e;
  e.code = CARTO_IMPORT_EREMOTE;
  e.remote_code = static_cast<int>(json_int(reply_.doc(), "error_code", 0));
  const std::string message = json_string(reply_.doc(), "error_message");
  if (!message.empty()) e.set_explanation(message);
  e.message = what() + " failed";
  if (e.remote_code) e.message += " with CARTO error " + std::to_string(e.remote_code);
  if (!message.empty()) e.message += ": " + message;
  e.message += "; it is retried at its next run (retried " +
               std::to_string(json_int(reply_.doc(), "retried_times", 0)) +
               " times so far); check the source, or force a sync later";
  return Error(std::move(e));
}

void SyncTable::wait(const Deadline &deadline, const ProgressSink &progress) {
  Pollable p;
  p.refresh = [this](const Deadline &d) { refresh(d); };
  p.state = [this] { return state_; };
  p.state_name = [this] { return state_name_; };
  p.settled = [this] {
    return state_ != CARTO_IMPORT_STATE_CREATED && state_ != CARTO_IMPORT_STATE_QUEUED &&
           state_ != CARTO_IMPORT_STATE_SYNCING;
  };
  p.what = what();
  poll_until(client_->options(), deadline, p, progress);
  if (state_ == CARTO_IMPORT_STATE_FAILURE) throw failure_error();
  if (state_ != CARTO_IMPORT_STATE_SUCCESS)
    throw protocol_error("GET api/v1/synchronizations/" + id_,
                         "unknown sync state '" + state_name_ + "'");
}

int SyncTable::force() {
  const Deadline deadline = client_->call_deadline();
  HttpRequest req;
  req.method = "PUT";
  req.path = "api/v1/synchronizations/" + id_ + "/sync_now";
  HttpReply raw;
  JsonPtr doc = client_->send_json(req, deadline, &raw);
  const cJSON *enqueued = json_member(doc.get(), "enqueued");
  if (!cJSON_IsBool(enqueued)) throw protocol_error(req.describe(), "no \"enqueued\" boolean");
  // The server's clock (its Date header) judges "too soon", not ours.
  std::time_t now = std::time(nullptr);
  const std::string date = raw.header("date");
  if (!date.empty()) {
    const std::time_t server_now = curl_getdate(date.c_str(), nullptr);
    if (server_now != -1) now = server_now;
  }
  refresh(deadline);
  if (cJSON_IsTrue(enqueued)) return CARTO_IMPORT_FORCE_ENQUEUED;
  if (state_ == CARTO_IMPORT_STATE_QUEUED || state_ == CARTO_IMPORT_STATE_SYNCING)
    return CARTO_IMPORT_FORCE_BUSY;
  const auto ran_at = parse_timestamp(json_string(reply_.doc(), "ran_at"));
  if (ran_at && now - *ran_at < kSyncNowTimespan) return CARTO_IMPORT_FORCE_TOO_SOON;
  return CARTO_IMPORT_FORCE_BUSY;
}

bool SyncTable::is_syncing() {
  HttpRequest req;
  req.path = "api/v1/synchronizations/" + id_ + "/sync_now";
  JsonPtr doc = client_->send_json(req);
  if (!json_is_string(doc.get(), "state")) throw protocol_error(req.describe(), "no \"state\"");
  set_state(json_string(doc.get(), "state"));
  return state_ == CARTO_IMPORT_STATE_QUEUED || state_ == CARTO_IMPORT_STATE_SYNCING;
}

void SyncTable::set_interval(long seconds) {
  if (seconds < CARTO_IMPORT_SYNC_MIN_INTERVAL)
    throw Error(CARTO_IMPORT_EINVAL, "a sync interval must be at least " +
                                         std::to_string(CARTO_IMPORT_SYNC_MIN_INTERVAL) + " seconds");
  HttpRequest req;
  req.method = "PUT";
  req.path = "api/v1/synchronizations/" + id_;
  req.has_json_body = true;
  req.json_body = "{\"interval\":" + std::to_string(seconds) + "}";
  take(client_->send_json(req), req.describe());
}

void SyncTable::remove() {
  HttpRequest req;
  req.method = "DELETE";
  req.path = "api/v1/synchronizations/" + id_;
  client_->send_json(req);
}

std::unique_ptr<Dataset> SyncTable::dataset(const Deadline &deadline) {
  const std::string viz = json_string(reply_.doc(), "visualization_id");
  if (viz.empty())
    throw Error(CARTO_IMPORT_EINVAL, what() + " has no dataset yet (state '" + state_name_ +
                                         "'); wait for its first successful run");
  return Dataset::fetch(client_, viz, deadline);
}

const char *SyncTable::get_string(const std::string &field) const {
  if (field == "data_import_id") return data_import_id_.empty() ? nullptr : data_import_id_.c_str();
  return reply_.get_string(field);
}

std::vector<std::unique_ptr<SyncTable>> list_syncs(const std::shared_ptr<ClientCore> &client,
                                                   const Deadline &deadline) {
  HttpRequest req;
  req.path = "api/v1/synchronizations";
  JsonPtr doc = client->send_json(req, deadline);
  cJSON *items = cJSON_GetObjectItemCaseSensitive(doc.get(), "synchronizations");
  if (!cJSON_IsArray(items)) throw protocol_error(req.describe(), "no \"synchronizations\" list");
  // One page holds them all (PROTOCOL §4.2): its total, when given, must be what it lists.
  const int n = cJSON_GetArraySize(items);
  check_list_size(*client, req.describe(), n);
  if (json_has(doc.get(), "total_entries") && json_int(doc.get(), "total_entries", -1) != n)
    throw protocol_error(req.describe(), "total_entries is not the " + std::to_string(n) +
                                            " sync tables listed");
  std::vector<std::unique_ptr<SyncTable>> out;
  std::set<std::string> ids;
  while (cJSON_GetArraySize(items) > 0) {
    auto sync = std::make_unique<SyncTable>(client, JsonPtr(cJSON_DetachItemFromArray(items, 0)),
                                            req.describe());
    if (!ids.insert(sync->id()).second)
      throw protocol_error(req.describe(), "sync table " + sync->id() + " is listed twice");
    out.push_back(std::move(sync));
  }
  return out;
}

}  // namespace carto
