// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors

module cartoimport_ffi_example

go 1.21
