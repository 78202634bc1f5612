#include "client/redaction.hpp"

#include <array>

#include "common/json.hpp"
#include "common/strings.hpp"

namespace azml::client {

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

void redact_in_place(json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      // A secret is replaced whatever its type, so that {"key": {"value": "..."}} is covered too.
      if (is_secret_field(it.key()) && !it->is_null()) {
        *it = kRedacted;
      } else {
        redact_in_place(*it);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) redact_in_place(item);
  }
}

}  // namespace

bool is_secret_header(std::string_view name) {
  const std::string lower = to_lower(name);
  if (lower == "authorization" || lower == "proxy-authorization") return true;
  static const std::array<std::string_view, 6> markers = {"key", "secret", "token", "signature", "cookie", "password"};
  for (auto marker : markers) {
    if (contains(lower, marker)) return true;
  }
  return false;
}

bool is_secret_field(std::string_view name) {
  static const std::array<std::string_view, 10> names = {"primary",   "secondary",        "key",
                                                         "primaryKey", "secondaryKey",    "accountKey",
                                                         "password",  "connectionString", "sasBlobToken",
                                                         "token"};
  for (auto secret : names) {
    if (iequals(name, secret)) return true;
  }
  return false;
}

std::string redact_body(std::string_view body, std::size_t max_chars) {
  if (body.empty()) return {};
  json parsed = json::parse(body.begin(), body.end(), nullptr, false);
  if (parsed.is_discarded()) return "<" + std::to_string(body.size()) + " bytes, not JSON, not shown>";
  redact_in_place(parsed);
  std::string text = parsed.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > max_chars) {
    const std::size_t total = text.size();
    text.resize(max_chars);
    text += "... <" + std::to_string(total - max_chars) + " more characters>";
  }
  return text;
}

}  // namespace azml::client
