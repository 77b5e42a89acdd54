// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/http.hpp"

#include <curl/curl.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <exception>
#include <thread>

#include "carto_import.h"
#include "core/backoff.hpp"
#include "core/error.hpp"
#include "core/exchange.hpp"
#include "core/global.hpp"
#include "core/gzip_stream.hpp"
#include "core/redact.hpp"
#include "core/text.hpp"

namespace carto {

namespace {

constexpr size_t kMaxReplyBytes = 64u << 20;  // a CARTO reply is JSON; anything larger is wrong
constexpr long kUploadBufferBytes = 1L << 20;

struct CurlSlist {
  curl_slist *list = nullptr;
  ~CurlSlist() { curl_slist_free_all(list); }
  void add(const char *h) {
    curl_slist *n = curl_slist_append(list, h);
    if (!n) throw std::bad_alloc();
    list = n;
  }
};

struct MimeDeleter {
  void operator()(curl_mime *m) const { curl_mime_free(m); }
};

struct Sink {
  HttpReply reply;
  bool overflow = false;
  const ProgressFn *progress = nullptr;
  bool canceled = false;
  const Upload *upload = nullptr;
  std::exception_ptr read_error;  // thrown by the upload's compressor
};

size_t on_gzip_read(char *buf, size_t size, size_t n, void *userp) {
  auto *sink = static_cast<Sink *>(userp);
  try {
    return sink->upload->gzip->read(buf, size * n);
  } catch (...) {
    sink->read_error = std::current_exception();
    return CURL_READFUNC_ABORT;
  }
}

int on_gzip_seek(void *userp, curl_off_t offset, int origin) {
  auto *sink = static_cast<Sink *>(userp);
  if (offset != 0 || origin != SEEK_SET) return CURL_SEEKFUNC_CANTSEEK;
  sink->upload->gzip->rewind();
  return CURL_SEEKFUNC_OK;
}

size_t on_body(char *data, size_t size, size_t n, void *userp) {
  auto *sink = static_cast<Sink *>(userp);
  const size_t len = size * n;
  if (sink->reply.body.size() + len > kMaxReplyBytes) {
    sink->overflow = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->reply.body.append(data, len);
  return len;
}

size_t on_header(char *data, size_t size, size_t n, void *userp) {
  auto *sink = static_cast<Sink *>(userp);
  const size_t len = size * n;
  std::string line(data, len);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 100 Continue): start over
    sink->reply.headers.clear();
    return len;
  }
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return len;
  const std::string name = lower(line.substr(0, colon));
  size_t v = colon + 1;
  while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
  sink->reply.headers[name] = line.substr(v);
  return len;
}

int on_progress(void *userp, curl_off_t, curl_off_t, curl_off_t ultotal, curl_off_t ulnow) {
  auto *sink = static_cast<Sink *>(userp);
  if (sink->upload && sink->upload->wire_sent) *sink->upload->wire_sent = ulnow;
  if (!sink->progress || !*sink->progress) return 0;
  if (sink->upload && sink->upload->gzip) {  // report bytes of the file, not of the wire
    ulnow = sink->upload->gzip->input_done();
    ultotal = sink->upload->gzip->input_total();
  } else if (sink->upload && sink->upload->file_size >= 0 && ultotal > 0) {
    const long long size = sink->upload->file_size;  // the body is the file plus framing
    ulnow = static_cast<curl_off_t>(static_cast<double>(ulnow) / static_cast<double>(ultotal) *
                                    static_cast<double>(size));
    ultotal = size;
  }
  if ((*sink->progress)(static_cast<long long>(ulnow), static_cast<long long>(ultotal)) != 0) {
    sink->canceled = true;
    return 1;
  }
  return 0;
}

void check(CURLcode rc) {
  if (rc == CURLE_OUT_OF_MEMORY) throw std::bad_alloc();
  if (rc != CURLE_OK)
    throw Error(CARTO_IMPORT_EINTERNAL, std::string("libcurl refused an option: ") +
                                            curl_easy_strerror(rc));
}

int code_for(CURLcode rc) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT: return CARTO_IMPORT_ETIMEDOUT;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED: return CARTO_IMPORT_ETLS;
    case CURLE_READ_ERROR:
    case CURLE_FILE_COULDNT_READ_FILE: return CARTO_IMPORT_EIO;
    case CURLE_OUT_OF_MEMORY: return CARTO_IMPORT_ENOMEM;
    case CURLE_ABORTED_BY_CALLBACK: return CARTO_IMPORT_ECANCELED;
    default: return CARTO_IMPORT_ENETWORK;
  }
}

