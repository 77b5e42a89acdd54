// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors

package cartoimport

// (A file with //export may declare C functions but not define them: the callback lives here.)

/*
#include "carto_import.h"
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

// goProgress is the C progress callback of every call; userdata is a cgo.Handle of a
// *progressCtx.
//
//export goProgress
func goProgress(state C.int, done, total C.longlong, userdata unsafe.Pointer) (rc C.int) {
	ctx := cgo.Handle(uintptr(userdata)).Value().(*progressCtx)
	// Never let a panic unwind through the C frames: recover here, cancel, re-panic later.
	defer func() {
		if r := recover(); r != nil {
			ctx.panicked = r
			rc = 1
		}
	}()
	if ctx.fn(int(state), int64(done), int64(total)) {
		return 0
	}
	return 1
}
