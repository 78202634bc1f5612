// Checks the "Authorization: Bearer <token>" header of management requests against the admin
// token, in constant time.
#pragma once

#include <string>
#include <string_view>

#include "common/http.hpp"

namespace azml::host::auth {

// The WWW-Authenticate challenge every 401 carries (RFC 6750).
inline constexpr const char* kBearerChallenge = "Bearer realm=\"azml-host\"";

// The token of "Authorization: Bearer <token>". Throws azml::Error(Unauthorized,
// "AuthenticationFailed") when there is no such header or it is not a Bearer credential; the
// message says to send 'Bearer <expected>' and never repeats what the client sent.
std::string bearer_token(const http::Headers& headers, const std::string& expected);

class AdminAuthenticator {
 public:
  explicit AdminAuthenticator(std::string admin_token);

  // Returns when the request carries the admin token. Otherwise throws azml::Error(Unauthorized)
  // with service code "AuthenticationFailed" (no header, or not a Bearer credential) or
  // "InvalidAuthenticationToken" (a Bearer token that is not the admin token). The message never
  // repeats what the client sent.
  void authenticate(const http::Headers& headers) const;

  // Whether `token` is the admin token, compared in constant time.
  bool accepts(std::string_view token) const noexcept;

 private:
  std::string admin_token_;
};

}  // namespace azml::host::auth
