// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The states of an import job (PROTOCOL.md §2.4) and of a synchronization (§4), and the names
// they have in replies and in the metadata store. These are the only place the names are written.
#pragma once
#include <string>

namespace cis {

// pending -> uploading -> unpacking -> importing -> guessing -> complete | failure
enum class JobState { kPending, kUploading, kUnpacking, kImporting, kGuessing, kComplete, kFailure };
// created -> queued -> syncing -> success | failure -> queued ...
enum class SyncState { kCreated, kQueued, kSyncing, kSuccess, kFailure };

const char *state_name(JobState s);
const char *state_name(SyncState s);
// The state a name stands for; throws std::invalid_argument for a name that is none.
JobState job_state_named(const std::string &name);
SyncState sync_state_named(const std::string &name);

inline bool is_finished(JobState s) { return s == JobState::kComplete || s == JobState::kFailure; }

}  // namespace cis
