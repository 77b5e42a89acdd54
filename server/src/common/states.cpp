// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/states.hpp"

#include <cstddef>
#include <stdexcept>

namespace cis {

namespace {
// Indexed by the enums' values.
const char *const kJobStates[] = {"pending",  "uploading", "unpacking", "importing",
                                  "guessing", "complete",  "failure"};
const char *const kSyncStates[] = {"created", "queued", "syncing", "success", "failure"};

template <typename State, std::size_t N>
State named(const char *const (&names)[N], const std::string &name) {
  for (std::size_t i = 0; i < N; i++)
    if (name == names[i]) return static_cast<State>(i);
  throw std::invalid_argument("unknown state '" + name + "'");
}
}  // namespace

const char *state_name(JobState s) { return kJobStates[static_cast<int>(s)]; }
const char *state_name(SyncState s) { return kSyncStates[static_cast<int>(s)]; }
JobState job_state_named(const std::string &name) { return named<JobState>(kJobStates, name); }
SyncState sync_state_named(const std::string &name) { return named<SyncState>(kSyncStates, name); }

}  // namespace cis
