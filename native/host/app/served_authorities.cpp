#include "app/served_authorities.hpp"

#include <algorithm>

#include "common/json.hpp"

namespace azml::host::app {

namespace {

constexpr const char* kSetting = "served_authorities";

std::vector<std::string> remembered(storage::Store& store) {
  std::vector<std::string> authorities;
  auto text = store.get_setting(kSetting);
  if (!text) return authorities;
  // A setting this code did not write (or a damaged one) is forgotten rather than fatal: the
  // worst outcome is that old blob URLs go through HTTP again.
  json parsed = json::parse(*text, nullptr, false);
  if (!parsed.is_array()) return authorities;
  for (const auto& item : parsed) {
    if (item.is_string()) authorities.push_back(item.get<std::string>());
  }
  return authorities;
}

}  // namespace

std::string authority_of(const std::string& endpoint) {
  auto start = endpoint.find("://");
  return start == std::string::npos ? endpoint : endpoint.substr(start + 3);
}

std::vector<std::string> remember_served_authorities(storage::Store& store, const std::string& endpoint,
                                                     std::uint16_t port) {
  std::vector<std::string> authorities = {authority_of(endpoint)};
  for (const char* loopback : {"127.0.0.1", "localhost", "[::1]"}) {
    const std::string authority = std::string(loopback) + ":" + std::to_string(port);
    if (authority != authorities.front()) authorities.push_back(authority);
  }
  for (const std::string& earlier : remembered(store)) {
    if (std::find(authorities.begin(), authorities.end(), earlier) == authorities.end()) {
      authorities.push_back(earlier);
    }
  }
  if (authorities.size() > kMaxServedAuthorities) authorities.resize(kMaxServedAuthorities);
  store.set_setting(kSetting, json(authorities).dump());
  return authorities;
}

}  // namespace azml::host::app
