#include "auth/bearer_auth.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::auth {

AdminAuthenticator::AdminAuthenticator(std::string admin_token) : admin_token_(std::move(admin_token)) {
  if (admin_token_.empty()) throw Error(ErrorCode::Invalid, "the admin token must not be empty");
}

std::string bearer_token(const http::Headers& headers, const std::string& expected) {
  auto header = headers.get("Authorization");
  if (!header || trim(*header).empty()) {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is missing.");
  }
  std::string credentials = trim(*header);
  constexpr std::string_view scheme = "Bearer";
  // The scheme is case-insensitive (RFC 9110 §11.1) and followed by one or more spaces.
  if (credentials.size() <= scheme.size() || !iequals(std::string_view(credentials).substr(0, scheme.size()), scheme) ||
      credentials[scheme.size()] != ' ') {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is provided in an invalid format; "
                "expected 'Bearer <" + expected + ">'.");
  }
  return trim(std::string_view(credentials).substr(scheme.size()));
}

bool AdminAuthenticator::accepts(std::string_view token) const noexcept {
  return constant_time_equals(token, admin_token_);
}

void AdminAuthenticator::authenticate(const http::Headers& headers) const {
  const std::string presented = bearer_token(headers, "admin token");
  if (!accepts(presented)) {
    throw Error(ErrorCode::Unauthorized, "InvalidAuthenticationToken",
                "The access token is invalid. Use the admin token from the host's data directory.");
  }
}

}  // namespace azml::host::auth
