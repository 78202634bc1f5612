// Authorization: Bearer <token> on every attempt. It sits after the retry policy so that a
// future token refresh would apply to retries too.
#pragma once

#include <string>

#include "client/pipeline.hpp"

namespace azml::client {

class BearerTokenPolicy final : public Policy {
 public:
  // An empty token sends no Authorization header. Throws azml::Error(Invalid) when the token
  // holds whitespace or a control character (it would corrupt the header).
  explicit BearerTokenPolicy(std::string token);
  http::Response send(http::Request& request, const NextPolicy& next) override;

 private:
  std::string token_;
};

}  // namespace azml::client
