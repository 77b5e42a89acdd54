// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/global.hpp"

#include <curl/curl.h>

#include <mutex>  // std::call_once
#include <new>

#include "carto_import.h"
#include "core/error.hpp"

namespace carto {

namespace {
std::once_flag init_once;
}  // namespace

void global_init() {
  std::call_once(init_once, [] {
    const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (rc == CURLE_OUT_OF_MEMORY) throw std::bad_alloc();
    if (rc != CURLE_OK)
      throw Error(CARTO_IMPORT_ERROR,
                  std::string("libcurl failed to initialise: ") + curl_easy_strerror(rc));
  });
}

void *new_curl_handle() {
  global_init();
  CURL *h = curl_easy_init();
  if (!h) throw std::bad_alloc();
  return h;
}

}  // namespace carto
