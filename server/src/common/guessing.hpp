// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The guessing options of an import (PROTOCOL.md §2.1), which an import job, a synchronization
// and the engine's request all carry.
#pragma once

namespace cis {

struct Guessing {
  bool type_guessing = true, quoted_fields_guessing = true, content_guessing = false;

  void set_guessing(const Guessing &from) { *this = from; }
};

}  // namespace cis
