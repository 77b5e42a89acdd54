/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto_import_ruby.i — the Ruby binding: the native extension carto_import/core.so (module
 * CartoImport::Core; SWIG runs with -initname core), its exceptions, the progress trampoline
 * (blocks) and the Ruby names of the classes of ../carto_import.i. lib/carto_import.rb puts the
 * classes into CartoImport and adds the Ruby idioms (seconds, keywords, Enumerable, block forms).
 *
 *  - Failures raise the CartoImport::Error subclass that carto_import_error_class_of() (the
 *    shared mapping) names: CartoImport::<stem>Error, built from the last-error record. The
 *    classes are made here, at load time, from that same table.
 *  - Box **OUT results are returned, owned by Ruby (freed by the GC, or at once by close).
 *  - (progress, userdata) is the method's block: |state, done, total|. Returning false cancels
 *    (CartoImport::CancelledError); raising, `break` or `throw` in the block cancels and then
 *    propagates as Ruby would.
 *  - The blocking methods (%threadallow in the shared file) run without the GVL
 *    (rb_thread_call_without_gvl), so other Ruby threads run during an import; the block is
 *    called on the calling thread with the GVL taken back. Interrupts (Thread#raise, Ctrl-C)
 *    are seen in the block, at the next progress call. The wrapper is compiled as C++: a
 *    lambda carries the wrapped call.
 */
%module "CartoImport::Core"

#define %nothreadallow %feature("nothreadallow")
#define %threadallow %feature("except", "carto_rb_without_gvl([&]() { $action });")

/* The hooks of common/macros.i: they raise (rb_exc_raise never returns). */
#define CARTO_IMPORT_CLOSED_ERROR(name) carto_rb_closed(name)
#define CARTO_IMPORT_CONSTRUCTOR_FAILED carto_rb_raise(0, NULL)

/* ---- every fallible call: raise (the block's own exception or jump first), else nil ---------- */
%typemap(out) carto_import_status {
  if ($1 < 0) carto_rb_raise_status($1);
  $result = Qnil;
}

/* ---- Box **OUT: the new object is returned, owned by Ruby ----------------------------------- */
%typemap(in, numinputs=0) SWIGTYPE **OUT ($*1_ltype temp = NULL) { $1 = &temp; }
%typemap(argout) SWIGTYPE **OUT {
  $result = SWIG_Ruby_AppendOutput(
      $result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* ---- (progress, userdata): the method's block, if any -------------------------------------- */
%typemap(in, numinputs=0) (carto_import_progress_cb progress, void *userdata) {
  $1 = rb_block_given_p() ? carto_rb_progress : NULL;
  $2 = NULL;
}

/* ---- optional arguments: params (nil: the server's defaults), then timeout_ms (0: none) --
 *      (SWIG makes every argument after an optional one optional too: each needs a default) */
%typemap(default) const CartoParams *params "$1 = NULL;"
%typemap(default) long timeout_ms "$1 = 0;"

/* ---- Ruby names ------------------------------------------------------------------------------ */
/* (closed? is an alias made by lib/carto_import.rb: common/macros.i recognises close and
 * is_closed, which work on a closed handle, by their wrapper names) */
%rename("state_final?") cib_state_is_final(int);
%rename(delete) CartoDataset::remove;
%rename(force_delete) CartoDataset::force_remove;
%rename(delete) CartoSyncTable::remove;
%rename(size) CartoDatasetList::count;
%rename(size) CartoSyncList::count;
%rename(size) CartoStringList::count;
/* wrapped by lib/carto_import.rb (seconds, keywords, booleans) */
%rename(_import_dataset) CartoClient::import_dataset;
%rename(_import_sync_dataset) CartoClient::import_sync_dataset;
%rename(_wait) CartoImportJob::wait;
%rename(_wait) CartoSyncTable::wait;
%rename(_is_syncing) CartoSyncTable::is_syncing;

%include "../carto_import.i"

/* ---- the C helpers of the typemaps above (wrappers come after every %{ %} block) ---------- */
%{
#include <ruby/thread.h>

static VALUE carto_rb_module(void) { return rb_define_module("CartoImport"); }

/* CartoImport::Error, or CartoImport::<stem>Error. */
static VALUE carto_rb_class(const char *stem) {
  char name[96];
  if (!*stem) return rb_const_get(carto_rb_module(), rb_intern("Error"));
  snprintf(name, sizeof name, "%sError", stem);
  return rb_const_get(carto_rb_module(), rb_intern(name));
}

static VALUE carto_rb_str(const char *s) { return s ? rb_str_new_cstr(s) : Qnil; }

/* Raises the exception for status `code` (0: the last error's code), chosen by the shared
 * mapping and filled from the last-error record. Never returns. */
static void carto_rb_raise(int code, const char *message) {
  carto_import_error_info e;
  VALUE exc;
  carto_import_error_info_get(&e, code, message);
  exc = rb_exc_new_str(carto_rb_class(carto_import_error_class_of(e.code)->stem),
                       rb_str_new_cstr(e.message));
  rb_iv_set(exc, "@code", INT2NUM(e.code));
  rb_iv_set(exc, "@http_status", INT2NUM(e.http_status));
  rb_iv_set(exc, "@remote_code", INT2NUM(e.remote_code));
  rb_iv_set(exc, "@title", carto_rb_str(e.title));
  rb_iv_set(exc, "@explanation", carto_rb_str(e.explanation));
  rb_iv_set(exc, "@source", carto_rb_str(e.source));
  rb_iv_set(exc, "@retry_after", LONG2NUM(e.retry_after));
  rb_iv_set(exc, "@limit", LONG2NUM(e.limit));
  rb_iv_set(exc, "@remaining", LONG2NUM(e.remaining));
  rb_iv_set(exc, "@reset", LONG2NUM(e.reset));
  rb_iv_set(exc, "@job_id", carto_rb_str(e.job_id));
  carto_import_error_info_release(&e);
  rb_exc_raise(exc);
}

static void carto_rb_closed(const char *name) {
  char msg[96];
  carto_import_closed_message(msg, sizeof msg, name);
  carto_rb_raise(CARTO_IMPORT_EBADHANDLE, msg);
}

/* Runs f (a blocking call of the library) without the GVL. */
template <class F> static void carto_rb_without_gvl(F f) {
  rb_thread_call_without_gvl(
      [](void *p) -> void * {
        (*static_cast<F *>(p))();
        return nullptr;
      },
      &f, NULL, NULL);
}

/* The block's non-local exit (exception, break, throw), caught by rb_protect in the trampoline
 * and resumed by the wrapper once the C call returned. One per thread: a block runs on its
 * call's thread, and a block that jumped is not called again. */
static thread_local int carto_rb_jump_state = 0;

static void carto_rb_raise_status(int code) {
  int state = carto_rb_jump_state;
  carto_rb_jump_state = 0;
  if (state) rb_jump_tag(state); /* the block's own exception or jump, as Ruby would */
  carto_rb_raise(code, NULL);
}

static VALUE carto_rb_yield(VALUE args) { return rb_yield_splat(args); }

/* The progress trampoline: takes the GVL back (every method that takes a block is a blocking
 * one, called without it) and yields to the wrapper's block (still the current block:
 * callbacks run inside the call). false cancels; a jump out of the block cancels and is kept. */
struct carto_rb_progress_args {
  int state;
  long long done, total;
  int jump;
  VALUE result;
};

static void *carto_rb_progress_locked(void *p) {
  carto_rb_progress_args *a = static_cast<carto_rb_progress_args *>(p);
  a->result = rb_protect(carto_rb_yield, rb_ary_new_from_args(3, INT2NUM(a->state),
                                                               LL2NUM(a->done), LL2NUM(a->total)),
                         &a->jump);
  return nullptr;
}

static int carto_rb_progress(int state, long long done, long long total, void *userdata) {
  carto_rb_progress_args a = {state, done, total, 0, Qnil};
  (void)userdata;
  if (carto_rb_jump_state) return 1;
  rb_thread_call_with_gvl(carto_rb_progress_locked, &a);
  if (a.jump) {
    carto_rb_jump_state = a.jump;
    return 1;
  }
  return a.result == Qfalse ? 1 : 0;
}
%}

/* ---- the exception classes, from the shared table: CartoImport::Error < StandardError with
 *      the fields as readers, then <stem>Error under its parent. ------------------------------ */
%init %{
  {
    VALUE mod = carto_rb_module();
    VALUE root = rb_define_class_under(mod, "Error", rb_eStandardError);
    const carto_import_error_class *c;
    int pass;
    rb_define_attr(root, "code", 1, 0);
    rb_define_attr(root, "http_status", 1, 0);
    rb_define_attr(root, "remote_code", 1, 0);
    rb_define_attr(root, "title", 1, 0);
    rb_define_attr(root, "explanation", 1, 0);
    rb_define_attr(root, "source", 1, 0);
    rb_define_attr(root, "retry_after", 1, 0);
    rb_define_attr(root, "job_id", 1, 0);
    /* parents first: two passes cover the table's one level of nesting below the families */
    for (pass = 0; pass < 2; pass++) {
      for (c = carto_import_error_classes; c->stem; c++) {
        char name[96];
        if (!*c->stem || (pass == 0) != !*c->parent) continue;
        snprintf(name, sizeof name, "%sError", c->stem);
        rb_define_class_under(mod, name, carto_rb_class(c->parent));
      }
    }
    {
      VALUE rate = carto_rb_class("RateLimit");
      rb_define_attr(rate, "limit", 1, 0);
      rb_define_attr(rate, "remaining", 1, 0);
      rb_define_attr(rate, "reset", 1, 0);
    }
  }
%}