std::string hint_for(int code) {
  switch (code) {
    case CARTO_IMPORT_ETIMEDOUT:
      return "the server did not answer in time; check it is up, or raise the timeouts";
    case CARTO_IMPORT_ETLS:
      return "check the server's certificate, or set a CA bundle for on-premises servers";
    case CARTO_IMPORT_EIO: return "check that the file exists and is readable";
    default: return "check the base URL and the network, then retry";
  }
}

bool retryable_status(long s) { return s == 429 || s == 502 || s == 503 || s == 504; }

}  // namespace

long remaining_ms(const Deadline &deadline) {
  if (!deadline) return LONG_MAX;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return left > 0 ? static_cast<long>(left) : 0;
}

Deadline earlier(const Deadline &deadline, long ms) {
  if (ms <= 0) return deadline;
  const auto limit = Clock::now() + std::chrono::milliseconds(ms);
  return deadline && *deadline < limit ? deadline : Deadline(limit);
}


Transport::Transport(const Options &opts) : opts_(opts) {
  user_agent_ = "libcarto_import/" CARTO_IMPORT_VERSION_STRING;  // the build's version (CMake)
  if (!opts_.user_agent_suffix.empty()) user_agent_ += " " + opts_.user_agent_suffix;
}

Transport::~Transport() {
  for (void *h : pool_) curl_easy_cleanup(static_cast<CURL *>(h));
}

void *Transport::acquire() {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      void *h = pool_.back();
      pool_.pop_back();
      curl_easy_reset(static_cast<CURL *>(h));  // keeps the live connections
      return h;
    }
  }
  return new_curl_handle();
}

void Transport::release(void *easy) {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(easy);
}

