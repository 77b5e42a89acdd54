// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/import_job.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <type_traits>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/gzip_stream.hpp"
#include "core/text.hpp"

namespace carto {

namespace {

const char *const kStateNames[] = {"unknown",   "new",       "sending",   "enqueued", "pending",
                                   "uploading", "unpacking", "importing", "guessing", "geocoding",
                                   "complete",  "failure",   "stuck",    "created",
                                   "queued",    "syncing",   "success"};
constexpr int kStateCount = sizeof(kStateNames) / sizeof(kStateNames[0]);

const char *privacy_name(int p) {
  switch (p) {
    case CARTO_IMPORT_PRIVACY_PUBLIC: return "public";
    case CARTO_IMPORT_PRIVACY_PRIVATE: return "private";
    case CARTO_IMPORT_PRIVACY_LINK: return "link";
    default: return nullptr;
  }
}

const char *collision_name(int c) {
  switch (c) {
    case CARTO_IMPORT_COLLISION_SKIP: return "skip";
    case CARTO_IMPORT_COLLISION_OVERWRITE: return "overwrite";
    default: return nullptr;
  }
}

std::string basename_of(const std::string &path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void add_bool(cJSON *obj, const char *name, bool v) {
  if (!cJSON_AddBoolToObject(obj, name, v)) throw std::bad_alloc();
}

void add_string(cJSON *obj, const char *name, const char *v) {
  if (v && !cJSON_AddStringToObject(obj, name, v)) throw std::bad_alloc();
}

// The error text's fields, under the names the C API gives them.
const JsonAlias kErrorFields[] = {{"error_title", "get_error_text", "title"},
                                  {"error_explanation", "get_error_text", "what_about"},
                                  {"error_source", "get_error_text", "source"}};

// What to do about a failed import, by who the server blames.
std::string advice_for(int code, const std::string &source) {
  if (code == 6671) return "the server gave up on the job; import the data again";
  if (code == 8001 || code == 8002)
    return "free space or datasets in the account (delete datasets), or upgrade it";
  if (code == 6666 || code == 6668) return "split the data into smaller files";
  if (source == "user") return "correct the data or the parameters and import again";
  return "retry later; if it persists, contact the server's administrators";
}

}  // namespace

bool looks_like_uuid(const std::string &s) noexcept {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int state_from_name(const std::string &name) noexcept {
  for (int i = CARTO_IMPORT_STATE_ENQUEUED; i < kStateCount; ++i)
    if (name == kStateNames[i]) return i;
  return CARTO_IMPORT_STATE_UNKNOWN;
}

const char *state_to_name(int state) noexcept {
  return state >= 0 && state < kStateCount ? kStateNames[state] : kStateNames[0];
}

bool state_is_final(int state) noexcept {
  return state == CARTO_IMPORT_STATE_COMPLETE || state == CARTO_IMPORT_STATE_FAILURE ||
         state == CARTO_IMPORT_STATE_STUCK || state == CARTO_IMPORT_STATE_SUCCESS;
}

JsonPtr parse_connector(const std::string &json) {
  JsonPtr doc = json_parse(json);
  if (!doc || !cJSON_IsObject(doc.get()))
    throw Error(CARTO_IMPORT_EINVAL, "the connector is not a JSON object; expected e.g. "
                                     "{\"provider\":\"postgres\",\"connection\":{...},\"table\":\"t\"}");
  if (cJSON *inner = cJSON_DetachItemFromObjectCaseSensitive(doc.get(), "connector")) {
    doc.reset(inner);
    if (!cJSON_IsObject(doc.get()))
      throw Error(CARTO_IMPORT_EINVAL, "\"connector\" must be a JSON object");
  }
  if (!json_is_string(doc.get(), "provider"))
    throw Error(CARTO_IMPORT_EINVAL, "the connector has no \"provider\" (e.g. \"postgres\")");
  return doc;
}

template <class Visit>
void ImportParams::each(Visit &&visit) const {
  auto flag = [&](const char *name, const std::optional<bool> &v) {
    if (v) visit(name, *v);
  };
  flag("type_guessing", type_guessing);
  flag("quoted_fields_guessing", quoted_fields_guessing);
  flag("content_guessing", content_guessing);
  flag("create_vis", create_vis);
  if (const char *p = privacy_name(privacy)) visit("privacy", p);
  if (const char *c = collision_name(collision)) visit("collision_strategy", c);
  for (const auto &kv : others) visit(kv.first.c_str(), kv.second.c_str());
}

void ImportParams::set_other(const std::string &name, const std::optional<std::string> &value) {
  static const char *const typed[] = {"type_guessing", "quoted_fields_guessing",
                                      "content_guessing", "create_vis", "privacy",
                                      "collision_strategy"};
  static const char *const reserved[] = {"url", "interval", "connector", "api_key", "file"};
  if (name.empty()) throw Error(CARTO_IMPORT_EINVAL, "the parameter's name is empty");
  for (const char *t : typed)
    if (name == t)
      throw Error(CARTO_IMPORT_EINVAL,
                  "'" + name + "' has its own setter: carto_import_params_set_" + name + "()");
  for (const char *r : reserved)
    if (name == r)
      throw Error(CARTO_IMPORT_EINVAL, "'" + name + "' is set by the library, not a parameter");
  auto it = std::find_if(others.begin(), others.end(),
                         [&](const auto &kv) { return kv.first == name; });
  if (it != others.end()) others.erase(it);
  if (value) others.emplace_back(name, *value);
}

QueryParams ImportParams::as_query() const {
  QueryParams q;
  each([&q](const char *name, auto value) {
    if constexpr (std::is_same_v<decltype(value), bool>)
      q.emplace_back(name, value ? "true" : "false");
    else
      q.emplace_back(name, value);
  });
  return q;
}

void ImportParams::add_to_json(cJSON *obj) const {
  each([obj](const char *name, auto value) {
    if constexpr (std::is_same_v<decltype(value), bool>)
      add_bool(obj, name, value);
    else
      add_string(obj, name, value);
  });
}

std::unique_ptr<ImportJob> ImportJob::from_file(std::shared_ptr<ClientCore> client,
                                                const std::string &path, ImportParams params) {
  if (path.empty()) throw Error(CARTO_IMPORT_EINVAL, "the file path is empty");
  struct stat st{};
  if (stat(path.c_str(), &st) != 0)
    throw Error(CARTO_IMPORT_EIO, "cannot open '" + path + "': no such file or not readable");
  if (S_ISDIR(st.st_mode))
    throw Error(CARTO_IMPORT_EIO, "'" + path + "' is a directory; import a file or an archive");
  if (FILE *f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    throw Error(CARTO_IMPORT_EIO, "cannot open '" + path + "' for reading; check permissions");
  }
  std::unique_ptr<ImportJob> job(new ImportJob(std::move(client), Source::file));
  job->path_ = path;
  job->params_ = params;
  return job;
}

bool is_fetchable_url(const std::string &s) noexcept {
  const size_t colon = s.find("://");
  if (colon == std::string::npos || colon > 5) return false;
  const std::string scheme = lower(s.substr(0, colon));
  return scheme == "http" || scheme == "https" || scheme == "ftp";
}

void check_fetchable_url(const std::string &url) {
  if (!is_fetchable_url(url))
    throw Error(CARTO_IMPORT_EINVAL,
                "'" + url + "' is not an http, https or ftp URL the server could fetch");
  if (url.size() <= url.find("://") + 3) throw Error(CARTO_IMPORT_EINVAL, "the URL has no host");
}

std::unique_ptr<ImportJob> ImportJob::from_url(std::shared_ptr<ClientCore> client,
                                               const std::string &url, ImportParams params) {
  check_fetchable_url(url);
  std::unique_ptr<ImportJob> job(new ImportJob(std::move(client), Source::url));
  job->url_ = url;
  job->params_ = params;
  return job;
}

std::unique_ptr<ImportJob> ImportJob::from_connector(std::shared_ptr<ClientCore> client,
                                                     const std::string &connector_json,
                                                     ImportParams params) {
  JsonPtr connector = parse_connector(connector_json);
  client->hide_passwords(connector.get());
  std::unique_ptr<ImportJob> job(new ImportJob(std::move(client), Source::connector));
  job->connector_ = std::move(connector);
  job->params_ = params;
  return job;
}

std::unique_ptr<ImportJob> ImportJob::attach(std::shared_ptr<ClientCore> client,
                                             const std::string &id) {
  if (!looks_like_uuid(id))
    throw Error(CARTO_IMPORT_EINVAL, "'" + id + "' is not an import job id (a UUID)");
  std::unique_ptr<ImportJob> job(new ImportJob(std::move(client), Source::attached));
  job->id_ = id;
  job->refresh();
  return job;
}

ImportJob::ImportJob(std::shared_ptr<ClientCore> client, Source source)
    : client_(std::move(client)), source_(source), reply_(kErrorFields) {}

std::string ImportJob::what() const { return "import job " + (id_.empty() ? "(not run)" : id_); }

void ImportJob::run(const ProgressSink &progress, const Deadline &deadline) {
  try {
    run_once(progress, deadline);
  } catch (const Error &e) {
    // 415 Unsupported Media Type: nothing was created; send the file as it is.
    if (upload_compression_ != CARTO_IMPORT_COMPRESSION_GZIP || e.info().http_status != 415) throw;
    send_uncompressed_next("HTTP 415");
    run_once(progress, deadline);
  }
}

void ImportJob::send_uncompressed_next(const std::string &why) {
  warnings_.emplace_back("upload_compression",
                         "the server rejected the gzip-compressed upload (" + why +
                             "); the file was sent again uncompressed");
  compression_ = CARTO_IMPORT_COMPRESSION_NONE;
}

void ImportJob::run_once(const ProgressSink &progress, const Deadline &deadline) {
  if (!id_.empty())
    throw Error(CARTO_IMPORT_EINVAL, what() + " has already run; create a new job to import again");
  HttpRequest req;
  req.method = "POST";
  req.path = "api/v1/imports";
  bool late_cancel = false;
  req.lost_reply_hint =
      "the server may have created the import job all the same: before importing again, look "
      "for it with carto_import_job_list() (the running jobs) and follow it with "
      "carto_import_job_attach()";
  if (source_ == Source::file) {
    req.query = params_.as_query();
    const int mode = compression_ >= 0 ? compression_ : client_->options().upload_compression;
    const std::string name = basename_of(path_);
    std::shared_ptr<GzipStream> gzip;
    if (mode == CARTO_IMPORT_COMPRESSION_AUTO && gains_from_gzip(name))
      gzip = std::make_shared<GzipStream>(path_, GzipStream::Policy::adaptive);
    else if (mode == CARTO_IMPORT_COMPRESSION_GZIP && !gzip_would_hide(name))
      gzip = std::make_shared<GzipStream>(path_, GzipStream::Policy::always);
    upload_compression_ = gzip ? CARTO_IMPORT_COMPRESSION_GZIP : CARTO_IMPORT_COMPRESSION_NONE;
    *wire_sent_ = 0;
    struct stat st{};
    const long long size = stat(path_.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
    req.upload = Upload{path_, gzip ? name + ".gz" : name, "file", gzip, wire_sent_, size};
    if (progress) {
      // Throttled: every 1% of the file, at the end, and every 100 ms even when the
      // transfer stalls (so that the callback can still cancel). Once the last byte is sent
      // the server may already have created the job: a cancel then lets the reply arrive, so
      // that the job's id can be told (late_cancel, below).
      auto last_call = Clock::now();
      long long last_done = -1;
      req.progress = [&progress, &late_cancel, last_call, last_done](long long done,
                                                                     long long total) mutable {
        const auto now = Clock::now();
        if (total <= 0 || late_cancel) return 0;  // the size is not known yet, or too late
        const bool news = done >= total ? done != last_done : done - last_done > total / 100;
        if (!news && now - last_call < std::chrono::milliseconds(100)) return 0;
        last_done = done;
        last_call = now;
        const int stop = progress(CARTO_IMPORT_STATE_SENDING, done, total);
        if (stop != 0 && done >= total) late_cancel = true;
        return late_cancel ? 0 : stop;
      };
    }
  } else {
    JsonPtr body(cJSON_CreateObject());
    if (!body) throw std::bad_alloc();
    if (source_ == Source::connector) {
      // A reference: the body is printed, then deleted without touching the job's connector.
      if (!cJSON_AddItemReferenceToObject(body.get(), "connector", connector_.get()))
        throw std::bad_alloc();
    } else {
      add_string(body.get(), "url", url_.c_str());
    }
    params_.add_to_json(body.get());
    req.has_json_body = true;
    req.json_body = json_print(body.get());
  }
  JsonPtr doc = client_->send_json(req, deadline);
  const std::string id = json_string(doc.get(), "item_queue_id");
  if (!looks_like_uuid(id))
    throw protocol_error(req.describe(), "no item_queue_id in the reply");
  if (cJSON_IsFalse(json_member(doc.get(), "success")))
    throw protocol_error(req.describe(), "the server answered success: false");
  id_ = id;
  state_ = CARTO_IMPORT_STATE_PENDING;
  state_name_ = "pending";
  if (late_cancel) {
    Error e(CARTO_IMPORT_ECANCELED,
            "canceled too late: the whole file was sent and the server created import job " +
                id + ", which goes on; wait for it, or delete what it imports");
    e.info().job_id = id;
    throw e;
  }
}

void ImportJob::run_and_wait(const ProgressSink &progress, const Deadline &deadline) {
  try {
    run(progress, deadline);
    wait(deadline, progress);
  } catch (const Error &e) {
    // CARTO's unsupported file type (1002) or decompression error (1003) for the .gz.
    const int code = e.info().remote_code;
    if (upload_compression_ != CARTO_IMPORT_COMPRESSION_GZIP || id_.empty() ||
        (code != 1002 && code != 1003))
      throw;
    send_uncompressed_next(what() + " failed with CARTO error " + std::to_string(code));
    id_.clear();
    state_ = CARTO_IMPORT_STATE_NEW;
    state_name_ = "new";
    reply_.clear();
    run_once(progress, deadline);
    wait(deadline, progress);
  }
}

void ImportJob::refresh(const Deadline &deadline) {
  if (id_.empty()) throw Error(CARTO_IMPORT_EINVAL, "the import job has not run yet; call run first");
  HttpRequest req;
  req.path = "api/v1/imports/" + id_;
  try {
    take(client_->send_json(req, deadline), req.describe());
  } catch (Error &e) {
    // The real server answers 500 for an unknown job id (PROTOCOL §2.2): say what it means.
    if (e.code() == CARTO_IMPORT_ENOTFOUND || e.info().http_status == 500)
      e.info().message += " (no import job " + id_ + " for this account?)";
    throw;
  }
}

void ImportJob::take(JsonPtr doc, const std::string &request) {
  if (!doc) throw protocol_error(request, "empty reply");
  const cJSON *state = json_member(doc.get(), "state");
  if (!cJSON_IsString(state)) throw protocol_error(request, "no \"state\" in the import job");
  state_name_ = state->valuestring;
  state_ = state_from_name(state_name_);
  if (!warnings_.empty()) {
    cJSON *w = cJSON_GetObjectItemCaseSensitive(doc.get(), "warnings");
    if (!cJSON_IsObject(w)) {  // absent, or null or another type: an object of ours instead
      cJSON_DeleteItemFromObjectCaseSensitive(doc.get(), "warnings");
      w = cJSON_AddObjectToObject(doc.get(), "warnings");
      if (!w) throw std::bad_alloc();
    }
    for (const auto &[key, text] : warnings_) {
      cJSON_DeleteItemFromObjectCaseSensitive(w, key.c_str());
      add_string(w, key.c_str(), text.c_str());
    }
  }
  reply_.take(std::move(doc));
}

int ImportJob::success() const {
  const cJSON *s = json_member(reply_.doc(), "success");
  if (cJSON_IsBool(s)) return cJSON_IsTrue(s) ? 1 : 0;
  return -1;
}

int ImportJob::error_code() const {
  return static_cast<int>(json_int(reply_.doc(), "error_code", 0));
}

std::vector<std::string> ImportJob::table_refs() const {
  std::vector<std::string> refs;
  // carto-import-server lists every table it created (the Rails model's hidden table_names).
  const cJSON *names = json_member(reply_.doc(), "table_names");
  const cJSON *item = nullptr;
  cJSON_ArrayForEach(item, names) {
    if (cJSON_IsString(item)) refs.emplace_back(item->valuestring);
  }
  if (refs.empty()) {
    if (const char *id = get_string("table_id")) refs.emplace_back(id);
    else if (const char *name = get_string("table_name")) refs.emplace_back(name);
  }
  return refs;
}

Error ImportJob::failure_error() const {
  ErrorInfo e;
  e.code = CARTO_IMPORT_EREMOTE;
  e.remote_code = error_code();
  const cJSON *text = json_member(reply_.doc(), "get_error_text");
  if (json_is_string(text, "title")) e.set_title(json_string(text, "title"));
  if (json_is_string(text, "what_about")) e.set_explanation(json_string(text, "what_about"));
  if (json_is_string(text, "source")) e.set_source(json_string(text, "source"));
  if (state_ == CARTO_IMPORT_STATE_STUCK && e.remote_code == 0) e.remote_code = 6671;
  e.message = what() + " ended in state '" + state_name_ + "'";
  if (e.remote_code) e.message += " with CARTO error " + std::to_string(e.remote_code);
  if (e.has_title) e.message += " (" + e.title + ")";
  if (e.has_explanation) e.message += ": " + e.explanation;
  e.message += "; " + advice_for(e.remote_code, e.source);
  return Error(std::move(e));
}

void ImportJob::wait(const Deadline &deadline, const ProgressSink &progress) {
  if (id_.empty()) throw Error(CARTO_IMPORT_EINVAL, "the import job has not run yet; call run first");
  Pollable p;
  p.refresh = [this](const Deadline &d) { refresh(d); };
  p.state = [this] { return state_; };
  p.state_name = [this] { return state_name_; };
  p.settled = [this] { return state_is_final(state_) || success() == 0; };
  p.what = what();
  poll_until(client_->options(), deadline, p, progress);
  if (state_ != CARTO_IMPORT_STATE_COMPLETE || success() == 0) throw failure_error();
}

std::vector<std::string> list_import_jobs(ClientCore &client, const Deadline &deadline) {
  HttpRequest req;
  req.path = "api/v1/imports";
  JsonPtr doc = client.send_json(req, deadline);
  const cJSON *ids = json_member(doc.get(), "imports");
  if (!cJSON_IsArray(ids)) throw protocol_error(req.describe(), "no \"imports\" list in the reply");
  check_list_size(client, req.describe(), cJSON_GetArraySize(ids));
  std::vector<std::string> out;
  std::set<std::string> seen;
  const cJSON *item = nullptr;
  cJSON_ArrayForEach(item, ids) {
    if (!cJSON_IsString(item)) throw protocol_error(req.describe(), "a job id is not a string");
    if (!seen.insert(item->valuestring).second)
      throw protocol_error(req.describe(), "the job id " + std::string(item->valuestring) +
                                               " is listed twice");
    out.emplace_back(item->valuestring);
  }
  return out;
}

}  // namespace carto
