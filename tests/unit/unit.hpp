// Helpers shared by the unit tests (C++, CMocka, internals of src/core and src/capi).
#pragma once

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
extern "C" {  // cmocka 1.1 declares its functions without C linkage for C++
#include <cmocka.h>
}
// clang-format on

#include <string>

#include "carto_import.h"
#include "core/error.hpp"

// Fails unless `hay` contains `needle` (both anything convertible to std::string).
#define assert_contains(hay, needle)                                                          \
  do {                                                                                        \
    const std::string hay_ = (hay), needle_ = (needle);                                       \
    if (hay_.find(needle_) == std::string::npos)                                              \
      fail_msg("\"%s\" does not contain \"%s\"", hay_.c_str(), needle_.c_str());              \
  } while (0)

#define assert_not_contains(hay, needle)                                                      \
  do {                                                                                        \
    const std::string hay_ = (hay), needle_ = (needle);                                       \
    if (hay_.find(needle_) != std::string::npos)                                              \
      fail_msg("\"%s\" contains \"%s\"", hay_.c_str(), needle_.c_str());                      \
  } while (0)

#define assert_str(actual, expected)                                                          \
  do {                                                                                        \
    const std::string actual_ = (actual), expected_ = (expected);                             \
    if (actual_ != expected_)                                                                 \
      fail_msg("\"%s\" != \"%s\"", actual_.c_str(), expected_.c_str());                       \
  } while (0)

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
