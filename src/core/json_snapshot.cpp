// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/json_snapshot.hpp"

#include <new>

namespace carto {

JsonSnapshot::JsonSnapshot(const JsonSnapshot &other)
    : doc_(cJSON_Duplicate(other.doc_.get(), 1)), text_(other.text_), aliases_(other.aliases_),
      alias_count_(other.alias_count_) {
  if (other.doc_ && !doc_) throw std::bad_alloc();
}

void JsonSnapshot::take(JsonPtr doc) {
  text_ = doc ? json_print(doc.get()) : std::string();
  doc_ = std::move(doc);
}

void JsonSnapshot::clear() noexcept {
  doc_.reset();
  text_.clear();
}

const cJSON *JsonSnapshot::lookup(const std::string &field) const {
  for (size_t i = 0; i < alias_count_; ++i)
    if (field == aliases_[i].field)
      return json_member(json_member(doc_.get(), aliases_[i].object), aliases_[i].key);
  return json_member(doc_.get(), field.c_str());
}

}  // namespace carto
