// Checks the "Authorization: Bearer <token>" header of management requests against the admin
// token, in constant time.
#pragma once

#include <string>

#include "common/http.hpp"

namespace azml::host::auth {

// The WWW-Authenticate challenge every 401 carries (RFC 6750).
inline constexpr const char* kBearerChallenge = "Bearer realm=\"azml-host\"";

class AdminAuthenticator {
 public:
  explicit AdminAuthenticator(std::string admin_token);

  // Returns when the request carries the admin token. Otherwise throws azml::Error(Unauthorized)
  // with service code "AuthenticationFailed" (no header, or not a Bearer credential) or
  // "InvalidAuthenticationToken" (a Bearer token that is not the admin token). The message never
  // repeats what the client sent.
  void authenticate(const http::Headers& headers) const;

 private:
  std::string admin_token_;
};

}  // namespace azml::host::auth
