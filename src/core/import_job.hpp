// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Import jobs (PROTOCOL §2): parameters, the upload, polling and waiting.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/client.hpp"
#include "core/json_snapshot.hpp"
#include "core/poll.hpp"

namespace carto {

struct ImportParams {
  std::optional<bool> type_guessing, quoted_fields_guessing, content_guessing, create_vis;
  int privacy = 0;    // carto_import_privacy; 0 = not sent
  int collision = 0;  // carto_import_collision; 0 = not sent
  QueryParams others;  // carto_import_params_set_string(): other parameters, as strings

  // Sets (or, value absent, removes) one of `others`; Error(EINVAL) for a refused name.
  void set_other(const std::string &name, const std::optional<std::string> &value);

  // The parameters that are set, as the server spells them (booleans as true/false).
  QueryParams as_query() const;
  // The same, as members of a JSON object (booleans as JSON booleans).
  void add_to_json(cJSON *obj) const;

 private:
  // Calls visit(name, bool) or visit(name, const char *) for every parameter that is set.
  template <class Visit>
  void each(Visit &&visit) const;
};

int state_from_name(const std::string &name) noexcept;
const char *state_to_name(int state) noexcept;
bool state_is_final(int state) noexcept;

class ImportJob {
 public:
  enum class Source { file, url, connector, attached };

  static std::unique_ptr<ImportJob> from_file(std::shared_ptr<ClientCore> client,
                                              const std::string &path, ImportParams params);
  static std::unique_ptr<ImportJob> from_url(std::shared_ptr<ClientCore> client,
                                             const std::string &url, ImportParams params);
  // connector: the connector object, or {"connector": {...}} wrapping it.
  static std::unique_ptr<ImportJob> from_connector(std::shared_ptr<ClientCore> client,
                                                   const std::string &connector_json,
                                                   ImportParams params);
  static std::unique_ptr<ImportJob> attach(std::shared_ptr<ClientCore> client,
                                           const std::string &id);

  void run(const ProgressSink &progress, const Deadline &deadline = std::nullopt);
  // run() then wait(); when the job fails as an unsupported file type (1002, 1003) after a
  // compressed upload, sends the file once more uncompressed (as run() itself does after a
  // 415) and records it in the job's warnings.
  void run_and_wait(const ProgressSink &progress, const Deadline &deadline);
  void refresh(const Deadline &deadline = std::nullopt);
  // Returns when complete; throws EREMOTE (failed/stuck), ETIMEDOUT, ECANCELED, ...
  void wait(const Deadline &deadline, const ProgressSink &progress);

  const std::string &id() const { return id_; }
  int state() const { return state_; }
  const std::string &state_name() const { return state_name_; }
  int success() const;  // 1, 0, or -1 while not final
  int error_code() const;
  // A string field (or error_title / error_explanation / error_source); nullptr if none.
  const char *get_string(const std::string &field) const { return reply_.get_string(field); }
  std::optional<long long> get_int(const std::string &field) const { return reply_.get_int(field); }
  const std::string &json() const { return reply_.json(); }
  // The names of the tables the job created, as far as the server tells.
  std::vector<std::string> table_refs() const;
  const std::shared_ptr<ClientCore> &client() const { return client_; }
  // How the file was sent (carto_import_compression; AUTO before it ran), and body bytes sent.
  int upload_compression() const { return upload_compression_; }
  long long upload_bytes_sent() const { return wire_sent_->load(); }

  // The error describing a failed or stuck job.
  Error failure_error() const;

 private:
  ImportJob(std::shared_ptr<ClientCore> client, Source source);
  void run_once(const ProgressSink &progress, const Deadline &deadline);
  // Records why, in the job's warnings; the next run_once() sends the file uncompressed.
  void send_uncompressed_next(const std::string &why);
  void take(JsonPtr doc, const std::string &request);
  std::string what() const;  // "import job ID" for messages

  std::shared_ptr<ClientCore> client_;
  Source source_;
  std::string path_, url_;
  JsonPtr connector_;  // the connector object, as parsed (passwords registered as secrets)
  ImportParams params_;
  std::string id_;
  int state_ = 1;  // CARTO_IMPORT_STATE_NEW
  std::string state_name_ = "new";
  JsonSnapshot reply_;  // the job as the server last described it
  int compression_ = -1;          // the client's option unless set (a retry: NONE)
  int upload_compression_ = 0;    // CARTO_IMPORT_COMPRESSION_AUTO: not sent yet
  std::shared_ptr<std::atomic<long long>> wire_sent_ = std::make_shared<std::atomic<long long>>(0);
  std::vector<std::pair<std::string, std::string>> warnings_;  // added to the job's "warnings"
};

// The ids of the account's unfinished import jobs.
std::vector<std::string> list_import_jobs(ClientCore &client, const Deadline &deadline);

bool looks_like_uuid(const std::string &s) noexcept;

// True when s starts with http://, https:// or ftp:// (any case): a URL the server fetches.
bool is_fetchable_url(const std::string &s) noexcept;
// Throws EINVAL unless s is such a URL, with a host.
void check_fetchable_url(const std::string &url);

// Parses a connector description (the object, or {"connector": {...}}) and returns the
// connector object; throws EINVAL when it is not a JSON object with a provider.
JsonPtr parse_connector(const std::string &json);

}  // namespace carto
