// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Random ids and tokens, and the comparison of secrets.
#pragma once
#include <cstddef>
#include <string>

namespace cis {

std::string new_uuid();                         // random (v4) lowercase UUID
bool is_uuid(const std::string &s);             // ^[0-9a-f]{8}-...-[0-9a-f]{12}$ (lowercase)
std::string random_hex(std::size_t n_chars);
bool constant_time_equals(const std::string &a, const std::string &b);

}  // namespace cis
