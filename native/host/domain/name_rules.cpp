#include "domain/name_rules.hpp"

#include <string_view>

#include "common/error.hpp"

namespace azml::host::domain {

namespace {

constexpr size_t kMaxResourceGroupLength = 90;
constexpr size_t kMaxWebServiceNameLength = 255;

bool is_ascii_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool all_of(const std::string& name, std::string_view extra_allowed) {
  for (char c : name) {
    if (!is_ascii_alnum(c) && extra_allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// The value is echoed so the caller sees what arrived; a URL can carry kilobytes, so it is cut,
// and control characters (a decoded %00 or %0A) become '?' so they cannot cut or forge log lines.
std::string quoted_for_message(const std::string& name) {
  constexpr size_t kShown = 300;
  std::string shown = name.size() <= kShown ? name : name.substr(0, kShown) + "...";
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return "'" + shown + "'";
}

[[noreturn]] void reject(const char* what, const char* target, const std::string& name, const char* rule) {
  throw Error(ErrorCode::Invalid, "InvalidResourceName",
              std::string(what) + " " + quoted_for_message(name) + " is invalid: " + rule)
      .with_target(target);
}

}  // namespace

void check_resource_group_name(const std::string& name) {
  static constexpr const char* rule =
      "it must be 1 to 90 characters of letters, digits, '_', '-', '.', '(' and ')', and must not end with '.'.";
  if (name.empty() || name.size() > kMaxResourceGroupLength || !all_of(name, "_-.()") || name.back() == '.') {
    reject("The resource group name", "resourceGroupName", name, rule);
  }
}

void check_web_service_name(const std::string& name) {
  static constexpr const char* rule =
      "it must be 1 to 255 characters of letters, digits, '_', '-' and '.', and must not start or end with "
      "'.' or '-'.";
  auto is_edge_forbidden = [](char c) { return c == '.' || c == '-'; };
  if (name.empty() || name.size() > kMaxWebServiceNameLength || !all_of(name, "_-.") ||
      is_edge_forbidden(name.front()) || is_edge_forbidden(name.back())) {
    reject("The web service name", "webServiceName", name, rule);
  }
}

}  // namespace azml::host::domain
