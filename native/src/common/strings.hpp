// Small string helpers used across the library and the host.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace azml {

bool iequals(std::string_view a, std::string_view b) noexcept;
std::string to_lower(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix) noexcept;
bool ends_with(std::string_view s, std::string_view suffix) noexcept;
// Splits on every occurrence of sep; keeps empty pieces.
std::vector<std::string> split(std::string_view s, char sep);
std::string trim(std::string_view s);
// The same, as a view into `s`: for reading a value without copying it (a key, a header).
std::string_view trim_view(std::string_view s) noexcept;

// Percent-encoding for one URL path segment or query value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view s);
// Decodes %XX and, when plus_as_space, '+' (query strings). Throws azml::Error(Invalid) on a bad escape.
std::string url_decode(std::string_view s, bool plus_as_space = false);

}  // namespace azml
