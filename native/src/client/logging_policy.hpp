// Writes every exchange (method, URL, headers, body, status, duration) to a caller-supplied sink,
// with credentials and keys redacted (see redaction.hpp). It sits after the retry policy, so each
// attempt is logged on its own.
#pragma once

#include <functional>
#include <string>

#include "client/pipeline.hpp"
#include "client/time_source.hpp"

namespace azml::client {

// Receives one message per request and one per response or failure. Called from whichever
// thread made the call; must be safe to call concurrently if the client is shared.
using LogSink = std::function<void(const std::string& message)>;

class LoggingPolicy final : public Policy {
 public:
  // An empty sink makes the policy pass requests straight through.
  LoggingPolicy(LogSink sink, TimeSource time);
  http::Response send(http::Request& request, const NextPolicy& next) override;

 private:
  LogSink sink_;
  TimeSource time_;
};

}  // namespace azml::client