HttpReply Transport::attempt_once(const HttpRequest &req, const Deadline &deadline,
                                  Traffic *traffic) {
  struct Lease {
    Transport *t;
    CURL *h;
    ~Lease() { t->release(h); }
  } lease{this, static_cast<CURL *>(acquire())};
  CURL *h = lease.h;

  QueryParams query = req.query;
  if (opts_.auth == AuthMode::query) query.emplace_back("api_key", opts_.api_key);
  std::string url = opts_.base.url + req.path;
  const std::string q = encode_query(query);
  if (!q.empty()) url += "?" + q;

  Sink sink;
  sink.progress = &req.progress;
  if (req.upload) sink.upload = &*req.upload;
  char errbuf[CURL_ERROR_SIZE] = {0};
  CurlSlist headers;
  headers.add("Accept: application/json");
  headers.add("Expect:");  // no 100-continue round trip; the server reads as we send

  check(curl_easy_setopt(h, CURLOPT_URL, url.c_str()));
  check(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
  check(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L));
  // libcurl silently re-sends a request once when a reused connection closes before any reply;
  // a POST (which creates an import job) must not be repeated that way, nor a DELETE (whose
  // retry must know the first attempt may have deleted): new connection.
  if (req.method == "POST" || req.method == "DELETE")
    check(curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L));
  check(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
  check(curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent_.c_str()));
  check(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf));
  check(curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""));
  check(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body));
  check(curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink));
  check(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header));
  check(curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink));
  check(curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress));
  check(curl_easy_setopt(h, CURLOPT_XFERINFODATA, &sink));
  check(curl_easy_setopt(h, CURLOPT_NOPROGRESS, req.progress || req.upload ? 0L : 1L));
  check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, opts_.verify_tls ? 1L : 0L));
  check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, opts_.verify_tls ? 2L : 0L));
  if (!opts_.ca_bundle.empty()) check(curl_easy_setopt(h, CURLOPT_CAINFO, opts_.ca_bundle.c_str()));
  if (opts_.auth == AuthMode::basic) {
    check(curl_easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC)));
    check(curl_easy_setopt(h, CURLOPT_USERNAME, opts_.base.username.c_str()));
    check(curl_easy_setopt(h, CURLOPT_PASSWORD, opts_.api_key.c_str()));
  }

  // Timeouts: the connect timeout, then the tighter of the request timeout (not for uploads,
  // which the stall rule watches instead) and the deadline.
  const long left = remaining_ms(deadline);
  if (left == 0) throw Error(CARTO_IMPORT_ETIMEDOUT, req.describe() + ": the deadline passed");
  long total = req.upload ? 0 : opts_.request_timeout_ms;
  if (left != LONG_MAX && (total == 0 || left < total)) total = left;
  long connect = opts_.connect_timeout_ms;
  if (total > 0 && total < connect) connect = total;
  check(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect));
  check(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, total));
  check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, opts_.low_speed_bytes));
  check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, opts_.low_speed_seconds));

  std::unique_ptr<curl_mime, MimeDeleter> mime;
  if (req.upload) {
    mime.reset(curl_mime_init(h));
    if (!mime) throw std::bad_alloc();
    curl_mimepart *part = curl_mime_addpart(mime.get());
    if (!part) throw std::bad_alloc();
    CURLcode data_rc;
    if (const auto &gz = req.upload->gzip) {  // size unknown: sent chunked
      gz->rewind();  // a retried attempt starts over
      data_rc = curl_mime_data_cb(part, -1, on_gzip_read, on_gzip_seek, nullptr, &sink);
      if (data_rc == CURLE_OK) data_rc = curl_mime_type(part, "application/gzip");
    } else {
      data_rc = curl_mime_filedata(part, req.upload->path.c_str());
    }
    if (curl_mime_name(part, req.upload->field.c_str()) != CURLE_OK || data_rc != CURLE_OK ||
        curl_mime_filename(part, req.upload->filename.c_str()) != CURLE_OK)
      throw Error(CARTO_IMPORT_EIO, req.describe() + ": cannot read '" + req.upload->path +
                                        "'; check that the file exists and is readable");
    check(curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get()));
    // Larger reads from the file mean fewer system calls per GiB sent.
    check(curl_easy_setopt(h, CURLOPT_UPLOAD_BUFFERSIZE, kUploadBufferBytes));
  } else if (req.has_json_body) {
    headers.add("Content-Type: application/json");
    check(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(req.json_body.size())));
    check(curl_easy_setopt(h, CURLOPT_POSTFIELDS, req.json_body.c_str()));
  } else if (req.method == "POST" || req.method == "PUT") {
    check(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, 0L));
    check(curl_easy_setopt(h, CURLOPT_POSTFIELDS, ""));
  }
  if (req.method == "PUT" || req.method == "DELETE")
    check(curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req.method.c_str()));
  else if (req.method != "GET" && req.method != "POST")
    throw Error(CARTO_IMPORT_EINTERNAL, "unsupported HTTP method " + req.method);
  check(curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list));

  const ScriptedExchange script = scripted_exchange();  // tests/fuzz only
  const CURLcode rc = script ? static_cast<CURLcode>(script(
                                   {req, url, on_header, on_body, &sink}, &sink.reply.status,
                                   &traffic->any_sent))
                             : curl_easy_perform(h);
  if (!script) {
    long request_size = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_size);
    curl_off_t up = 0, down = 0;
    curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &down);
    traffic->any_sent = request_size > 0;
    traffic->sent = request_size + up;
    traffic->received = down;
    if (req.upload && req.upload->wire_sent) *req.upload->wire_sent = up;
  }
  if (sink.read_error) std::rethrow_exception(sink.read_error);

  if (rc != CURLE_OK) {
    ErrorInfo e;
    if (sink.canceled) {
      e.code = CARTO_IMPORT_ECANCELED;
      e.message = req.describe() + ": canceled by the progress callback";
      throw Error(std::move(e));
    }
    if (sink.overflow) throw protocol_error(req.describe(), "the reply is larger than 64 MiB");
    e.code = code_for(rc);
    if (rc == CURLE_OPERATION_TIMEDOUT && left != LONG_MAX && total == left)
      e.message = req.describe() + ": the deadline passed before the server answered (the "
                                   "call's timeout, or for calls without a file the call "
                                   "timeout: carto_import_options_set_call_timeout_ms)";
    else
      e.message = req.describe() + ": " + (errbuf[0] ? errbuf : curl_easy_strerror(rc)) +
                  "; " + hint_for(e.code);
    throw Error(std::move(e));
  }
  if (!script) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &sink.reply.status);
  return std::move(sink.reply);
}

