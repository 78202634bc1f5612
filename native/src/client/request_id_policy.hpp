// Gives every logical request a client request id (x-ms-client-request-id, a GUID), as the
// Azure SDKs do, so a call can be found in the server's logs. It sits before the retry policy,
// so every attempt of one call carries the same id.
#pragma once

#include "client/pipeline.hpp"

namespace azml::client {

class RequestIdPolicy final : public Policy {
 public:
  static constexpr const char* kHeader = "x-ms-client-request-id";
  http::Response send(http::Request& request, const NextPolicy& next) override;
};

}  // namespace azml::client
