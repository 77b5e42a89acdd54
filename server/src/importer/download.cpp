// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// download: fetch a URL import or a sync's source with libcurl, with the CARTO error codes.
#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "common/carto_codes.hpp"
#include "common/crypto.hpp"
#include "common/files.hpp"
#include "common/text.hpp"
#include "common/url.hpp"
#include "importer/importer.hpp"

namespace cis {
namespace {

namespace fs = std::filesystem;

struct CurlDeleter {
  void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

// filename*=UTF-8''x (RFC 6266/5987) wins over filename="x".
std::string disposition_file_name(const std::string &header) {
  std::string l = lower(header);
  std::size_t star = l.find("filename*=");
  if (star != std::string::npos) {
    std::string v = header.substr(star + 10);
    v = v.substr(0, v.find(';'));
    std::size_t quote = v.find("''");
    return url_decode_path(trim(quote == std::string::npos ? v : v.substr(quote + 2)));
  }
  std::size_t plain = l.find("filename=");
  if (plain == std::string::npos) return "";
  std::string v = trim(header.substr(plain + 9));
  if (!v.empty() && v[0] == '"') {
    std::size_t end = v.find('"', 1);
    return v.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  }
  return trim(v.substr(0, v.find(';')));
}

// The URL path's last segment; for SQL-API style URLs (".../sql?q=...&filename=x&format=gpkg")
// the filename and format parameters, with "sql" when there is no filename.
std::string url_file_name(const std::string &url) {
  const std::string segment = url_basename(url);
  const std::string u = url.substr(0, url.find('#'));
  const std::size_t q = u.find('?');
  std::string filename, format;
  for (const auto &kv : query_params(q == std::string::npos ? "" : u.substr(q + 1))) {
    if (lower(kv.first) == "filename") filename = kv.second;
    if (lower(kv.first) == "format") format = kv.second;
  }
  if (segment.find('.') == std::string::npos && (!filename.empty() || !format.empty())) {
    std::string name = filename.empty() ? "sql" : filename;
    return format.empty() ? name : name + "." + lower(format);
  }
  return segment;
}

// An extension for an extension-less name, from the Content-Type.
std::string extension_for(const std::string &content_type) {
  static const std::pair<const char *, const char *> types[] = {
      {"text/csv", ".csv"}, {"text/tab-separated-values", ".tsv"},
      {"application/geo+json", ".geojson"}, {"application/json", ".json"},
      {"application/vnd.google-earth.kml+xml", ".kml"},
      {"application/vnd.google-earth.kmz", ".kmz"}, {"application/zip", ".zip"},
      {"application/gpx+xml", ".gpx"}, {"application/geopackage+sqlite3", ".gpkg"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
      {"application/gzip", ".gz"}, {"application/x-gzip", ".gz"}};
  std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
  for (const auto &p : types)
    if (t == p.first) return p.second;
  return "";
}

bool port_allowed(const std::vector<long> &ports, long port) {
  return ports.empty() || std::find(ports.begin(), ports.end(), port) != ports.end();
}

struct Transfer {
  std::FILE *file = nullptr;
  Sha256 sha;
  std::int64_t bytes = 0, max_bytes = 0;
  bool too_big = false;
  std::string etag, last_modified, disposition, content_type;
  CURL *curl = nullptr;
  bool public_only = false;       // no connection to a private address
  std::vector<long> ports;        // allowed ports, empty = any
  bool redirect = false;          // the response being read is a redirect
  std::string refused;            // why a connection or a redirect was refused
};

// Every connection curl opens (redirects and FTP data connections too) goes to the address
// checked here: a name that resolved to a public address before cannot connect elsewhere.
curl_socket_t open_socket(void *user, curlsocktype, curl_sockaddr *addr) {
  auto *t = static_cast<Transfer *>(user);
  if (t->public_only && is_forbidden_address(&addr->addr)) {
    t->refused = "a connection to a loopback, private, link-local or multicast address";
    return CURL_SOCKET_BAD;
  }
  return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

std::size_t on_body(char *data, std::size_t size, std::size_t n, void *user) {
  auto *t = static_cast<Transfer *>(user);
  std::size_t len = size * n;
  if (t->bytes + static_cast<std::int64_t>(len) > t->max_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer
  }
  t->bytes += static_cast<std::int64_t>(len);
  t->sha.update(data, len);
  return std::fwrite(data, 1, len, t->file);
}

std::size_t on_header(char *data, std::size_t size, std::size_t n, void *user) {
  auto *t = static_cast<Transfer *>(user);
  std::string line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last one's
    t->etag.clear(), t->last_modified.clear(), t->disposition.clear(), t->content_type.clear();
    std::size_t sp = line.find(' ');
    t->redirect = sp != std::string::npos && line.compare(sp + 1, 1, "3") == 0;
    return size * n;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string::npos) return size * n;
  std::string name = lower(trim(line.substr(0, colon))), value = trim(line.substr(colon + 1));
  if (name == "location" && t->redirect && !t->ports.empty()) {  // checked before it is followed
    char *current = nullptr;
    curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &current);
    if (!port_allowed(t->ports, url_port(value, current ? current : ""))) {
      t->refused = "a redirect to a port that is not allowed";
      return 0;  // aborts the transfer
    }
  }
  if (name == "etag") t->etag = value;
  else if (name == "last-modified") t->last_modified = value;
  else if (name == "content-disposition") t->disposition = value;
  else if (name == "content-type") t->content_type = value;
  return size * n;
}

DownloadResult failed(DownloadResult r, int code, std::string detail) {
  r.error_code = code;
  r.detail = std::move(detail);
  return r;
}

}  // namespace

DownloadResult download(const DownloadRequest &req) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  DownloadResult result;