HttpReply Transport::send(const HttpRequest &req, const Deadline &caller_deadline) {
  const Deadline deadline =
      req.upload ? caller_deadline : earlier(caller_deadline, opts_.call_timeout_ms);
  const bool idempotent = req.method != "POST";
  const int attempts = opts_.retry.max_attempts < 1 ? 1 : opts_.retry.max_attempts;
  bool maybe_acted = false;  // an earlier attempt may have reached the server and done its work
  for (int attempt = 1;; ++attempt) {
    bool may_retry = false, lost = false;
    Traffic traffic;
    ErrorInfo failure;
    const auto started = Clock::now();
    try {
      HttpReply reply = attempt_once(req, deadline, &traffic);
      debug_line(req, attempt, std::to_string(reply.status), traffic, started);
      if (reply.status >= 200 && reply.status < 300) return reply;
      if (reply.status == 404 && req.method == "DELETE" && maybe_acted) {
        reply.status = 204;  // deleted by the attempt whose reply was lost
        reply.body.clear();
        return reply;
      }
      failure = decode_http_error(req.describe(), reply);
      lost = reply.status == 502 || reply.status == 504;  // a gateway lost the reply
      // A 429 means the server refused without doing anything, so even a POST may repeat.
      may_retry = retryable_status(reply.status) && (idempotent || reply.status == 429);
    } catch (const Error &e) {
      failure = e.info();
      debug_line(req, attempt, strerror_text(e.code()), traffic, started);
      const bool transport = e.code() == CARTO_IMPORT_ENETWORK || e.code() == CARTO_IMPORT_ETIMEDOUT;
      lost = transport && traffic.any_sent;
      // A POST is repeated only when not one byte of it reached the server.
      may_retry = transport && (idempotent || !traffic.any_sent);
    }
    maybe_acted = maybe_acted || lost;
    if (lost && !req.lost_reply_hint.empty()) failure.message += "; " + req.lost_reply_hint;
    if (!may_retry) throw Error(std::move(failure));
    if (attempt >= attempts) {
      if (attempts > 1)
        failure.message += " (gave up after " + std::to_string(attempts) + " attempts)";
      throw Error(std::move(failure));
    }
    const long wait =
        backoff_delay_ms(opts_.retry, attempt, failure.retry_after, jitter_uniform());
    if (wait >= remaining_ms(deadline)) {
      failure.message += " (no time left before the deadline to retry)";
      throw Error(std::move(failure));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
  }
}

void Transport::debug_line(const HttpRequest &req, int attempt, const std::string &outcome,
                           const Traffic &traffic, Clock::time_point started) const {
  if (!opts_.debug) return;
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  std::string line = req.method + " " + opts_.base.path + req.path;
  const std::string q = encode_query(req.query);  // (the key is never in req.query)
  if (!q.empty()) line += "?" + q;
  char tail[160];
  std::snprintf(tail, sizeof tail, " -> %s, %lld B sent, %lld B received, %lld ms, attempt %d",
                outcome.c_str(), traffic.sent, traffic.received, static_cast<long long>(ms),
                attempt);
  line = redact_secrets(line + tail);
  opts_.debug(line.c_str(), opts_.debug_userdata);
}

}  // namespace carto
