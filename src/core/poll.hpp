// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The one polling loop behind every wait (import jobs, sync tables): adaptive intervals, state
// changes reported through the progress callback, and never past the deadline.
#pragma once

#include <functional>
#include <string>

#include "core/http.hpp"
#include "core/options.hpp"

namespace carto {

// (state, bytes_done, bytes_total) -> non-zero cancels.
using ProgressSink = std::function<int(int, long long, long long)>;

struct Pollable {
  std::function<void(const Deadline &)> refresh;  // fetch the current state
  std::function<int()> state;                     // a carto_import_state value
  std::function<std::string()> state_name;        // as the server spells it
  std::function<bool()> settled;                  // true once the wait is over
  std::string what;                               // "import job ID", for messages
};

// Refreshes until settled(); throws ETIMEDOUT at the deadline, ECANCELED when the progress
// callback asks, and whatever refresh() throws.
void poll_until(const Options &opts, const Deadline &deadline, const Pollable &p,
                const ProgressSink &progress);

}  // namespace carto
