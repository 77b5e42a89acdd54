// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Command-line flags and the optional configuration file of carto-import-server.
#pragma once
#include <string>

#include "common/config.hpp"

namespace cis {

// Parses argv (and the --config file, whose values the command line overrides). On error or
// --help, prints to stderr/stdout and returns false with `exit_code` set.
bool parse_config(int argc, char **argv, Config &cfg, int &exit_code);

std::string usage_text();

}  // namespace cis
