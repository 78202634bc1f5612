#include "common/url.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml {

Query Query::parse(std::string_view query) {
  Query q;
  if (query.empty()) return q;
  for_each_piece(query, '&', [&q](std::string_view part) {
    if (part.empty()) return;
    auto eq = part.find('=');
    if (eq == std::string::npos) {
      q.items_.emplace_back(url_decode(part, true), "");
    } else {
      q.items_.emplace_back(url_decode(part.substr(0, eq), true), url_decode(part.substr(eq + 1), true));
    }
  });
  return q;
}

std::optional<std::string> Query::get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (iequals(k, name)) return v;
  }
  return std::nullopt;
}

std::string Query::to_string() const {
  std::string out;
  for (const auto& [k, v] : items_) {
    if (!out.empty()) out += '&';
    // '$' is legal in a query and ARM writes "$skiptoken" unencoded.
    std::string key = url_encode(k);
    if (starts_with(key, "%24")) key = "$" + key.substr(3);
    out += key + "=" + url_encode(v);
  }
  return out;
}

void Query::set(std::string name, std::string value) {
  for (auto& [k, v] : items_) {
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  items_.emplace_back(std::move(name), std::move(value));
}

Target parse_target(std::string_view target) {
  Target t;
  auto q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  if (q != std::string_view::npos) t.query = Query::parse(target.substr(q + 1));
  t.segments.reserve(static_cast<size_t>(std::count(raw_path.begin(), raw_path.end(), '/')));
  for_each_piece(raw_path, '/', [&t](std::string_view segment) {
    if (!segment.empty()) t.segments.push_back(url_decode(segment));
  });
  t.path = url_decode(raw_path);
  return t;
}

Url parse_url(std::string_view url) {
  Url u;
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    throw Error(ErrorCode::Invalid, "not an absolute URL: " + std::string(url));
  }
  u.scheme = to_lower(url.substr(0, scheme_end));
  if (u.scheme != "http" && u.scheme != "https") {
    throw Error(ErrorCode::Invalid, "unsupported URL scheme '" + u.scheme + "' (use http or https)");
  }
  auto rest = url.substr(scheme_end + 3);
  auto slash = rest.find_first_of("/?");
  u.authority = std::string(rest.substr(0, slash));
  if (u.authority.empty()) throw Error(ErrorCode::Invalid, "URL has no host: " + std::string(url));
  u.path_and_query = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (!u.path_and_query.empty() && u.path_and_query[0] == '?') u.path_and_query = "/" + u.path_and_query;
  return u;
}

}  // namespace azml
