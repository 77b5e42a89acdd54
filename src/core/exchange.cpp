// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/exchange.hpp"

#include <atomic>

namespace carto {

namespace {
std::atomic<ScriptedExchange> script{nullptr};
}  // namespace

void set_scripted_exchange(ScriptedExchange fn) { script.store(fn); }

ScriptedExchange scripted_exchange() { return script.load(); }

}  // namespace carto
