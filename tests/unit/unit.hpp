// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Helpers shared by the unit tests (C++, CMocka, internals of src/core and src/capi).
#pragma once

#include <string>

#include "carto_import.h"
#include "core/error.hpp"
#include "test_assert.hpp"  // CMocka, assert_contains, assert_not_contains, assert_str

// Runs f, which must throw carto::Error; returns it (fails the test otherwise).
template <class F>
carto::Error expect_error(F &&f) {
  try {
    f();
  } catch (const carto::Error &e) {
    return e;
  } catch (const std::exception &e) {
    fail_msg("expected carto::Error, got std::exception: %s", e.what());
  }
  fail_msg("expected carto::Error, nothing was thrown");
  return carto::Error(0, "");  // not reached
}
