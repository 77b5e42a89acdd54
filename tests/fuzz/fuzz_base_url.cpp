// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Base URL parsing and normalisation, through the public C API: whatever the input, a typed
// status; and when a client accepts it, its normalised URL is a fixed point (parsing it again
// gives the same URL and username).
#include "fuzz_support.hpp"

namespace {

carto_import_client *client_for(const std::string &url, int *rc) {
  carto_import_options *o = nullptr;
  carto_import_client *c = nullptr;
  if (carto_import_options_new(&o) != 0) fuzz::violated("options_new", "");
  *rc = carto_import_options_set_base_url(o, url.c_str());
  fuzz::check_status(*rc, "options_set_base_url");
  if (*rc == 0) {
    fuzz::check_status(carto_import_options_set_api_key(o, fuzz::kKey), "set_api_key");
    *rc = carto_import_client_new(&c, o);
    fuzz::check_status(*rc, "client_new");
  }
  carto_import_options_free(o);
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const std::string input(reinterpret_cast<const char *>(data), strnlen(reinterpret_cast<const char *>(data), size));
  int rc = 0;
  carto_import_client *c = client_for(input, &rc);
  if (!c) return 0;
  const std::string url = carto_import_client_base_url(c);
  const std::string user = carto_import_client_username(c);
  if (url.empty() || url.back() != '/') fuzz::violated("normalised URL without a final '/'", url);
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    fuzz::violated("normalised URL without http(s)://", url);
  carto_import_client *again = client_for(url, &rc);
  if (!again) fuzz::violated("the normalised URL is refused", input + " -> " + url);
  if (url != carto_import_client_base_url(again) || user != carto_import_client_username(again))
    fuzz::violated("normalisation is not a fixed point",
                   input + " -> " + url + " (" + user + ") -> " +
                       carto_import_client_base_url(again) + " (" +
                       carto_import_client_username(again) + ")");
  carto_import_client_free(again);
  carto_import_client_free(c);
  return 0;
}
