// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// CMocka and the assertions the C++ tests share (the unit tests and the server engine's tests).
// Include it after the standard headers: cmocka's fail() macro would break <ios>.
#pragma once

#include <string>

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
extern "C" {  // cmocka 1.1 declares its functions without C linkage for C++
#include <cmocka.h>
}
// clang-format on

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
