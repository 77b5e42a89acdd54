/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto_import_java.i — the Java binding (package org.carto.importapi): the module, the
 * exception mapping, the progress trampoline and the Java idioms of the classes of
 * ../carto_import.i. SWIG runs with -package org.carto.importapi (bindings/java/CMakeLists.txt).
 *
 *  - Every handle class implements AutoCloseable: close() frees the C handle and its box at
 *    once and is idempotent; any later use throws InvalidHandleException. An object never closed
 *    is released by a java.lang.ref.Cleaner (no finalize()): the cleaning action holds only the
 *    C pointer, never the proxy.
 *  - Failures throw the CartoImportException subclass that carto_import_error_class_of() (the
 *    shared mapping) names: <stem>Exception, built from the thread's last-error record.
 *  - Methods returning a new object (`Box **OUT` in the shared file) return it, owned by Java.
 *  - (progress, userdata) is a ProgressListener: false cancels (CancelledException), an
 *    exception thrown by it cancels too and is re-thrown as is.
 *  - Methods are camelCase; C enums and #defines are int constants of class CartoImport.
 */
%module(docstring="libcarto_import for Java") CartoImport

%include "enumsimple.swg"
/* The shared file marks the blocking methods with Python's directives; a no-op feature here. */
#define %nothreadallow %feature("nothreadallow")
#define %threadallow %feature("nothreadallow", "0")
%javaconst(1);

/* The JNI library, libcarto_import_java.so: NativeLoader finds it (the jar's own copy, else
 * java.library.path, else the system's). */
%pragma(java) jniclasscode=%{
  static {
    NativeLoader.load();
  }
%}

/* Sizes, counts, timeouts and intervals are Java long: C long is 64-bit here, and SWIG's
 * default maps it to int. */
%apply long long { long };
%pragma(java) moduleclassmodifiers="public final class"
%pragma(java) modulecode=%{
  private CartoImport() {}
%}

/* The hooks of common/macros.i: SWIG macros, so that $null (the wrapper's return value) is
 * expanded in the typemaps and %exception that use them. */
#define CARTO_IMPORT_CLOSED_ERROR(name) do { carto_java_closed(jenv, name); return $null; } while (0)
#define CARTO_IMPORT_CONSTRUCTOR_FAILED do { carto_java_throw(jenv, 0, NULL); return $null; } while (0)

/* (the C helpers come after the shared file, whose C code they use: see the end) */

/* ---- every fallible call: throw (the listener's own exception first), else return nothing */
%typemap(jni) carto_import_status "void"
%typemap(jtype) carto_import_status "void"
%typemap(jstype) carto_import_status "void"
%typemap(javaout) carto_import_status { $jnicall; }
%typemap(out) carto_import_status {
  if ($1 < 0) {
    if (!(*jenv)->ExceptionCheck(jenv)) carto_java_throw(jenv, $1, NULL);
    return $null;
  }
}

/* ---- Box **OUT: the method returns the new object, owned by Java. The JNI function returns
 *      the box's address; the proxy wraps it. One line per such method, below. */
%typemap(in, numinputs=0) SWIGTYPE **OUT ($*1_ltype temp = NULL) { $1 = &temp; }
%typemap(argout) SWIGTYPE **OUT { *($*1_ltype *)&jresult = *$1; }

%define CARTO_JAVA_RETURNS(method, JavaBox)
%typemap(jni) carto_import_status method "jlong"
%typemap(jtype) carto_import_status method "long"
%typemap(jstype) carto_import_status method "JavaBox"
%typemap(javaout) carto_import_status method { return new JavaBox($jnicall, true); }
%typemap(out) carto_import_status method = carto_import_status;
%enddef
CARTO_JAVA_RETURNS(CartoClient::import_file, ImportJob)
CARTO_JAVA_RETURNS(CartoClient::import_url, ImportJob)
CARTO_JAVA_RETURNS(CartoClient::import_connector, ImportJob)
CARTO_JAVA_RETURNS(CartoClient::attach, ImportJob)
CARTO_JAVA_RETURNS(CartoClient::import_jobs, StringList)
CARTO_JAVA_RETURNS(CartoClient::import_dataset, DatasetList)
CARTO_JAVA_RETURNS(CartoClient::import_sync_dataset, DatasetList)
CARTO_JAVA_RETURNS(CartoClient::list_datasets, DatasetList)
CARTO_JAVA_RETURNS(CartoClient::filter_datasets, DatasetList)
CARTO_JAVA_RETURNS(CartoClient::get_dataset, Dataset)
CARTO_JAVA_RETURNS(CartoClient::create_sync, SyncTable)
CARTO_JAVA_RETURNS(CartoClient::create_sync_connector, SyncTable)
CARTO_JAVA_RETURNS(CartoClient::get_sync, SyncTable)
CARTO_JAVA_RETURNS(CartoClient::list_syncs, SyncList)
CARTO_JAVA_RETURNS(CartoImportJob::datasets, DatasetList)
CARTO_JAVA_RETURNS(CartoDatasetList::get, Dataset)
CARTO_JAVA_RETURNS(CartoSyncTable::dataset, Dataset)
CARTO_JAVA_RETURNS(CartoSyncList::get, SyncTable)

