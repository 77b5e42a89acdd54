// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/redact.hpp"

#include <cctype>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace carto {

namespace {

constexpr const char *kMask = "[REDACTED]";

std::mutex &registry_mutex() {
  static std::mutex m;
  return m;
}
// Every registered secret, with its owners. The only copy the registry makes of a secret is
// its key here: map nodes never move, so wiping the key before releasing the node clears it.
std::map<std::string, std::set<const void *>, std::less<>> &registry() {
  static std::map<std::string, std::set<const void *>, std::less<>> r;
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
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Replaces text[start, end) with the mask unless it is empty or masked already; returns the
// position after the mask.
size_t mask_range(std::string &text, size_t start, size_t end) {
  if (end <= start) return start;
  if (text.compare(start, end - start, kMask) == 0) return end;
  text.replace(start, end - start, kMask);
  return start + std::char_traits<char>::length(kMask);
}

// The length of a secret's name at pos: "api_key" in any spelling (api_key, apiKey, API-KEY,
// api.key, apikey), "password", "passwd"; 0 when none starts there.
size_t secret_name_at(const std::string &text, size_t pos) {
  if (ieq_at(text, pos, "password")) return 8;
  if (ieq_at(text, pos, "passwd")) return 6;
  if (!ieq_at(text, pos, "api")) return 0;
  size_t i = pos + 3;
  if (i < text.size() && (text[i] == '_' || text[i] == '-' || text[i] == '.')) ++i;
  return ieq_at(text, i, "key") ? i + 3 - pos : 0;
}

// Masks the value of every secret-named member or parameter: NAME=VALUE, NAME: VALUE and the
// JSON "NAME": "VALUE" (quoted or escaped-quoted, any value type), the value only.
void mask_named_values(std::string &text) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const size_t name = secret_name_at(text, pos);
    if (!name) continue;
    size_t i = pos + name;
    // The rest of a longer identifier ("api_keys", "password_hint") is not this name.
    if (i < text.size() && (is_alnum(text[i]) || text[i] == '_')) continue;
    if (i + 1 < text.size() && text[i] == '\\' && (text[i + 1] == '"' || text[i + 1] == '\''))
      i += 2;
    else if (i < text.size() && (text[i] == '"' || text[i] == '\''))
      ++i;
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i >= text.size() || (text[i] != '=' && text[i] != ':')) continue;
    ++i;
    while (i < text.size() && (is_blank(text[i]) || text[i] == '\r' || text[i] == '\n')) ++i;
    std::string quote;
    if (i + 1 < text.size() && text[i] == '\\' && (text[i + 1] == '"' || text[i + 1] == '\''))
      quote = text.substr(i, 2);
    else if (i < text.size() && (text[i] == '"' || text[i] == '\''))
      quote = text.substr(i, 1);
    size_t start = i + quote.size(), end = start;
    if (!quote.empty()) {
      const char q = quote.back();
      while (end < text.size() && !(text[end] == q && (quote.size() == 2 || text[end - 1] != '\\')))
        ++end;
      if (quote.size() == 2 && end < text.size()) --end;  // stop before the escaping backslash
    } else {
      static const char kEnd[] = "&#;, \t\r\n\"'<>(){}[]\\";
      while (end < text.size() && !std::char_traits<char>::find(kEnd, sizeof kEnd - 1, text[end]))
        ++end;
      if (end - start == 4 && text.compare(start, 4, "null") == 0) end = start;
    }
    pos = mask_range(text, start, end > text.size() ? text.size() : end) - 1;
  }
}

// Masks the password of every URL's userinfo, whatever the scheme: s://user:PASSWORD@host.
void mask_userinfo(std::string &text) {
  for (size_t pos = text.find("://"); pos != std::string::npos; pos = text.find("://", pos + 1)) {
    const size_t start = pos + 3;
    size_t end = start;
    static const char kEnd[] = "/?# \t\r\n\"'<>";
    while (end < text.size() && !std::char_traits<char>::find(kEnd, sizeof kEnd - 1, text[end]))
      ++end;
    // The last '@' and the first ':' of this authority only (searching the whole text for
    // each "://" would make a text quoting many of them quadratic).
    size_t at = end;  // one past the last '@'
    while (at > start && text[at - 1] != '@') --at;
    if (at == start) continue;
    --at;
    const size_t colon = text.find(':', start);
    if (colon == std::string::npos || colon >= at) continue;
    mask_range(text, colon + 1, at);
  }
}

// Masks the credentials of every Authorization header and every "Basic"/"Bearer" token (the
// Basic credential is user:key in base64), not the scheme's name.
void mask_credentials(std::string &text) {
  const auto token_end = [&](size_t i) {
    while (i < text.size() && !is_blank(text[i]) && text[i] != '\r' && text[i] != '\n' &&
           text[i] != '"' && text[i] != '\'' && text[i] != ',' && text[i] != ';')
      ++i;
    return i;
  };
  for (size_t pos = 0; pos < text.size(); ++pos) {
    size_t i;
    if (ieq_at(text, pos, "authorization:")) {
      i = pos + 14;
      while (i < text.size() && is_blank(text[i])) ++i;
      const size_t scheme_end = token_end(i);
      size_t cred = scheme_end;
      while (cred < text.size() && is_blank(text[cred])) ++cred;
      // "Authorization: Basic XYZ" masks XYZ; "Authorization: XYZ" masks XYZ.
      i = (cred < text.size() && token_end(cred) > cred) ? cred : i;
    } else if ((ieq_at(text, pos, "basic ") || ieq_at(text, pos, "bearer ")) &&
               (pos == 0 || !is_alnum(text[pos - 1]))) {
      i = pos + (ieq_at(text, pos, "basic ") ? 6 : 7);
      while (i < text.size() && is_blank(text[i])) ++i;
      // Only what looks like a credential (base64 or a token), not prose ("Basic
      // Authorization"): 8 or more token characters, one of them neither a letter nor the
      // first letter's capital.
      const size_t end = token_end(i);
      bool charset = end - i >= 8, mixed = false;
      for (size_t k = i; k < end && charset; ++k) {
        const unsigned char c = static_cast<unsigned char>(text[k]);
        charset = std::isalnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' ||
                  c == '.';
        mixed = mixed || !std::isalpha(c) || (k > i && std::isupper(c));
      }
      if (!charset || !mixed) continue;
    } else {
      continue;
    }
    pos = mask_range(text, i, token_end(i)) - 1;
  }
}

void mask_patterns(std::string &text) {
  mask_userinfo(text);
  mask_named_values(text);
  mask_credentials(text);
}

}  // namespace

void register_secret(const void *owner, std::string_view secret) {
  if (secret.empty()) return;
  std::lock_guard<std::mutex> lock(registry_mutex());
  auto &r = registry();
  auto it = r.lower_bound(secret);
  if (it == r.end() || it->first != secret)  // built in its node: no temporary copy
    it = r.emplace_hint(it, std::piecewise_construct, std::forward_as_tuple(secret),
                        std::forward_as_tuple());
  it->second.insert(owner);
}

void forget_secrets(const void *owner) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  auto &r = registry();
  for (auto it = r.begin(); it != r.end();) {
    auto here = it++;
    here->second.erase(owner);
    if (here->second.empty()) wipe(r.extract(here).key());
  }
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
