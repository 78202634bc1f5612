// What the logging policy must never write out: credentials in headers and keys in JSON bodies.
#pragma once

#include <string>
#include <string_view>

namespace azml::client {

inline constexpr const char* kRedacted = "REDACTED";

// Authorization-like headers, and any header whose name mentions a key, secret, token,
// signature or cookie.
bool is_secret_header(std::string_view name);

// JSON member names whose string values are secrets: the web service keys ("primary",
// "secondary"), "key" (storageAccount.key) and the usual credential names.
bool is_secret_field(std::string_view name);

// The body as it may be logged: JSON with every secret field's value replaced by "REDACTED",
// at any depth, re-serialised compactly. A body that is not JSON is not shown at all (it could be
// anything), only its size. Bodies longer than max_chars after redaction are cut, saying so.
std::string redact_body(std::string_view body, std::size_t max_chars = 16384);

}  // namespace azml::client
