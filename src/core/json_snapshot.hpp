// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The server's last answer about an object (an import job, a dataset, a sync table): its JSON
// tree and that tree printed, read field by field through the C API's getters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/json.hpp"

namespace carto {

// A field read from a member object: {"table_id", "table", "id"} reads table.id.
struct JsonAlias {
  const char *field, *object, *key;
};

class JsonSnapshot {
 public:
  JsonSnapshot() = default;
  // aliases: a static array, which the snapshot refers to.
  template <size_t N>
  explicit JsonSnapshot(const JsonAlias (&aliases)[N]) : aliases_(aliases), alias_count_(N) {}
  JsonSnapshot(const JsonSnapshot &other);  // a deep copy
  JsonSnapshot(JsonSnapshot &&) noexcept = default;
  JsonSnapshot &operator=(JsonSnapshot &&) noexcept = default;
  JsonSnapshot &operator=(const JsonSnapshot &) = delete;

  // Holds doc (which may be null) and its printed form; unchanged if printing fails.
  void take(JsonPtr doc);
  void clear() noexcept;
  // Changes the tree with edit(cJSON *), then prints it again.
  template <class Edit>
  void edit(Edit &&edit) {
    edit(doc_.get());
    text_ = json_print(doc_.get());
  }

  const cJSON *doc() const { return doc_.get(); }
  // The field (an alias, or a member), or nullptr when absent.
  const cJSON *lookup(const std::string &field) const;
  // A string field; nullptr when absent or not a string.
  const char *get_string(const std::string &field) const { return json_value_string(lookup(field)); }
  // A number or boolean field (json_value_int); nullopt otherwise.
  std::optional<long long> get_int(const std::string &field) const {
    return json_value_int(lookup(field));
  }
  // The printed tree; empty when there is none.
  const std::string &json() const { return text_; }

 private:
  JsonPtr doc_;
  std::string text_;
  const JsonAlias *aliases_ = nullptr;
  size_t alias_count_ = 0;
};

}  // namespace carto
