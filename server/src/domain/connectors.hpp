// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Connector parameters (PROTOCOL.md §3): the provider check done when a request arrives, the
// validation done when the job runs (1501, 1502), and the public form a sync shows.
// Only the postgres provider is enabled; it is read through GDAL's PG driver.
#pragma once

#include <string>

#include "common/json.hpp"
#include "importer/importer.hpp"

namespace cis {

// The connector object of a request: the parameter itself, or JSON text holding it. nullptr when
// it is neither an object nor such text.
Json connector_object(const cJSON *param);

// The provider named by a connector object; "" when none ("Provider not defined", a 400).
std::string connector_provider(const cJSON *connector);

struct ConnectorCheck {
  int error_code = 0;      // 0, 1501 (provider not enabled) or 1502 (invalid parameters)
  std::string message;     // for the client (the job's what_about); never holds the password
  DatabaseRequest db;      // when valid: everything but dest_dir and max_rows
};

// Validates connector JSON text (the object, as stored with the job).
ConnectorCheck check_connector(const std::string &connector_json);

// The connector as a sync shows it (service_item_id): normalised (defaults filled in, keys in a
// fixed order) and without the password.
std::string connector_public_json(const std::string &connector_json);

}  // namespace cis