/* ---- int *OUTPUT (force's outcome, is_syncing's flag): the method's result. typemaps.i is
 *      included here first, so the shared file's %include of it does not undo this. */
%include <typemaps.i>
%typemap(in, numinputs=0) int *OUTPUT (int temp = 0) { $1 = &temp; }
%typemap(argout) int *OUTPUT { jresult = (jint)*$1; }
%define CARTO_JAVA_RETURNS_INT(method, JavaType, convert)
%typemap(jni) carto_import_status method "jint"
%typemap(jtype) carto_import_status method "int"
%typemap(jstype) carto_import_status method "JavaType"
%typemap(javaout) carto_import_status method { return $jnicall convert; }
%typemap(out) carto_import_status method = carto_import_status;
%enddef
CARTO_JAVA_RETURNS_INT(CartoSyncTable::force, int, )
CARTO_JAVA_RETURNS_INT(CartoSyncTable::is_syncing, boolean, != 0)

/* ---- (progress, userdata): a ProgressListener or null ---------------------------------------- */
%typemap(jni) (carto_import_progress_cb progress, void *userdata) "jobject"
%typemap(jtype) (carto_import_progress_cb progress, void *userdata) "ProgressListener"
%typemap(jstype) (carto_import_progress_cb progress, void *userdata) "ProgressListener"
%typemap(javain) (carto_import_progress_cb progress, void *userdata) "$javainput"
%typemap(in) (carto_import_progress_cb progress, void *userdata) (carto_java_progress_ctx ctx) {
  ctx.jenv = jenv;
  ctx.listener = $input;
  $1 = $input ? carto_java_progress : NULL;
  $2 = $input ? (void *)&ctx : NULL;
}

/* ---- lifetime: AutoCloseable, Cleaner instead of finalize() --------------------------------- */
%define CARTO_JAVA_CLOSEABLE(Box)
%typemap(javainterfaces) struct Box "AutoCloseable"
%typemap(javafinalize) struct Box ""
%typemap(javabody) struct Box %{
  private transient long swigCPtr;
  protected transient boolean swigCMemOwn;
  private final java.lang.ref.Cleaner.Cleanable swigCleanable;

  /** Frees the C object when the proxy becomes unreachable; holds the address only. */
  private static final class Release implements Runnable {
    private final long cPtr;
    Release(long cPtr) { this.cPtr = cPtr; }
    @Override public void run() { $imclassname.delete_$javaclassname(cPtr); }
  }

  protected $javaclassname(long cPtr, boolean cMemoryOwn) {
    swigCMemOwn = cMemoryOwn;
    swigCPtr = cPtr;
    swigCleanable = cMemoryOwn && cPtr != 0
        ? Resources.CLEANER.register(this, new Release(cPtr)) : null;
  }

  /** The C address of obj, 0 for null; a closed object throws InvalidHandleException. */
  protected static long getCPtr($javaclassname obj) {
    if (obj == null) return 0;
    if (obj.swigCPtr == 0) throw CartoImportException.closed("$javaclassname");
    return obj.swigCPtr;
  }

  /** True once close() was called. */
  public boolean isClosed() {
    return swigCPtr == 0;
  }
%}
/* close(): frees the handle and its box now; again, it does nothing. */
%typemap(javadestruct, methodname="close", methodmodifiers="@Override public synchronized") struct Box {
    if (swigCPtr != 0) {
      swigCPtr = 0;
      swigCMemOwn = false;
      if (swigCleanable != null) {
        swigCleanable.clean();
      }
    }
  }
