// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Error bodies and headers: one reply (status, header lines, body) to one request, through the
// transport's real header parsing and error decoding. Input: 2 bytes of status, then header
// lines, a blank line and the body, as in fuzz_support.hpp.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (size < 2) return 0;
  const int status = 100 + (data[0] | data[1] << 8) % 500;  // 100..599
  fuzz::start_script(std::to_string(status) + "\n" +
                     std::string(reinterpret_cast<const char *>(data) + 2, size - 2));
  carto_import_client *c = fuzz::client();
  const int rc = carto_import_client_verify(c);
  fuzz::check_status(rc, "client_verify");
  if (rc != 0) {
    // The status decides the code (PROTOCOL §6); the rest is the server's text.
    const int http = carto_import_last_error_http_status();
    int want = 0;
    if (status == 400 || status == 422) want = CARTO_IMPORT_EBADREQUEST;
    else if (status == 401) want = CARTO_IMPORT_EAUTH;
    else if (status == 403) want = CARTO_IMPORT_EFORBIDDEN;
    else if (status == 404) want = CARTO_IMPORT_ENOTFOUND;
    else if (status == 429) want = CARTO_IMPORT_ERATELIMIT;
    else if (status >= 500) want = CARTO_IMPORT_ESERVER;
    else if (status < 200 || status >= 300) want = CARTO_IMPORT_EHTTP;
    if (want != 0 && (rc != want || http != status))
      fuzz::violated("the code does not follow the status",
                     std::to_string(status) + " gave " + std::to_string(rc) + " (http " +
                         std::to_string(http) + "): " + carto_import_last_error_message());
    if (carto_import_last_error_retry_after() < -1)
      fuzz::violated("retry_after below -1", carto_import_last_error_message());
    long limit = 0, remaining = 0, reset = 0;
    if (carto_import_last_error_rate_limit(&limit, &remaining, &reset) &&
        (limit < 0 || remaining < 0 || reset < 0))
      fuzz::violated("a negative rate limit reported as present", carto_import_last_error_message());
  }
  carto_import_client_free(c);
  return 0;
}
