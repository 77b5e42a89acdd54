// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto-import-server: a local emulator of the CARTO Import API (legacy v1). See --help and
// server/README.md.
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <sys/stat.h>
#include <thread>

#include "app.hpp"
#include "flags.hpp"

int main(int argc, char **argv) {
  cis::Config cfg;
  int exit_code = 0;
  if (!cis::parse_config(argc, argv, cfg, exit_code)) return exit_code;

  // Everything the server creates (the data directory, its databases, uploads, downloads) is
  // its user's only: directories 0700, files 0600.
  umask(077);

  // SIGINT/SIGTERM are taken by one thread with sigwait(); every other thread blocks them.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  sigaddset(&sigs, SIGUSR1);  // internal: wakes the signal thread at shutdown
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  try {
    cis::App app(cfg);
    std::thread signals([&] {
      int sig = 0;
      sigwait(&sigs, &sig);
      if (sig != SIGUSR1) app.log("signal " + std::to_string(sig) + ": shutting down");
      app.stop();
    });
    bool ok = app.serve();
    pthread_kill(signals.native_handle(), SIGUSR1);
    signals.join();
    if (!ok) {
      std::cerr << "carto-import-server: cannot listen on " << cfg.bind << ":" << cfg.port << "\n";
      return 1;
    }
  } catch (const std::exception &e) {
    std::cerr << "carto-import-server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
