// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "app.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <sys/socket.h>

#include <httplib.h>

#include "api/routes.hpp"
#include "common/carto_codes.hpp"
#include "domain/jobs.hpp"
#include "domain/syncs.hpp"
#include "http/connections.hpp"
#include "http/replies.hpp"
#include "http/request.hpp"
#include "http/test_hooks.hpp"
#include "importer/importer.hpp"

namespace cis {

App::App(Config cfg) : Services(std::move(cfg)) {
  if (cfg_.test_hooks) hooks_ = std::make_unique<TestHooks>();
  ConnLimits lim;
  lim.threads = cfg_.http_threads;
  lim.max_connections = std::max(cfg_.max_connections, cfg_.http_threads);
  lim.header_timeout_s = cfg_.header_timeout;
  lim.read_timeout_s = cfg_.read_timeout;
  lim.min_body_rate = cfg_.min_body_rate;
  lim.max_body_bytes = cfg_.max_upload_bytes;
  svr_ = std::make_unique<HttpServer>(lim, send_import_error);
  if (!cfg_.tls_cert.empty()) svr_->use_tls(cfg_.tls_cert, cfg_.tls_key);
}

App::~App() = default;  // before Services' stops the runners: the HTTP server goes first

void App::register_routes(httplib::Server &svr) {
  if (hooks_) hooks_->register_routes(svr);
  register_import_routes(*this, svr);
  register_viz_routes(*this, svr);
  register_table_routes(*this, svr);
  register_sync_routes(*this, svr);
  // Anything else: Rails' default 404.
  auto not_found = [](const httplib::Request &, httplib::Response &res) { send_not_found_route(res); };
  svr.Get(".*", not_found);
  svr.Post(".*", not_found);
  svr.Put(".*", not_found);
  svr.Patch(".*", not_found);
  svr.Delete(".*", not_found);
  svr.Options(".*", not_found);
}

bool App::serve() {
  httplib::Server &svr = *svr_;  // timeouts and limits: http/connections.hpp
  // httplib's default sets SO_REUSEPORT, which would let a second server share the port.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  svr.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
    if (HttpServer::answer_rejected(res)) return httplib::Server::HandlerResponse::Handled;
    if (hooks_ && hooks_->before(req, res)) return httplib::Server::HandlerResponse::Handled;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_post_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
    if (hooks_) hooks_->after(req, res);
  });
  svr.set_exception_handler([this](const httplib::Request &req, httplib::Response &res,
                                   std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception &e) {
      what = e.what();
    } catch (...) {
    }
    log("error in " + req.method + " " + req.path + ": " + what);
    send_internal_error(res);
  });
  svr.set_logger([this](const httplib::Request &req, const httplib::Response &res) {
    log(req.method + " " + req.path + " " + std::to_string(res.status));  // no query: no keys
  });
  register_routes(svr);

  int port = cfg_.port;
  if (port == 0) {
    port = svr.bind_to_any_port(cfg_.bind);
    if (port <= 0) return false;
  } else if (!svr.bind_to_port(cfg_.bind, port)) {
    return false;
  }
  svr_->widen_backlog();
  std::string host = cfg_.bind.find(':') != std::string::npos ? "[" + cfg_.bind + "]" : cfg_.bind;
  std::cout << "listening on " << (cfg_.tls_cert.empty() ? "http" : "https") << "://" << host << ":" << port << std::endl;
  jobs_->start(cfg_.workers);
  syncs_->start(cfg_.workers);
  if (stop_requested_) {
    syncs_->stop();
    jobs_->stop();
    return true;
  }
  bool ok = svr.listen_after_bind();
  // Both wait for their running work within one shared grace period.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto left = [&] {
    return std::max(std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(
                                                      deadline - std::chrono::steady_clock::now()));
  };
  bool syncs_done = syncs_->stop(left());
  if (!jobs_->stop(left()) || !syncs_done) {
    // An import or sync is still running: leave without waiting for it. Its job stays
    // unfinished in the store and becomes "stuck" (6671) at the next start, a sync is queued
    // again; every committed write is safe.
    log("an import or sync is still running; exiting anyway (at the next start an unfinished "
        "import is marked stuck (" + std::to_string(carto::kStuckImportJob) + "), a sync runs again)");
    std::fflush(nullptr);
    std::_Exit(ok ? 0 : 1);
  }
  return ok;
}

void App::stop() {
  stop_requested_ = true;
  svr_->stop();
}

}  // namespace cis
