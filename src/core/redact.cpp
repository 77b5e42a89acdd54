// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/redact.hpp"

#include <cctype>
#include <map>
#include <mutex>

namespace carto {

namespace {

constexpr const char *kMask = "[REDACTED]";

std::mutex &registry_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, int> &registry() {
  static std::map<std::string, int> r;
  return r;
}

void replace_all(std::string &text, const std::string &needle) {
  if (needle.empty()) return;
  // A mask beside the text may spell the secret again (e.g. a secret starting with ']'), so
  // repeat; each pass consumes text. If a few passes do not suffice, nothing is left to leak.
  for (int pass = 0; pass < 4; ++pass) {
    size_t pos = text.find(needle);
    if (pos == std::string::npos) return;
    for (; pos != std::string::npos;
         pos = text.find(needle, pos + std::char_traits<char>::length(kMask)))
      text.replace(pos, needle.size(), kMask);
  }
  if (text.find(needle) != std::string::npos) text = kMask;
}

bool ieq_at(const std::string &text, size_t pos, const char *word) {
  for (size_t i = 0; word[i]; ++i)
    if (pos + i >= text.size() ||
        std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i])
      return false;
  return true;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Masks the value after every occurrence of `key` (case-insensitive) up to a terminator;
// with skip_blanks, blanks between the key and the value are kept.
void mask_after(std::string &text, const char *key, const char *terminators,
                bool skip_blanks = false) {
  const size_t klen = std::char_traits<char>::length(key);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (!ieq_at(text, pos, key)) continue;
    size_t start = pos + klen;
    while (skip_blanks && start < text.size() && is_blank(text[start])) ++start;
    size_t end = start;
    while (end < text.size() && !std::char_traits<char>::find(terminators,
               std::char_traits<char>::length(terminators), text[end]))
      ++end;
    if (end > start && text.compare(start, end - start, kMask) != 0)
      text.replace(start, end - start, kMask);
    pos = start;
  }
}

// Masks the string value of every "api_key" JSON member, whatever the spacing around ':'.
void mask_json_member(std::string &text) {
  static const char key[] = "\"api_key\"";
  const auto skip_ws = [&](size_t i) {
    while (i < text.size() && (is_blank(text[i]) || text[i] == '\r' || text[i] == '\n')) ++i;
    return i;
  };
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (!ieq_at(text, pos, key)) continue;
    size_t i = skip_ws(pos + sizeof key - 1);
    if (i >= text.size() || text[i] != ':') continue;
    i = skip_ws(i + 1);
    if (i >= text.size() || text[i] != '"') continue;
    const size_t start = i + 1;
    size_t end = start;
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    if (end > text.size()) end = text.size();
    if (end > start && text.compare(start, end - start, kMask) != 0)
      text.replace(start, end - start, kMask);
    pos = start;
  }
}

void mask_patterns(std::string &text) {
  mask_after(text, "api_key=", "&# \t\r\n\"'");
  mask_json_member(text);
  // The whole value, scheme included: Basic credentials are the key in base64.
  mask_after(text, "authorization:", "\r\n\"'", true);
}

}  // namespace

void register_secret(const std::string &secret) {
  if (secret.empty()) return;
  std::lock_guard<std::mutex> lock(registry_mutex());
  ++registry()[secret];
}

void unregister_secret(const std::string &secret) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  auto it = registry().find(secret);
  if (it != registry().end() && --it->second == 0) registry().erase(it);
}

std::string redact(const std::string &text, const std::string &secret) {
  std::string out = text;
  replace_all(out, secret);
  mask_patterns(out);
  replace_all(out, secret);  // a mask of mask_patterns may spell it again
  return out;
}

std::string redact_secrets(const std::string &text) {
  std::string out = text;
  std::lock_guard<std::mutex> lock(registry_mutex());
  for (const auto &entry : registry()) replace_all(out, entry.first);
  mask_patterns(out);
  for (const auto &entry : registry()) replace_all(out, entry.first);  // as in redact()
  return out;
}

void wipe(std::string &s) noexcept {
  volatile char *p = s.empty() ? nullptr : &s[0];
  for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
}

}  // namespace carto
