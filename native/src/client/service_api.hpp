// What the clients of a web service's own APIs share (BES jobs in BatchClient, RRS scoring in
// RrsClient, contract §4): the service's API location, its key sent as the bearer token, one
// pipeline, and how their answers map to errors.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/logging_policy.hpp"
#include "client/pipeline.hpp"
#include "client/retry_policy.hpp"
#include "client/time_source.hpp"
#include "client/transport.hpp"

namespace azml::client {

struct ServiceApiOptions {
  // The service's API location, "https://host/workspaces/{ws}/services/{id}" or
  // ".../subscriptions/{ws}/services/{id}". A URL that goes on to "/jobs..." or "/execute..."
  // (a SubmitJobRequestUrl, an RRS URL) is cut back to the location.
  std::string api_location;
  std::string api_key;  // the service's primary or secondary key (required)
  std::chrono::milliseconds timeout{100000};  // each HTTP exchange
  RetryOptions retry;
  std::string ca_file;
  std::string user_agent_suffix;
  LogSink log_sink;
  TimeSource time = TimeSource::real();
};

// The API location a URL names (see ServiceApiOptions::api_location). Throws
// azml::Error(Invalid) for a URL that is not http(s) or names no service.
std::string service_api_location(const std::string& url);

// The checked options and the pipeline of one service's API. Thread-safe.
class ServiceApiChannel {
 public:
  // Checks the options (azml::Error(Invalid) naming the bad one); makes no network call. A null
  // transport means a CpprestTransport using options.ca_file.
  explicit ServiceApiChannel(ServiceApiOptions options, std::shared_ptr<Transport> transport = nullptr);

  // Sends one request to an absolute URL below the API location, with the JSON headers.
  http::Response exchange(const std::string& method, const std::string& url, const std::string* body) const;

  const std::string& api_location() const noexcept { return options_.api_location; }

 private:
  ServiceApiOptions options_;
  std::unique_ptr<Pipeline> pipeline_;
};

// 200, 202 and 204 pass. An error status becomes the service's error (code, service code,
// target, HTTP status) with `what` before its message; another status is Error(Http).
void require_service_success(const http::Response& response, const std::string& what);

}  // namespace azml::client
