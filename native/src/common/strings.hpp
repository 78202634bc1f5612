// Small string helpers used across the library and the host.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace azml {

bool iequals(std::string_view a, std::string_view b) noexcept;
std::string to_lower(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix) noexcept;
bool ends_with(std::string_view s, std::string_view suffix) noexcept;
// Calls each(piece) for every piece of `s` between occurrences of sep, empty pieces included, as
// views into `s`: for splitting without a string per piece (parsing a request target).
template <class Each>
void for_each_piece(std::string_view s, char sep, Each&& each) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    each(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}
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
