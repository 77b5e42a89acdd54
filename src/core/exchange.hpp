// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The seam between the transport and the network. By default libcurl performs every exchange;
// the fuzz targets (tests/fuzz) install a scripted exchange that plays replies through the
// transport's own libcurl callbacks, so that everything but the socket is the real code.
#pragma once

#include <cstddef>
#include <string>

namespace carto {

struct HttpRequest;

// libcurl's header and body callbacks, as the transport installs them.
using CurlDataFn = size_t (*)(char *data, size_t size, size_t n, void *userp);

struct ScriptedIo {
  const HttpRequest &req;
  const std::string &url;  // the full URL, query included
  CurlDataFn header;       // feed each header line ("HTTP/1.1 200 OK\r\n", "Name: v\r\n", ...)
  CurlDataFn body;         // feed body bytes; a short count means "abort" (CURLE_WRITE_ERROR)
  void *userp;
};

// Plays one exchange: returns a CURLcode, sets *status (the HTTP status) and *sent (whether
// any byte of the request left).
using ScriptedExchange = int (*)(const ScriptedIo &io, long *status, bool *sent);

// For tests only (not exported): replaces libcurl in every transport of the process; nullptr
// restores it.
void set_scripted_exchange(ScriptedExchange fn);
ScriptedExchange scripted_exchange();

}  // namespace carto
