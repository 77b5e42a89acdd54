// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/services.hpp"

#include <iostream>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/time.hpp"
#include "common/url.hpp"
#include "domain/jobs.hpp"
#include "domain/syncs.hpp"
#include "importer/importer.hpp"

namespace cis {

Services::Services(Config cfg) : cfg_(std::move(cfg)) {
  if (!make_dirs(cfg_.data_dir)) throw std::runtime_error("cannot create data directory " + cfg_.data_dir);
  store_ = std::make_unique<Store>(cfg_.data_dir + "/meta.sqlite");
  for (const auto &u : cfg_.users) store_->ensure_user(u.name);
  int stuck = store_->fail_unfinished_imports(carto::kStuckImportJob);
  if (stuck > 0) log("marked " + std::to_string(stuck) + " unfinished import(s) as stuck (" +
                       std::to_string(carto::kStuckImportJob) + ")");
  remove_tree(cfg_.data_dir + "/jobs");  // scratch space of jobs that will never resume
  jobs_ = std::make_unique<Jobs>(*this);
  syncs_ = std::make_unique<Syncs>(*this);
  jobs_->on_sync_import_finished = [this](ImportRec &job, const Fetched &src) {
    syncs_->import_finished(job, src);
  };
}

Services::~Services() {
  if (syncs_) syncs_->stop();
  if (jobs_) jobs_->stop();
}

UserTables &Services::tables(const std::string &user) {
  std::lock_guard<std::mutex> lk(tables_mu_);
  auto it = tables_.find(user);
  if (it != tables_.end()) return *it->second;
  std::string dir = cfg_.data_dir + "/users/" + user;
  make_dirs(dir);
  auto t = std::make_unique<UserTables>(dir + "/tables.gpkg");
  UserTables &ref = *t;
  tables_.emplace(user, std::move(t));
  return ref;
}

std::string Services::job_dir(const std::string &job_id) const { return cfg_.data_dir + "/jobs/" + job_id; }

namespace {
// One log line per call whatever it holds (paths, URLs, file names, error texts come from
// clients): control characters and backslashes are escaped. (URL credentials: Services::log.)
std::string log_escape(const std::string &line) {
  std::string out;
  out.reserve(line.size());
  for (unsigned char c : line) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}
}  // namespace

void Services::log(const std::string &line) const {
  if (cfg_.quiet) return;
  std::string escaped = log_escape(redact_url_credentials(line));
  std::lock_guard<std::mutex> lk(log_mu_);
  std::cerr << now_iso() << " " << escaped << std::endl;
}

}  // namespace cis