%ignore Box::close;
%ignore Box::is_closed;
%enddef
CARTO_JAVA_CLOSEABLE(CartoOptions)
CARTO_JAVA_CLOSEABLE(CartoClient)
CARTO_JAVA_CLOSEABLE(CartoParams)
CARTO_JAVA_CLOSEABLE(CartoImportJob)
CARTO_JAVA_CLOSEABLE(CartoDataset)
CARTO_JAVA_CLOSEABLE(CartoDatasetList)
CARTO_JAVA_CLOSEABLE(CartoSyncTable)
CARTO_JAVA_CLOSEABLE(CartoSyncList)
CARTO_JAVA_CLOSEABLE(CartoStringList)

/* ---- Java names: camelCase members and functions ------------------------------------------- */
%rename("%(lowercamelcase)s", %$isfunction, %$ismember) "";
/* (with a parameter list: more specific than the shared file's renames, so they win) */
%rename(versionNum) cib_version_num(void);
%rename(stateString) cib_state_string(int);
%rename(stateIsFinal) cib_state_is_final(int);
%rename(errorClassName) cib_error_class_name(int);
%rename(errorClassParent) cib_error_class_parent(int);
/* Object.wait is final: the blocking waits are await(). delete() reads better than remove(). */
%rename(await) CartoImportJob::wait;
%rename(await) CartoSyncTable::wait;
%rename(delete) CartoDataset::remove;
%rename(forceDelete) CartoDataset::force_remove;
%rename(delete) CartoSyncTable::remove;
%rename(size) CartoDatasetList::count;
%rename(size) CartoSyncList::count;
%rename(size) CartoStringList::count;
%rename(getErrorCode) CartoImportJob::error_code;

/* ---- conveniences written in Java --------------------------------------------------------- */
%typemap(javacode) struct CartoClient %{
  /** A client for the account at baseUrl (any CARTO form) with its master API key. */
  public static Client open(String baseUrl, String apiKey) {
    try (Options options = new Options()) {
      options.setBaseUrl(baseUrl);
      options.setApiKey(apiKey);
      return new Client(options);
    }
  }

  /** Imports a file, URL or connector JSON with the server's defaults and waits for it. */
  public DatasetList importDataset(String source, java.time.Duration timeout) {
    return importDataset(source, null, Resources.millis(timeout), null);
  }
%}
%typemap(javacode) struct CartoImportJob %{
  /** Waits until the job is final; throws when it failed, got stuck or timed out. */
  public void await(java.time.Duration timeout) {
    await(Resources.millis(timeout), null);
  }

  @Override
  public String toString() {
    return isClosed() ? "ImportJob[closed]" : "ImportJob[" + id() + ", " + stateName() + "]";
  }
%}
%typemap(javacode) struct CartoSyncTable %{
  /** Waits until the sync table is neither created, queued nor syncing. */
  public void await(java.time.Duration timeout) {
    await(Resources.millis(timeout), null);
  }

  @Override
  public String toString() {
    return isClosed() ? "SyncTable[closed]" : "SyncTable[" + id() + ", " + stateName() + "]";
  }
%}
%typemap(javacode) struct CartoDataset %{
  /** The dataset's name (its table's name). */
  public String name() {
    return getString("name");
  }

  @Override
  public String toString() {
    return isClosed() ? "Dataset[closed]" : "Dataset[" + getString("name") + "]";
  }
%}
%define CARTO_JAVA_LIST(Box, Item)
%typemap(javacode) struct Box %{
  /** The items, each its own object (close them, or let the Cleaner do it). */
  public java.util.List<Item> toList() {
    int n = (int) size();
    java.util.List<Item> items = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(get(i));
    }
    return items;
  }
%}
%enddef
CARTO_JAVA_LIST(CartoDatasetList, Dataset)
CARTO_JAVA_LIST(CartoSyncList, SyncTable)
CARTO_JAVA_LIST(CartoStringList, String)

%include "../carto_import.i"

