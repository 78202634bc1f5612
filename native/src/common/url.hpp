// Parsing of request targets ("/path?query") and absolute URLs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace azml {

// Query parameters, decoded. Names are kept as sent; lookups are case-insensitive because
// ARM treats "api-version" and "Api-Version" alike.
class Query {
 public:
  static Query parse(std::string_view query);  // without the leading '?'
  std::optional<std::string> get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }
  std::string to_string() const;  // encoded, without '?'
  void set(std::string name, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Target {
  std::string path;                   // decoded path ("/subscriptions/x/...")
  std::vector<std::string> segments;  // decoded, without empty segments
  Query query;
};

// Parses "/a/b?x=1". Throws azml::Error(Invalid) on a malformed escape.
Target parse_target(std::string_view target);

struct Url {
  std::string scheme;     // "http" or "https"
  std::string authority;  // "host:port"
  std::string path_and_query;  // "/a/b?x=1"
};

// Parses an absolute http(s) URL. Throws azml::Error(Invalid) for anything else.
Url parse_url(std::string_view url);

}  // namespace azml
