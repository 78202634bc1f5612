// Identifies the library to the server: "azml/<version>", then the application's own suffix.
#pragma once

#include <string>

#include "client/pipeline.hpp"

namespace azml::client {

class UserAgentPolicy final : public Policy {
 public:
  // suffix may be empty. Throws azml::Error(Invalid) when it holds a control character, which
  // would let it inject a header.
  explicit UserAgentPolicy(const std::string& suffix);
  const std::string& value() const noexcept { return value_; }
  http::Response send(http::Request& request, const NextPolicy& next) override;

 private:
  std::string value_;
};

}  // namespace azml::client