/* ---- the C helpers of the typemaps above (wrappers come after every %{ %} block) ---------- */
%{
#include <stdio.h>
#include "carto_import.h"

/* Where the hand-written classes live: the -package given to SWIG, with slashes. */
#define CARTO_JAVA_PKG "org/carto/importapi/"

static jstring carto_java_string(JNIEnv *jenv, const char *s) {
  return s ? (*jenv)->NewStringUTF(jenv, s) : NULL;
}

/* Throws the exception that `e` describes: its class, <stem>Exception, chosen by the shared
 * mapping; CartoImportException.Details carries the fields. (A JNI failure leaves its own
 * exception pending instead.) */
static void carto_java_throw_info(JNIEnv *jenv, const carto_import_error_info *e) {
  const carto_import_error_class *c = carto_import_error_class_of(e->code);
  char name[160];
  jclass details_cls, cls;
  jmethodID details_ctor, ctor;
  jobject details;
  jthrowable exc;

  snprintf(name, sizeof name, CARTO_JAVA_PKG "%sException", *c->stem ? c->stem : "CartoImport");
  details_cls = (*jenv)->FindClass(jenv, CARTO_JAVA_PKG "CartoImportException$Details");
  if (!details_cls) return; /* NoClassDefFoundError is pending */
  details_ctor = (*jenv)->GetMethodID(
      jenv, details_cls, "<init>",
      "(ILjava/lang/String;IILjava/lang/String;Ljava/lang/String;Ljava/lang/String;JJJJ"
      "Ljava/lang/String;)V");
  cls = (*jenv)->FindClass(jenv, name);
  if (!details_ctor || !cls) return;
  ctor = (*jenv)->GetMethodID(jenv, cls, "<init>",
                              "(L" CARTO_JAVA_PKG "CartoImportException$Details;)V");
  if (!ctor) return;
  details = (*jenv)->NewObject(
      jenv, details_cls, details_ctor, (jint)e->code, carto_java_string(jenv, e->message),
      (jint)e->http_status, (jint)e->remote_code, carto_java_string(jenv, e->title),
      carto_java_string(jenv, e->explanation), carto_java_string(jenv, e->source),
      (jlong)e->retry_after, (jlong)e->limit, (jlong)e->remaining, (jlong)e->reset,
      carto_java_string(jenv, e->job_id));
  if (!details) return;
  exc = (jthrowable)(*jenv)->NewObject(jenv, cls, ctor, details);
  if (exc) (*jenv)->Throw(jenv, exc);
}

/* Throws the exception for status `code` (0: the last error's code), filled from the snapshot
 * of the last-error record (carto_import_error_info_get), which it then releases. */
static void carto_java_throw(JNIEnv *jenv, int code, const char *message) {
  carto_import_error_info e;
  carto_import_error_info_get(&e, code, message);
  carto_java_throw_info(jenv, &e);
  carto_import_error_info_release(&e);
}

/* A method of a closed handle (NULL self): InvalidHandleException, without calling the
 * library. */
static void carto_java_closed(JNIEnv *jenv, const char *name) {
  char msg[96];
  carto_import_closed_message(msg, sizeof msg, name);
  carto_java_throw(jenv, CARTO_IMPORT_EBADHANDLE, msg);
}

/* The progress trampoline: callbacks run on the calling thread, inside the wrapper's JNI
 * call, so the wrapper's JNIEnv is valid. Once the listener threw, it is not called again and
 * the exception stays pending until the wrapper returns (the C call ends with ECANCELED). */
typedef struct carto_java_progress_ctx {
  JNIEnv *jenv;
  jobject listener;
} carto_java_progress_ctx;

static int carto_java_progress(int state, long long done, long long total, void *userdata) {
  carto_java_progress_ctx *ctx = (carto_java_progress_ctx *)userdata;
  JNIEnv *jenv = ctx->jenv;
  jclass cls;
  jmethodID m;
  jboolean go;
  if ((*jenv)->ExceptionCheck(jenv)) return 1;
  cls = (*jenv)->GetObjectClass(jenv, ctx->listener);
  m = (*jenv)->GetMethodID(jenv, cls, "onProgress", "(IJJ)Z");
  (*jenv)->DeleteLocalRef(jenv, cls);
  if (!m) return 1;
  go = (*jenv)->CallBooleanMethod(jenv, ctx->listener, m, (jint)state, (jlong)done,
                                  (jlong)total);
  if ((*jenv)->ExceptionCheck(jenv)) return 1;
  return go ? 0 : 1;
}
%}
