// Signs every attempt of a blob request with the storage account key (Shared Key). It sits after
// the retry policy, so that each attempt carries a fresh x-ms-date and its own signature.
#pragma once

#include <string>

#include "client/pipeline.hpp"
#include "client/time_source.hpp"

namespace azml::client {

class SharedKeyPolicy final : public Policy {
 public:
  // account_key is base64; throws azml::Error(Invalid) when it is not.
  SharedKeyPolicy(std::string account_name, std::string account_key, TimeSource time);
  http::Response send(http::Request& request, const NextPolicy& next) override;

 private:
  std::string account_name_;
  std::string account_key_;
  TimeSource time_;
};

}  // namespace azml::client
