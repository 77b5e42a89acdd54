// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/dataset.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/text.hpp"

namespace carto {

namespace {

// What carto-python's DatasetManager asks for, so dependent maps are always counted.
QueryParams dataset_query() {
  return {{"type", "table"}, {"exclude_shared", "true"}, {"with_dependent_visualizations", "1"}};
}

const char *const kEditable[] = {"name",   "display_name", "description", "privacy",
                                 "license", "attributions", "source",      "title"};

// Nested fields: "table_id" is table.id, and so on.
const JsonAlias kNested[] = {{"table_id", "table", "id"},
                             {"table_name", "table", "name"},
                             {"synchronization_id", "synchronization", "id"},
                             {"row_count", "table", "row_count"},
                             {"size", "table", "size"}};

// The dataset endpoints accept anonymous callers (PROTOCOL §5.1): a key the server did not
// accept gives the public view instead of an error. Say so rather than return a partial view.
Error anonymous_answer(const HttpRequest &req) {
  ErrorInfo e;
  e.code = CARTO_IMPORT_EAUTH;
  e.message = req.describe() + ": the server answered as to an anonymous caller, so the API key "
                               "was not accepted; use the account's master API key";
  return Error(std::move(e));
}

}  // namespace

Dataset::Dataset(std::shared_ptr<ClientCore> client, JsonPtr viz)
    : client_(std::move(client)), viz_(kNested) {
  take(std::move(viz), "dataset");
}

void Dataset::take(JsonPtr viz, const std::string &request) {
  if (!viz || !json_is_string(viz.get(), "id"))
    throw protocol_error(request, "the visualization has no id");
  viz_.take(std::move(viz));
  changed_.clear();
}

std::unique_ptr<Dataset> Dataset::fetch(std::shared_ptr<ClientCore> client,
                                        const std::string &id_or_name, const Deadline &deadline) {
  if (id_or_name.empty()) throw Error(CARTO_IMPORT_EINVAL, "the dataset id or name is empty");
  HttpRequest req;
  req.path = "api/v1/viz/" + url_encode(id_or_name);
  req.query = dataset_query();
  JsonPtr viz = client->send_json(req, deadline);
  if (!viz) throw protocol_error(req.describe(), "empty reply");
  if (!json_is_string(viz.get(), "map_id")) {
    // The public view (PROTOCOL §5.1) lacks the owner's fields: a public item without map_id
    // nor auth_tokens. Anything else without map_id is a broken reply.
    if (lower(json_string(viz.get(), "privacy")) == "public" && !json_has(viz.get(), "map_id") &&
        !json_has(viz.get(), "auth_tokens"))
      throw anonymous_answer(req);
    throw protocol_error(req.describe(), "the visualization has no map_id");
  }
  const std::string type = json_string(viz.get(), "type");
  if (!type.empty() && type != "table")
    throw Error(CARTO_IMPORT_ENOTFOUND, "'" + id_or_name + "' is a " + type +
                                            " visualization, not a dataset");
  return std::make_unique<Dataset>(std::move(client), std::move(viz));
}

std::unique_ptr<Dataset> Dataset::of_table(std::shared_ptr<ClientCore> client,
                                           const std::string &table, const Deadline &deadline) {
  HttpRequest req;
  req.path = "api/v1/tables/" + url_encode(table);
  JsonPtr doc = client->send_json(req, deadline);
  const std::string viz_id = json_string(json_member(doc.get(), "table_visualization"), "id");
  if (viz_id.empty()) throw protocol_error(req.describe(), "no table_visualization.id");
  return fetch(std::move(client), viz_id, deadline);
}

std::string Dataset::id() const { return json_string(viz_.doc(), "id"); }

int Dataset::privacy() const {
  const std::string p = lower(json_string(viz_.doc(), "privacy"));
  if (p == "public") return CARTO_IMPORT_PRIVACY_PUBLIC;
  if (p == "private") return CARTO_IMPORT_PRIVACY_PRIVATE;
  if (p == "link") return CARTO_IMPORT_PRIVACY_LINK;
  if (p == "password") return CARTO_IMPORT_PRIVACY_PASSWORD;
  return CARTO_IMPORT_PRIVACY_DEFAULT;
}

void Dataset::set_string(const std::string &field, const char *value) {
  if (std::none_of(std::begin(kEditable), std::end(kEditable),
                   [&](const char *f) { return field == f; }))
    throw Error(CARTO_IMPORT_EINVAL,
                "'" + field + "' is not an editable dataset field; editable: name, display_name, "
                              "description, privacy, license, attributions, source, title");
  std::string v = value ? value : "";
  if ((field == "name" || field == "privacy") && v.empty())
    throw Error(CARTO_IMPORT_EINVAL, "the dataset's " + field + " cannot be empty");
  if (field == "privacy") {
    v = lower(v);
    if (v != "public" && v != "private" && v != "link")
      throw Error(CARTO_IMPORT_EINVAL, "privacy must be public, private or link");
    for (auto &c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  cJSON *item = value ? cJSON_CreateString(v.c_str()) : cJSON_CreateNull();
  if (!item) throw std::bad_alloc();
  viz_.edit([&](cJSON *viz) {
    if (json_has(viz, field.c_str())) {
      cJSON_ReplaceItemInObjectCaseSensitive(viz, field.c_str(), item);
    } else if (!cJSON_AddItemToObject(viz, field.c_str(), item)) {
      cJSON_Delete(item);
      throw std::bad_alloc();
    }
  });
  changed_.insert(field);
}

void Dataset::save() {
  const Deadline deadline = client_->call_deadline();
  JsonPtr body(cJSON_CreateObject());
  if (!body || !cJSON_AddStringToObject(body.get(), "id", id().c_str())) throw std::bad_alloc();
  for (const auto &field : changed_) {
    cJSON *copy = cJSON_Duplicate(json_member(viz_.doc(), field.c_str()), 1);
    if (!copy || !cJSON_AddItemToObject(body.get(), field.c_str(), copy)) {
      cJSON_Delete(copy);
      throw std::bad_alloc();
    }
  }
  HttpRequest req;
  req.method = "PUT";
  req.path = "api/v1/viz/" + id();
  req.has_json_body = true;
  req.json_body = json_print(body.get());
  // The update's reply lacks the dependent-map counts: take the full view from a fetch instead.
  client_->send_json(req, deadline);
  refresh(deadline);
}

void Dataset::refresh(const Deadline &deadline) {
  auto fresh = fetch(client_, id(), deadline);
  viz_ = std::move(fresh->viz_);
  changed_.clear();
}

void Dataset::remove(bool force) {
  const Deadline deadline = client_->call_deadline();
  if (!force) {
    refresh(deadline);
    const long long deps = get_int("dependent_visualizations_count").value_or(0);
    if (deps > 0)
      throw Error(CARTO_IMPORT_EINUSE,
                  "dataset '" + json_string(viz_.doc(), "name") + "' has " +
                      std::to_string(deps) + " dependent map" + (deps == 1 ? "" : "s") +
                      " that deleting it would break; delete them first, or force the delete");
  }
  HttpRequest req;
  req.method = "DELETE";
  req.path = "api/v1/viz/" + id();
  client_->send_json(req, deadline);
}

std::vector<std::unique_ptr<Dataset>> list_datasets(const std::shared_ptr<ClientCore> &client,
                                                   const Deadline &deadline,
                                                   const QueryParams &filters) {
  const QueryParams fixed = dataset_query();
  // A filter named as a default replaces it; any other is sent as given (repeats included).
  QueryParams defaults = {{"per_page", "100"}, {"order", "name"}, {"order_direction", "asc"}};
  QueryParams extra;
  for (const auto &kv : filters) {
    auto named = [&](const auto &p) { return p.first == kv.first; };
    if (kv.first == "page" || std::any_of(fixed.begin(), fixed.end(), named)) continue;
    auto it = std::find_if(defaults.begin(), defaults.end(), named);
    if (it != defaults.end())
      it->second = kv.second;
    else
      extra.push_back(kv);
  }
  const auto &per_page_param = defaults.front();
  const long long per_page = std::atoll(per_page_param.second.c_str());  // (0: not a number)
  std::vector<std::unique_ptr<Dataset>> out;
  std::set<std::string> ids;
  long long total = -1;
  // Every page must bring new datasets towards a total that stays the same: a server that
  // repeats pages, changes or overstates its total, or pages on forever is stopped (EPROTOCOL).
  for (long long page = 1;; ++page) {
    HttpRequest req;
    req.path = "api/v1/viz";
    req.query = fixed;  // then per_page, page, order, order_direction and the filters
    req.query.push_back(per_page_param);
    req.query.emplace_back("page", std::to_string(page));
    req.query.insert(req.query.end(), defaults.begin() + 1, defaults.end());
    req.query.insert(req.query.end(), extra.begin(), extra.end());
    JsonPtr doc = client->send_json(req, deadline);
    const std::string what = req.describe() + " (page " + std::to_string(page) + ")";
    cJSON *items = cJSON_GetObjectItemCaseSensitive(doc.get(), "visualizations");
    if (!cJSON_IsArray(items)) throw protocol_error(what, "no \"visualizations\" list");
    if (!json_is_number(doc.get(), "total_entries"))
      throw protocol_error(what, "no total_entries");
    const long long claimed = json_int(doc.get(), "total_entries", -1);
    if (claimed < 0) throw protocol_error(what, "total_entries is not a count");
    if (!json_has(doc.get(), "total_user_entries")) throw anonymous_answer(req);
    if (total >= 0 && claimed != total)
      throw protocol_error(what, "total_entries changed from " + std::to_string(total) + " to " +
                                     std::to_string(claimed) + " between pages");
    total = claimed;
    check_list_size(*client, what, total);
    const int n = cJSON_GetArraySize(items);
    if (per_page > 0 && n > per_page)
      throw protocol_error(what, std::to_string(n) + " items on a page of " +
                                     std::to_string(per_page));
    if (static_cast<long long>(out.size()) + n > total)
      throw protocol_error(what, "more datasets than the total of " + std::to_string(total));
    if (n == 0 && static_cast<long long>(out.size()) < total)
      throw protocol_error(what, "an empty page after " + std::to_string(out.size()) + " of " +
                                     std::to_string(total) + " datasets");
    for (int i = 0; i < n; ++i) {
      JsonPtr viz(cJSON_DetachItemFromArray(items, 0));
      auto dataset = std::make_unique<Dataset>(client, std::move(viz));
      if (!ids.insert(dataset->id()).second)
        throw protocol_error(what, "dataset " + dataset->id() + " was already listed");
      out.push_back(std::move(dataset));
    }
    if (static_cast<long long>(out.size()) >= total) break;
  }
  return out;
}

}  // namespace carto
