#include "handlers/public_urls.hpp"

#include "common/strings.hpp"

namespace azml::host::handlers {

namespace {
bool is_plausible_authority(const std::string& authority) {
  if (authority.empty() || authority.size() > 255) return false;
  for (char c : authority) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == ':' || c == '[' || c == ']' || c == '_';
    if (!ok) return false;
  }
  return true;
}
}  // namespace

std::string public_base_url(const http::Request& request, const std::string& scheme,
                            const std::string& fallback_authority) {
  auto host = request.headers.get("Host");
  std::string authority = host ? trim(*host) : std::string();
  if (!is_plausible_authority(authority)) authority = fallback_authority;
  return scheme + "://" + authority;
}

std::string encode_path(const std::vector<std::string>& segments) {
  std::string path;
  for (const auto& segment : segments) path += "/" + url_encode(segment);
  return path.empty() ? "/" : path;
}

std::string absolute_url(const std::string& base_url, const std::vector<std::string>& segments, const Query& query) {
  std::string url = base_url + encode_path(segments);
  auto encoded_query = query.to_string();
  if (!encoded_query.empty()) url += "?" + encoded_query;
  return url;
}

}  // namespace azml::host::handlers
