#include "client/bearer_token_policy.hpp"

#include "common/error.hpp"

namespace azml::client {

BearerTokenPolicy::BearerTokenPolicy(std::string token) : token_(std::move(token)) {
  for (unsigned char c : token_) {
    if (c <= 0x20 || c == 0x7f) {
      throw Error(ErrorCode::Invalid, "the bearer token must not contain whitespace or control characters")
          .with_target("token");
    }
  }
}

http::Response BearerTokenPolicy::send(http::Request& request, const NextPolicy& next) {
  if (!token_.empty()) request.headers.set("Authorization", "Bearer " + token_);
  return next.send(request);
}

}  // namespace azml::client
