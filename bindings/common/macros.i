/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* macros.i — the repeating parts of carto_import.i (python-gphoto2's DEFAULT_CTOR/DTOR idea).
 *
 * CARTO_IMPORT_HANDLE_C(Box, ctype, free_fn) then CARTO_IMPORT_HANDLE(Box, ctype, free_fn)
 * declare a class Box around one C handle (the C parts of every Box must come before the
 * class of any, as methods take and return each other's boxes):
 *   - the C side is `struct Box { ctype *h; }`, so close() can release the handle and leave a
 *     box whose every later use fails with CARTO_IMPORT_EBADHANDLE instead of crashing;
 *   - no default constructor, a destructor that frees the handle (if still open) and the box,
 *     an idempotent close() and a `closed` query;
 *   - Box_out(out, rc, h): boxes a handle that an out-parameter call returned, for methods of
 *     the form `carto_import_status m(Box **OUT, ...)` (each language turns Box **OUT into a
 *     returned object owned by the target language).
 * Methods are added with %extend Box { ... } after the macro.
 *
 * Each language file must, before including carto_import.i, provide:
 *   - %typemap(out) carto_import_status   raise when negative, else return nothing;
 *   - typemaps for SWIGTYPE **OUT          (returned owned objects);
 *   - typemaps for (carto_import_progress_cb progress, void *userdata)   (the trampoline);
 *   - a closed handle raises before the call (CARTO_IMPORT_CHECK_OPEN, below), through
 *     a C macro CARTO_IMPORT_CLOSED_ERROR(name) that raises EBADHANDLE with the message
 *     carto_import_closed_message() makes of name, and leaves the wrapper;
 *   - a macro CARTO_IMPORT_CONSTRUCTOR_FAILED that raises the last error and leaves the
 *     wrapper (constructors return NULL on failure: carto_import.i).
 * and raise the class carto_import_error_class_of(code) names (carto_import.i: the one mapping
 * of status codes to exception classes, with the details in a carto_import_error_info).
 */

%define CARTO_IMPORT_HANDLE_C(Box, ctype, free_fn)
%{
typedef struct Box { ctype *h; } Box;

/* Boxes h (from an out-parameter call that returned rc) into *out; frees h if boxing fails. */
static carto_import_status Box##_out(Box **out, carto_import_status rc, ctype *h) {
  *out = NULL;
  if (rc < 0) return rc;
  *out = (Box *)malloc(sizeof **out);
  if (!*out) {
    free_fn(h);
    return CARTO_IMPORT_ENOMEM;
  }
  (*out)->h = h;
  return rc;
}
%}
%enddef

%define CARTO_IMPORT_HANDLE(Box, ctype, free_fn)
%nodefaultctor Box;
%nodefaultdtor Box;
typedef struct Box {} Box;
%extend Box {
  ~Box() {
    if (!$self) return;
    free_fn($self->h);
    free($self);
  }
  /** Releases the handle now (sockets, memory); calling it again does nothing. Any other use
   *  afterwards raises an error. */
  void close() {
    if (!$self) return;
    free_fn($self->h);
    $self->h = NULL;
  }
  /** True once close() was called. */
  bool is_closed() const { return !$self || $self->h == NULL; }
}
%enddef

/* Must come before CARTO_IMPORT_HANDLE(Box...): every method of Box, but close(), is_closed()
 * and the destructor, refuses a closed handle, and a missing one (a NULL self: a Java proxy
 * whose close() released the box, or None passed as self in Python). (Both spellings of the
 * type: a C++ wrapper, Ruby's, names it without `struct`.) (Typemaps of a class's
 * members are those in force where the class is declared, wherever %extend adds them.) */
%define CARTO_IMPORT_CHECK_OPEN(Box)
%typemap(check) struct Box *self, const struct Box *self, Box *self, const Box *self {
  if ((!$1 || !$1->h) && !carto_import_closed_ok("$symname")) { CARTO_IMPORT_CLOSED_ERROR(#Box); }
}
%enddef

%{
#include <stdio.h>
#include <string.h>
/* The message of a use of a closed handle, from its box's C name: "this Client is closed". */
static void carto_import_closed_message(char *buf, size_t size, const char *box) {
  snprintf(buf, size, "this %s is closed", strncmp(box, "Carto", 5) == 0 ? box + 5 : box);
}

/* The wrappers that accept a closed handle: the destructor, close() and is_closed(). */
static int carto_import_closed_ok(const char *symname) {
  size_t n = strlen(symname);
  return strncmp(symname, "delete_", 7) == 0 || (n > 6 && strcmp(symname + n - 6, "_close") == 0) ||
         (n > 10 && strcmp(symname + n - 10, "_is_closed") == 0);
}
%}

/* Sequences an out-parameter call, then boxes its result: `CARTO_IMPORT_OUT(Box, OUT, h, call)`
 * is the whole body of a method `carto_import_status m(Box **OUT, ...)`. */
%{
#define CARTO_IMPORT_OUT(Box, out, h, call)                                                    \
  do {                                                                                         \
    carto_import_status ci_rc_ = (call);                                                       \
    return Box##_out(out, ci_rc_, h);                                                          \
  } while (0)
%}
