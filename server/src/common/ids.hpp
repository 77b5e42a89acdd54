// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Random ids (the random bytes and hex tokens themselves come from common/crypto.hpp).
#pragma once
#include <string>

namespace cis {

std::string new_uuid();                         // random (v4) lowercase UUID
bool is_uuid(const std::string &s);             // ^[0-9a-f]{8}-...-[0-9a-f]{12}$ (lowercase)

}  // namespace cis
