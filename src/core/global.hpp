// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// libcurl's process-wide state: initialised exactly once, before the first handle.
#pragma once

namespace carto {

// curl_global_init, once per process (std::call_once; a failure is retried by the next call).
// Never undone while the process runs: curl_global_cleanup is not thread-safe, and a job or
// dataset may outlive every client. Throws carto::Error or std::bad_alloc.
void global_init();

// A new libcurl easy handle (a CURL *), always after global_init().
void *new_curl_handle();

}  // namespace carto
