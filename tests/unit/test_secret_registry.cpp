// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The registry of secrets when a client goes away: the client's API key and connector passwords
// leave the registry and no memory released then still holds one, while another live client's
// secrets stay redacted. Every allocation of this program goes through the operator new and
// delete below, which search each block released for the secrets while a check is armed.
// Valgrind replaces them with its own (never inlined, they are replaced whole): the search
// then does not run, and the test says so.
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "core/client.hpp"
#include "core/redact.hpp"
#include "unit.hpp"

namespace {

// Each block starts with its size; zeroed, so that the search reads no uninitialised byte.
constexpr size_t kHeader = alignof(std::max_align_t);
std::vector<const char *> *g_armed = nullptr;  // the secrets searched for, while a check runs
size_t g_found = 0;                            // blocks released holding one of them
size_t g_searched = 0;                         // blocks searched

}  // namespace

__attribute__((noinline)) void *operator new(size_t n) {
  auto *base = static_cast<unsigned char *>(std::calloc(1, n + kHeader));
  if (!base) throw std::bad_alloc();
  std::memcpy(base, &n, sizeof n);
  return base + kHeader;
}

namespace {

void release(void *p) noexcept {
  if (!p) return;
  unsigned char *base = static_cast<unsigned char *>(p) - kHeader;
  if (g_armed) {
    size_t n;
    std::memcpy(&n, base, sizeof n);
    const char *block = static_cast<const char *>(p);
    ++g_searched;
    for (const char *secret : *g_armed)
      if (std::search(block, block + n, secret, secret + std::strlen(secret)) != block + n)
        ++g_found;
  }
  std::free(base);
}

}  // namespace

__attribute__((noinline)) void operator delete(void *p) noexcept { release(p); }
__attribute__((noinline)) void operator delete(void *p, size_t) noexcept { release(p); }

namespace {

using carto::ClientCore;
using carto::redact_secrets;

// Long secrets live in their own blocks, short ones (up to 15 characters) inside the registry's.
const char *const kKeyA = "alpha-key-5f1c0e9d8b7a6f5e4d3c";
const char *const kKeyB = "bravo-key-0a1b2c3d4e5f6a7b8c9d";
const char *const kShortPassword = "pw-7e3a";
const char *const kLongPassword = "a-long-connector-password-4711";
const char *const kSharedPassword = "shared-password-0815";

std::unique_ptr<ClientCore> client_with_key(const char *key) {
  carto::Options opts;
  opts.has_base_url = true;
  opts.base = carto::parse_base_url("http://127.0.0.1:9/user/demo/");
  opts.api_key = key;
  return std::make_unique<ClientCore>(opts);
}

void hide_passwords(ClientCore &client, const std::string &connector) {
  carto::JsonPtr doc = carto::json_parse(connector);
  assert_non_null(doc.get());
  client.hide_passwords(doc.get());
}

// The secrets as the server might quote them in prose.
std::string quoting(const std::vector<const char *> &secrets) {
  std::string text = "the server said:";
  for (const char *s : secrets) text += std::string(" '") + s + "'";
  return text;
}

// Runs release() with the secrets armed; fails if a block it frees still holds one.
template <class F>
void assert_wiped(std::vector<const char *> secrets, F &&release) {
  g_found = g_searched = 0;
  g_armed = &secrets;
  release();
  g_armed = nullptr;
  if (g_searched == 0)
    print_message("not checked: this program's operator delete was replaced (valgrind?)\n");
  assert_int_equal(g_found, 0);
}

void test_client_secrets_leave_with_the_client(void **) {
  auto a = client_with_key(kKeyA);
  auto b = client_with_key(kKeyB);
  hide_passwords(*a, std::string("{\"connection\":{\"password\":\"") + kShortPassword +
                         "\",\"backup\":{\"passwd\":\"" + kLongPassword + "\"}}}");
  hide_passwords(*a, std::string("{\"password\":\"") + kSharedPassword + "\"}");
  hide_passwords(*b, std::string("{\"password\":\"") + kSharedPassword + "\"}");
  const std::string all = quoting({kKeyA, kShortPassword, kLongPassword, kSharedPassword, kKeyB});
  for (const char *s : {kKeyA, kShortPassword, kLongPassword, kSharedPassword, kKeyB})
    assert_not_contains(redact_secrets(all), s);

  // Client a goes away: its own secrets are wiped before their memory is released.
  const std::vector<const char *> own = {kKeyA, kShortPassword, kLongPassword};
  assert_wiped(own, [&] { a.reset(); });

  // ... and are no longer redacted as registered secrets; b's still are, the shared one too.
  const std::string after = redact_secrets(all);
  for (const char *s : own) assert_contains(after, s);
  assert_not_contains(after, kKeyB);
  assert_not_contains(after, kSharedPassword);

  // The last holder of the shared password goes away: it is wiped too.
  const std::vector<const char *> last = {kKeyB, kSharedPassword};
  assert_wiped(last, [&] { b.reset(); });
  const std::string none = redact_secrets(all);
  for (const char *s : last) assert_contains(none, s);
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_client_secrets_leave_with_the_client),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
