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
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + std::char_traits<char>::length(kMask)))
    text.replace(pos, needle.size(), kMask);
}

bool ieq_at(const std::string &text, size_t pos, const char *word) {
  for (size_t i = 0; word[i]; ++i)
    if (pos + i >= text.size() ||
        std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i])
      return false;
  return true;
}

// Masks the value after every occurrence of `key` (case-insensitive) up to a terminator.
void mask_after(std::string &text, const char *key, const char *terminators) {
  const size_t klen = std::char_traits<char>::length(key);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (!ieq_at(text, pos, key)) continue;
    size_t start = pos + klen, end = start;
    while (end < text.size() && !std::char_traits<char>::find(terminators,
               std::char_traits<char>::length(terminators), text[end]))
      ++end;
    if (end > start && text.compare(start, end - start, kMask) != 0)
      text.replace(start, end - start, kMask);
    pos = start;
  }
}

void mask_patterns(std::string &text) {
  mask_after(text, "api_key=", "&# \t\r\n\"'");
  mask_after(text, "\"api_key\":\"", "\"");
  mask_after(text, "authorization: basic ", "\r\n\"'");
  mask_after(text, "authorization: bearer ", "\r\n\"'");
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
  return out;
}

std::string redact_secrets(const std::string &text) {
  std::string out = text;
  {
    std::lock_guard<std::mutex> lock(registry_mutex());
    for (const auto &entry : registry()) replace_all(out, entry.first);
  }
  mask_patterns(out);
  return out;
}

void wipe(std::string &s) noexcept {
  volatile char *p = s.empty() ? nullptr : &s[0];
  for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
}

}  // namespace carto
