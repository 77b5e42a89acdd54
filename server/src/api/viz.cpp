// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// GET/PUT/DELETE /api/v1/viz (PROTOCOL.md §5.1-5.4): datasets and maps.
#include <algorithm>
#include <map>
#include <set>

#include "api/presenters.hpp"
#include "api/routes.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "domain/datasets.hpp"
#include "domain/services.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"

namespace cis {

namespace {

const std::vector<std::string> kOrders = {"name", "updated_at", "size", "mapviews", "favorited",
                                          "estimated_row_count", "privacy", "dependent_visualizations"};

void send_error(httplib::Response &res, int status, const std::string &msg) {
  Json b = json_object();
  jset(b.get(), "error", msg);
  send_json(res, status, b.get());
}

void send_viz_error(httplib::Response &res, int status, const std::string &msg) {
  Json b = json_object();
  jset(b.get(), "errors", msg);
  jset_null(b.get(), "errors_cause");
  send_json(res, status, b.get());
}

void send_errors_list(httplib::Response &res, int status, const std::vector<std::string> &msgs) {
  Json b = json_object();
  jset(b.get(), "errors", jstr_array(msgs));
  send_json(res, status, b.get());
}

bool flag(const Params &p, const char *key, bool def) {
  auto v = p.get(key);
  if (!v) return def;
  if (cJSON_IsBool(v)) return cJSON_IsTrue(v);
  auto s = p.str(key);
  if (!s) return def;
  std::string l = lower(*s);
  if (l == "false" || l == "0" || l == "no") return false;
  if (l == "true" || l == "1" || l == "yes") return true;
  return def;
}

// Strict positive integer; nullopt when invalid.
std::optional<long long> positive(const std::string &s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  long long v = std::stoll(s);
  if (v <= 0) return std::nullopt;
  return v;
}

int int_param(const Params &p, const char *key) {
  auto s = p.str(key);
  if (!s) return 0;
  char *end = nullptr;
  long v = std::strtol(s->c_str(), &end, 10);
  return v > 0 && v < 1000000 ? static_cast<int>(v) : 0;
}

struct Request {
  std::string user;
  Params params;
  bool owner = false;
  ViewCtx ctx;
};

Request prepare(Services &app, const httplib::Request &req) {
  Request r;
  r.user = url_user(req);
  r.params.merge_body(req.get_header_value("Content-Type"), req.body);
  r.params.merge_query(req);
  r.owner = authenticate(app.cfg(), req, r.user, r.params) == Auth::Ok;
  r.ctx.owner = r.owner;
  std::string host = req.get_header_value("Host");
  if (host.empty()) host = app.cfg().bind;
  bool path_user = req.matches.size() > 1 && req.matches[1].matched;
  r.ctx.base_url = "http://" + host + "/" + (path_user ? "user/" + r.user + "/" : "");
  return r;
}

std::set<std::string> wanted_types(const Params &p) {
  std::set<std::string> types;
  std::string raw = p.str("types").value_or(p.str("type").value_or(""));
  for (auto &t : split(raw, ',')) {
    t = trim(t);
    if (!t.empty()) types.insert(t);
  }
  if (types.empty()) types.insert("derived");
  return types;
}

void list_viz(Services &app, const httplib::Request &hreq, httplib::Response &res) {
  Request r = prepare(app, hreq);
  if (!app.cfg().find_user(r.user)) return send_error(res, 400, "Wrong 'username' parameter value.");
  const Params &p = r.params;
  long long page = 1, per_page = 20;
  if (auto s = p.str("page")) {
    auto v = positive(*s);
    if (!v) return send_error(res, 400, "Wrong 'page' parameter value.");
    page = *v;
  }
  if (auto s = p.str("per_page")) {
    auto v = positive(*s);
    if (!v) return send_error(res, 400, "Wrong 'per_page' parameter value.");
    per_page = *v;
  }
  std::string order = p.str("order").value_or("updated_at");
  if (std::find(kOrders.begin(), kOrders.end(), order) == kOrders.end()) {
    std::string list;
    for (const auto &o : kOrders) list += (list.empty() ? "" : ", ") + std::string("\"") + o + "\"";
    return send_error(res, 400, "Wrong 'order' parameter value. Valid values are one of [" + list + "]");
  }
  bool asc = iequals(p.str("order_direction").value_or("desc"), "asc");
  auto types = wanted_types(p);
  auto q = lower(p.str("q").value_or(""));
  auto privacy = upper(p.str("privacy").value_or(""));
  auto locked = p.str("locked");
  std::vector<std::string> tags;
  for (auto &t : split(p.str("tags").value_or(""), ',')) {
    if (!trim(t).empty()) tags.push_back(trim(t));
  }
  bool nothing = flag(p, "only_liked", false) || flag(p, "only_shared", false) ||
                 lower(p.str("shared").value_or("")) == "only";

  std::vector<VizRec> all = app.store().viz_of(r.user), items;
  std::int64_t total_user = 0, total_locked = 0;
  for (auto &v : all) {
    if (!types.count(v.type)) continue;
    if (!visible_to(v, r.ctx)) continue;
    total_user++;
    if (v.locked) total_locked++;
    if (nothing) continue;
    if (!q.empty() && lower(v.name).find(q) == std::string::npos &&
        lower(v.display_name.value_or("")).find(q) == std::string::npos)
      continue;
    if (!privacy.empty() && v.privacy != privacy) continue;
    if (locked && v.locked != iequals(*locked, "true")) continue;
    if (!tags.empty()) {
      auto vt = jstring_list(v.tags);
      bool any = std::any_of(tags.begin(), tags.end(), [&](const std::string &t) {
        return std::find(vt.begin(), vt.end(), t) != vt.end();
      });
      if (!any) continue;
    }
    items.push_back(v);
  }

  // Sort keys (numbers); only the table-backed orders read each visualization's table.
  const bool by_table = order == "size" || order == "estimated_row_count" || order == "dependent_visualizations";
  std::map<std::string, double> key;
  for (auto &v : items) {
    double k = 0;
    if (order == "updated_at") {
      k = v.updated_at;
    } else if (by_table && v.table_id) {
      if (auto t = app.store().get_table(*v.table_id)) {
        if (order == "size") k = static_cast<double>(t->size);
        else if (order == "estimated_row_count") k = static_cast<double>(t->rows);
        else {
          auto deps = maps_using(app, t->id);  // only those the caller may see count
          k = static_cast<double>(std::count_if(deps.begin(), deps.end(),
                                                [&](const VizRec &d) { return visible_to(d, r.ctx); }));
        }
      }
    }
    key[v.id] = k;
  }
  std::stable_sort(items.begin(), items.end(), [&](const VizRec &a, const VizRec &b) {
    int c = 0;
    if (order == "name") c = lower(a.name).compare(lower(b.name));
    else if (order == "privacy") c = a.privacy.compare(b.privacy);
    else if (key[a.id] != key[b.id]) c = key[a.id] < key[b.id] ? -1 : 1;
    if (c == 0) c = a.created_at < b.created_at ? -1 : (a.created_at > b.created_at ? 1 : a.id.compare(b.id));
    return asc ? c < 0 : c > 0;
  });

  VizOptions opt;
  opt.dependents = int_param(p, "with_dependent_visualizations");
  opt.liked = flag(p, "show_liked", true);
  opt.permission = flag(p, "show_permission", true);
  opt.table = flag(p, "show_table", true);
  opt.synchronization = flag(p, "show_synchronization", true);
  opt.uses_builder_features = flag(p, "show_uses_builder_features", true);
  opt.table_size_and_row_count = flag(p, "show_table_size_and_row_count", true);
  opt.auth_tokens = flag(p, "show_auth_tokens", true);

  Json arr = json_array();
  auto first = static_cast<std::size_t>((page - 1) * per_page);
  for (std::size_t i = first; i < items.size() && i < first + static_cast<std::size_t>(per_page); i++)
    jpush(arr.get(), viz_json(app, items[i], opt, r.ctx));
  Json body = json_object();
  jset(body.get(), "visualizations", std::move(arr));
  jset_int(body.get(), "total_entries", static_cast<std::int64_t>(items.size()));
  if (r.owner && flag(p, "load_totals", true)) {
    jset_int(body.get(), "total_user_entries", total_user);
    jset_int(body.get(), "total_locked", total_locked);
    jset_int(body.get(), "total_likes", 0);
    jset_int(body.get(), "total_shared", 0);
  }
  send_json(res, 200, body.get());
}

// Looks the visualization up for the URL user; sends the 404 itself when there is none.
std::optional<VizRec> lookup(Services &app, const Request &r, const std::string &id, httplib::Response &res) {
  auto v = find_viz(app, r.user, id);
  if (!v) {
    send_viz_error(res, 404, "Visualization does not exist");
    return std::nullopt;
  }
  if (v->user != r.user) {
    send_viz_error(res, 404, "Visualization of that user does not exist");
    return std::nullopt;
  }
  return v;
}

void show_viz(Services &app, const httplib::Request &hreq, httplib::Response &res) {
  Request r = prepare(app, hreq);
  auto v = lookup(app, r, hreq.matches[2], res);
  if (!v) return;
  if (!r.owner && v->privacy != "PUBLIC" && v->privacy != "LINK")
    return send_viz_error(res, 403, "Visualization not viewable");
  VizOptions opt;
  opt.related_tables = true;
  opt.dependents = int_param(r.params, "with_dependent_visualizations");
  opt.liked = flag(r.params, "show_liked", false);
  opt.permission = flag(r.params, "show_permission", false);
  opt.auth_tokens = flag(r.params, "show_auth_tokens", true);
  send_json(res, 200, viz_json(app, *v, opt, r.ctx).get());
}

// Applies the whitelisted attributes of §5.3; returns error messages.
std::vector<std::string> apply_update(Services &app, VizRec &v, const cJSON *body) {
  std::vector<std::string> errors;
  auto opt_string = [&](const char *key, OptStr &field) {
    const cJSON *x = jget(body, key);
    if (!x) return;
    if (cJSON_IsNull(x)) field.reset();
    else if (cJSON_IsString(x)) field = std::string(x->valuestring);
    else errors.push_back(std::string(key) + " must be a string");
  };
  opt_string("display_name", v.display_name);
  opt_string("description", v.description);
  opt_string("source", v.source);
  opt_string("title", v.title);
  opt_string("license", v.license);
  opt_string("attributions", v.attributions);
  if (const cJSON *x = jget(body, "active_layer_id"); x && cJSON_IsString(x)) v.active_layer_id = x->valuestring;
  if (const cJSON *x = jget(body, "tags")) {
    std::vector<std::string> tags;
    bool ok = cJSON_IsArray(x) || cJSON_IsNull(x);
    const cJSON *t = nullptr;
    if (cJSON_IsArray(x)) {
      cJSON_ArrayForEach(t, x) {
        if (cJSON_IsString(t)) tags.emplace_back(t->valuestring);
        else ok = false;
      }
    }
    if (ok) v.tags = jstring_list_dump(tags);
    else errors.push_back("tags must be a list of strings");
  }
  if (const cJSON *x = jget(body, "locked")) {
    if (cJSON_IsBool(x)) v.locked = cJSON_IsTrue(x);
    else if (cJSON_IsString(x) && (std::string(x->valuestring) == "true" || std::string(x->valuestring) == "false"))
      v.locked = std::string(x->valuestring) == "true";
    else errors.push_back("locked must be a boolean");
  }
  if (const cJSON *x = jget(body, "kind")) {
    if (cJSON_IsString(x) && (std::string(x->valuestring) == "geom" || std::string(x->valuestring) == "raster"))
      v.kind = x->valuestring;
    else errors.push_back("kind is not valid");
  }
  if (const cJSON *x = jget(body, "version")) {
    if (cJSON_IsNumber(x)) v.version = static_cast<std::int64_t>(x->valuedouble);
    else errors.push_back("version must be a number");
  }
  if (const cJSON *x = jget(body, "password"); x && cJSON_IsString(x)) v.password = std::string(x->valuestring);
  if (const cJSON *x = jget(body, "privacy")) {
    std::string p = cJSON_IsString(x) ? lower(x->valuestring) : "";
    if (p == "public" || p == "private" || p == "link") {
      v.privacy = upper(p);
    } else if (p == "password") {
      if (v.password && !v.password->empty()) v.privacy = "PASSWORD";
      else errors.push_back("password can't be blank");
    } else {
      errors.push_back("privacy is not valid");
    }
  }
  if (!errors.empty()) return errors;
  if (const cJSON *x = jget(body, "name")) {
    if (!cJSON_IsString(x) || std::string(x->valuestring).empty()) return {"name can't be blank"};
    if (std::string(x->valuestring) != v.name) {
      try {
        rename_dataset(app, v, x->valuestring);
      } catch (const std::exception &e) {
        return {std::string("Error renaming the dataset: ") + e.what()};
      }
    }
  }
  return {};
}

void update_viz(Services &app, const httplib::Request &hreq, httplib::Response &res) {
  Request r = prepare(app, hreq);
  if (!r.owner) return send_empty(res, 401);
  auto v = lookup(app, r, hreq.matches[2], res);
  if (!v) return;
  Json body = json_parse(hreq.body);
  if (!body || !cJSON_IsObject(body.get())) return send_errors_list(res, 400, {"Error updating"});
  if (auto m = field_too_long(body.get(), app.cfg().max_field_bytes); !m.empty())
    return send_errors_list(res, 400, {m});
  auto id = jstring(body.get(), "id");
  if (!id || *id != v->id) return send_empty(res, 403);
  auto errors = apply_update(app, *v, body.get());
  if (!errors.empty()) return send_errors_list(res, 400, errors);
  v->updated_at = now_epoch();
  app.store().transaction([&] {
    app.store().put_viz(*v);
    if (v->table_id) {  // the dataset's table follows its visualization's privacy and name
      if (auto t = app.store().get_table(*v->table_id)) {
        t->privacy = v->privacy == "PASSWORD" ? "PRIVATE" : v->privacy;
        t->description = v->description;
        t->updated_at = v->updated_at;
        app.store().put_table(*t);
      }
    }
  });
  VizOptions opt;
  opt.related_tables = true;
  send_json(res, 200, viz_json(app, *v, opt, r.ctx).get());
}

void delete_viz(Services &app, const httplib::Request &hreq, httplib::Response &res) {
  Request r = prepare(app, hreq);
  if (!r.owner) return send_empty(res, 401);
  auto v = lookup(app, r, hreq.matches[2], res);
  if (!v) return;
  try {
    delete_visualization(app, *v);
  } catch (const std::exception &e) {
    return send_errors_list(res, 400, {e.what()});
  }
  send_empty(res, 204);
}

}  // namespace

void register_viz_routes(Services &app, httplib::Server &svr) {
  svr.Get(api_route("v1/viz"), [&app](const httplib::Request &q, httplib::Response &s) { list_viz(app, q, s); });
  svr.Get(api_route("v1/viz/([^/]+)"), [&app](const httplib::Request &q, httplib::Response &s) { show_viz(app, q, s); });
  svr.Put(api_route("v1/viz/([^/]+)"), [&app](const httplib::Request &q, httplib::Response &s) { update_viz(app, q, s); });
  svr.Delete(api_route("v1/viz/([^/]+)"), [&app](const httplib::Request &q, httplib::Response &s) { delete_viz(app, q, s); });
}

}  // namespace cis
