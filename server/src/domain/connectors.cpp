// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/connectors.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/carto_codes.hpp"
#include "common/json.hpp"
#include "common/text.hpp"

namespace cis {

namespace {

// The parameters of the postgres provider (the last open-source provider code, PROTOCOL.md §3.3).
const std::vector<std::string> kTopLevel = {"provider", "connection", "schema", "table", "sql_query",
                                            "import_as", "encoding", "columns", "sql_count"};
const std::vector<std::string> kRequiredConnection = {"server", "database", "username"};
const std::vector<std::string> kOptionalConnection = {"port", "password", "sslmode"};
const std::vector<std::string> kSslModes = {"require", "prefer", "disable"};

bool contains(const std::vector<std::string> &list, const std::string &s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string joined(const std::vector<std::string> &v) {
  std::string out;
  for (const auto &s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A string parameter: nullopt when absent or null; `bad` set when it is not a string.
OptStr text_param(const cJSON *obj, const char *key, std::vector<std::string> &bad) {
  const cJSON *v = jget(obj, key);
  if (!v || cJSON_IsNull(v)) return std::nullopt;
  auto text = jtext(v);
  if (!text) bad.push_back(key);
  return text;
}

}  // namespace

Json connector_object(const cJSON *param) {
  if (!param) return nullptr;
  Json obj = cJSON_IsString(param) && param->valuestring ? json_parse(param->valuestring)
                                                         : Json(cJSON_Duplicate(param, 1));
  if (!obj || !cJSON_IsObject(obj.get())) return nullptr;
  return obj;
}

std::string connector_provider(const cJSON *connector) {
  auto p = jstring(connector, "provider");
  return p ? trim(*p) : std::string();
}

ConnectorCheck check_connector(const std::string &connector_json) {
  ConnectorCheck c;
  auto invalid = [&](const std::string &msg) {
    c.error_code = carto::kConnectorInvalidParameters;
    c.message = msg;
    return c;
  };
  Json obj = json_parse(connector_json);
  std::string provider = connector_provider(obj.get());
  if (!obj || !cJSON_IsObject(obj.get()) || provider.empty()) return invalid("Provider not defined");
  if (provider != "postgres") {
    c.error_code = carto::kConnectorsDisabled;
    c.message = "The '" + provider + "' connector provider is not enabled in this server: only "
                "'postgres' is. Import the data from a file, or move it to PostgreSQL.";
    return c;
  }

  std::vector<std::string> unknown, bad;
  const cJSON *it = nullptr;
  cJSON_ArrayForEach(it, obj.get()) {
    if (it->string && !contains(kTopLevel, it->string)) unknown.emplace_back(it->string);
  }
  if (!unknown.empty()) return invalid("Invalid parameters: " + joined(unknown));

  const cJSON *conn = jget(obj.get(), "connection");
  if (!conn || !cJSON_IsObject(conn))
    return invalid("The connection parameter is required: an object with " + joined(kRequiredConnection) +
                   " and optionally " + joined(kOptionalConnection));
  cJSON_ArrayForEach(it, conn) {
    if (it->string && !contains(kRequiredConnection, it->string) && !contains(kOptionalConnection, it->string))
      unknown.emplace_back(it->string);
  }
  if (!unknown.empty()) return invalid("Invalid connection parameters: " + joined(unknown));
  std::vector<std::string> missing;
  for (const auto &k : kRequiredConnection) {
    auto v = text_param(conn, k.c_str(), bad);
    if (!v || v->empty()) missing.push_back(k);
  }
  if (!bad.empty()) return invalid("Invalid connection parameters (not strings): " + joined(bad));
  if (!missing.empty()) return invalid("Missing required connection parameters: " + joined(missing));

  DatabaseRequest &db = c.db;
  db.host = *text_param(conn, "server", bad);
  db.database = *text_param(conn, "database", bad);
  db.username = *text_param(conn, "username", bad);
  db.password = text_param(conn, "password", bad).value_or("");
  if (const cJSON *port = jget(conn, "port"); port && !cJSON_IsNull(port)) {
    double p = -1;
    if (cJSON_IsNumber(port)) {
      p = port->valuedouble;
    } else if (cJSON_IsString(port) && port->valuestring && *port->valuestring) {
      char *end = nullptr;
      p = std::strtod(port->valuestring, &end);
      if (*end) p = -1;
    }
    if (p < 1 || p > 65535 || std::floor(p) != p) return invalid("Invalid port: it must be a number from 1 to 65535");
    db.port = static_cast<int>(p);
  }
  if (auto mode = text_param(conn, "sslmode", bad)) {
    if (!contains(kSslModes, *mode)) return invalid("Invalid sslmode '" + *mode + "': use " + joined(kSslModes));
    db.sslmode = *mode;
  }

  auto schema = text_param(obj.get(), "schema", bad);
  auto table = text_param(obj.get(), "table", bad);
  auto sql = text_param(obj.get(), "sql_query", bad);
  auto import_as = text_param(obj.get(), "import_as", bad);
  auto encoding = text_param(obj.get(), "encoding", bad);
  auto columns = text_param(obj.get(), "columns", bad);
  text_param(obj.get(), "sql_count", bad);
  if (!bad.empty()) return invalid("Invalid parameters (not strings): " + joined(bad));
  if (schema && !schema->empty()) db.schema = *schema;
  if (sql && !sql->empty()) {
    if (!import_as || import_as->empty()) return invalid("The import_as parameter is required to name the sql_query results");
    db.sql_query = *sql;
  } else if (!table || table->empty()) {
    return invalid("The table parameter is required if no sql_query parameter is provided");
  } else {
    db.table = *table;
  }
  if (columns && db.sql_query.empty()) {
    for (auto &col : split(*columns, ',')) {
      if (!trim(col).empty()) db.columns.push_back(trim(col));
    }
  }
  if (encoding) db.encoding = trim(*encoding);
  db.name = import_as && !import_as->empty() ? *import_as : db.table;
  return c;
}

std::string connector_public_json(const std::string &connector_json) {
  ConnectorCheck c = check_connector(connector_json);
  if (c.error_code) {  // shown as given, without the password
    Json obj = json_parse(connector_json);
    if (!obj) return "";  // not JSON (callers pass json_dump's): nothing rather than a password
    if (cJSON *conn = cJSON_GetObjectItemCaseSensitive(obj.get(), "connection"); conn && cJSON_IsObject(conn))
      cJSON_DeleteItemFromObjectCaseSensitive(conn, "password");
    return json_dump(obj.get());
  }
  const DatabaseRequest &db = c.db;
  Json out = json_object();
  jset(out.get(), "provider", "postgres");
  Json conn = json_object();
  jset(conn.get(), "server", db.host);
  jset(conn.get(), "database", db.database);
  jset(conn.get(), "username", db.username);
  jset_int(conn.get(), "port", db.port);
  jset(conn.get(), "sslmode", db.sslmode);
  jset(out.get(), "connection", std::move(conn));
  jset(out.get(), "schema", db.schema);
  if (db.sql_query.empty()) {
    jset(out.get(), "table", db.table);
    if (!db.columns.empty()) jset(out.get(), "columns", jstr_array(db.columns));
  } else {
    jset(out.get(), "sql_query", db.sql_query);
  }
  jset(out.get(), "import_as", db.name);
  if (!db.encoding.empty()) jset(out.get(), "encoding", db.encoding);
  return json_dump(out.get());
}

}  // namespace cis