  std::size_t sep = req.url.find("://");
  std::string scheme = sep == std::string::npos ? "" : lower(req.url.substr(0, sep));
  if (scheme.empty() ||
      std::find(req.allowed_schemes.begin(), req.allowed_schemes.end(), scheme) == req.allowed_schemes.end())
    return failed(result, carto::kDownloadError, "URL scheme '" + scheme + "' is not allowed: " + req.url);
  if (scheme != "file" && !port_allowed(req.allowed_ports, url_port(req.url, "")))
    return failed(result, carto::kDownloadError, "refused: a port that is not allowed: " + req.url);
  std::string protocols;
  for (const std::string &s : req.allowed_schemes) protocols += (protocols.empty() ? "" : ",") + s;

  std::error_code ec;
  fs::create_directories(req.dest_dir, ec);
  std::string part = (fs::path(req.dest_dir) / ".download-XXXXXX").string();
  int fd = mkstemp(part.data());
  if (fd < 0) return failed(result, carto::kFileIoError, "cannot create a file in " + req.dest_dir);
  Transfer t;
  File file(fdopen(fd, "wb"));
  if (!file) {
    close(fd);
    fs::remove(part, ec);
    return failed(result, carto::kFileIoError, "cannot write in " + req.dest_dir);
  }
  t.file = file.get();
  t.max_bytes = req.max_bytes;
  t.public_only = !req.allow_private;
  t.ports = req.allowed_ports;

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&](const std::string &h) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  };
  if (!req.if_none_match.empty()) add_header("If-None-Match: " + req.if_none_match);
  if (!req.if_modified_since.empty()) add_header("If-Modified-Since: " + req.if_modified_since);
  char errbuf[CURL_ERROR_SIZE] = "";
  CURL *c = curl.get();
  t.curl = c;
  if (t.public_only) {
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &t);
    curl_easy_setopt(c, CURLOPT_PROXY, "");  // the address connected to is the source's own
  }
  curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols.c_str());
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, protocols.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, req.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, std::min(req.timeout_seconds, 30L));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "carto-import-server");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(req.max_bytes));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.http_status);
  bool flushed = std::fflush(file.get()) == 0;
  file.reset();

  auto give_up = [&](int code, std::string detail) {
    fs::remove(part, ec);
    return failed(result, code, std::move(detail));
  };
  std::string what = std::string(curl_easy_strerror(rc)) + (*errbuf ? std::string(": ") + errbuf : "");
  if (rc != CURLE_OK && !t.refused.empty()) return give_up(carto::kDownloadError, "refused: " + t.refused);
  switch (rc) {
    case CURLE_OK: break;
    case CURLE_FILESIZE_EXCEEDED:
      return give_up(carto::kDatasetTooBig, "the file is larger than " + std::to_string(req.max_bytes) + " bytes");
    case CURLE_WRITE_ERROR:
      if (t.too_big) return give_up(carto::kDatasetTooBig, "the file is larger than " + std::to_string(req.max_bytes) + " bytes");
      return give_up(carto::kFileIoError, "cannot write the download: " + what);
    case CURLE_OPERATION_TIMEDOUT:
      return give_up(carto::kDownloadTimeout, what);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return give_up(carto::kUnknownServerUrl, what);
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return give_up(carto::kDownloadFileNotFound, what);
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_LOGIN_DENIED:
      return give_up(carto::kForbiddenFileUrl, what);
    case CURLE_PARTIAL_FILE:
      return give_up(carto::kPartialFile, what);
    default:
      return give_up(carto::kDownloadError, what);
  }
  result.etag = t.etag;
  result.last_modified = t.last_modified;
  bool http = scheme == "http" || scheme == "https";
  if (http && result.http_status == 304) {
    result.not_modified = true;
    if (result.etag.empty()) result.etag = req.if_none_match;
    if (result.last_modified.empty()) result.last_modified = req.if_modified_since;
    fs::remove(part, ec);
    return result;
  }
  if (http && (result.http_status == 404 || result.http_status == 410))
    return give_up(carto::kDownloadFileNotFound, "HTTP " + std::to_string(result.http_status));
  if (http && (result.http_status == 401 || result.http_status == 403))
    return give_up(carto::kForbiddenFileUrl, "HTTP " + std::to_string(result.http_status));
  if (http && (result.http_status < 200 || result.http_status >= 300))
    return give_up(carto::kDownloadError, "HTTP " + std::to_string(result.http_status));
  if (!flushed) return give_up(carto::kFileIoError, "cannot write the download");

  std::string name = safe_file_name(disposition_file_name(t.disposition));
  if (name.empty()) name = safe_file_name(url_file_name(req.url));
  if (name.empty()) {
    char *effective = nullptr;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
    if (effective) name = safe_file_name(url_file_name(effective));
  }
  if (name.empty()) name = "download";
  if (fs::path(name).extension().empty()) name += extension_for(t.content_type);
  result.file_name = name;
  result.path = (fs::path(req.dest_dir) / name).string();
  fs::rename(part, result.path, ec);
  if (ec) return give_up(carto::kFileIoError, "cannot move the download to " + result.path + ": " + ec.message());
  result.checksum = t.sha.hex();
  return result;
}

}  // namespace cis
