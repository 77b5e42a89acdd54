// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// ISO-8601 timestamps as CARTO sends them (PROTOCOL §1.4): with or without fractional seconds,
// "Z" or a ±hh:mm offset.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace carto {

// Seconds since the epoch (UTC), or nullopt when the text is not such a timestamp.
std::optional<std::time_t> parse_timestamp(const std::string &text);

}  // namespace carto
