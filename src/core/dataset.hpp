// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Datasets (PROTOCOL §5): a table and its canonical visualization, listed, fetched, edited and
// deleted through api/v1/viz and api/v1/tables.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/client.hpp"
#include "core/json_snapshot.hpp"

namespace carto {

class Dataset {
 public:
  Dataset(std::shared_ptr<ClientCore> client, JsonPtr viz);

  // GET api/v1/viz/ID_OR_NAME with its dependent maps counted.
  static std::unique_ptr<Dataset> fetch(std::shared_ptr<ClientCore> client,
                                        const std::string &id_or_name,
                                        const Deadline &deadline = std::nullopt);
  // The dataset of a table (by table id or name), through api/v1/tables.
  static std::unique_ptr<Dataset> of_table(std::shared_ptr<ClientCore> client,
                                           const std::string &table,
                                           const Deadline &deadline = std::nullopt);

  const char *get_string(const std::string &field) const { return viz_.get_string(field); }
  std::optional<long long> get_int(const std::string &field) const { return viz_.get_int(field); }
  int privacy() const;
  const std::string &json() const { return viz_.json(); }
  std::string id() const;

  void set_string(const std::string &field, const char *value);
  void save();
  void refresh(const Deadline &deadline = std::nullopt);
  void remove(bool force);

 private:
  void take(JsonPtr viz, const std::string &request);

  std::shared_ptr<ClientCore> client_;
  JsonSnapshot viz_;  // the visualization as last fetched, with local edits
  std::set<std::string> changed_;
};

// Every dataset of the account, following every page until the deadline; EPROTOCOL when the
// pages make no progress (repeated ids, a total that changes, cannot be reached or exceeds
// the options' max_list_entries). `filters` are sent with each page: they replace the
// defaults (per_page, order, order_direction) and add to the rest; "page" is the listing's
// own, and type, exclude_shared and with_dependent_visualizations are always dataset_query()'s.
std::vector<std::unique_ptr<Dataset>> list_datasets(const std::shared_ptr<ClientCore> &client,
                                                   const Deadline &deadline,
                                                   const QueryParams &filters = {});

}  // namespace carto
