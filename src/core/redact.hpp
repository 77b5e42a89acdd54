// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Keeping API keys out of every message, log line and debug output.
#pragma once

#include <string>
#include <string_view>

namespace carto {

// Registers a secret (an API key, a connector's password) held by `owner` (a client): every
// occurrence is removed from messages by redact_secrets() until the owner forgets its secrets.
// Several owners may hold the same secret; an empty secret is ignored.
void register_secret(const void *owner, std::string_view secret);
// Removes the owner's secrets from the registry; the registry's copy of a secret no other
// owner holds is wiped before its memory is released.
void forget_secrets(const void *owner);

// Replaces with "[REDACTED]" every registered secret and, whatever the text around it, the
// value of every api_key (any spelling: apiKey, API-KEY...), password or passwd parameter or
// JSON member, the password of every URL's userinfo (any scheme), and the credential of every
// Authorization header or Basic/Bearer token. Only the secret is masked, not what follows.
std::string redact_secrets(const std::string &text);

// As above, for one given secret only (no registry); used by unit tests and by callers that
// hold a key that is not registered.
std::string redact(const std::string &text, const std::string &secret);

// Overwrites a string's characters before it is released.
void wipe(std::string &s) noexcept;

}  // namespace carto
