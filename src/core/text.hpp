// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Text helpers for protocol tokens (header names, schemes, hosts, enum values).
#pragma once

#include <string>

namespace carto {

// s with A-Z lower-cased; other bytes unchanged, whatever the locale.
std::string lower(std::string s);

}  // namespace carto
