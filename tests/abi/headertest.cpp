// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The public header compiled as C++ (C++11, -pedantic), with the same checks as the C test:
// headertest.c is valid C++ too.
#include "headertest.c"
