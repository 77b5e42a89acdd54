// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The client handle, shared by the shims of the objects a client creates.
#pragma once

#include <memory>

#include "capi/guard.hpp"
#include "core/client.hpp"

struct carto_import_client {
  std::shared_ptr<carto::ClientCore> core;
};

// The options behind a handle (defined with the options shim).
const carto::Options &carto_options_of(const carto_import_options *o);

namespace carto::capi {
// The client's shared core (kept alive by whoever holds the returned pointer).
std::shared_ptr<ClientCore> core_of(const carto_import_client *c);
}  // namespace carto::capi
