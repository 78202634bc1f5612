#include "storage/continuation.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/json.hpp"

namespace azml::host::storage {

namespace {

// Bumped if the token's content ever changes, so an old token is refused rather than misread.
constexpr int kTokenFormat = 1;

Error malformed() { return Error(ErrorCode::Invalid, "the continuation token is not one this host issued"); }

}  // namespace

std::string encode_continuation(const ListingPosition& position) {
  std::string text = json::array({kTokenFormat, position.resource_group_key, position.name_key}).dump();
  std::string token = base64_encode(text);
  while (!token.empty() && token.back() == '=') token.pop_back();
  for (char& c : token) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return token;
}

ListingPosition decode_continuation(std::string_view token) {
  if (token.empty()) throw malformed();
  std::string standard;
  standard.reserve(token.size() + 3);
  for (char c : token) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) standard.push_back(c);
    else if (c == '-') standard.push_back('+');
    else if (c == '_') standard.push_back('/');
    else throw malformed();
  }
  if (standard.size() % 4 == 1) throw malformed();
  while (standard.size() % 4 != 0) standard.push_back('=');

  std::string text;
  try {
    text = base64_decode(standard);
  } catch (const Error&) {
    throw malformed();
  }
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array() || parsed.size() != 3 || parsed[0] != kTokenFormat || !parsed[1].is_string() ||
      !parsed[2].is_string()) {
    throw malformed();
  }
  return {parsed[1].get<std::string>(), parsed[2].get<std::string>()};
}

}  // namespace azml::host::storage
