// A client for one web service's (or endpoint's) Request-Response Service (contract §3.5):
// POST {api location}/execute?api-version=2.0 with rows in, scored rows out, as JSON text.
#pragma once

#include <memory>
#include <string>

#include "client/service_api.hpp"

namespace azml::client {

// The service's API location and key, and how to reach it (see ServiceApiOptions). An execute
// URL ("…/execute?api-version=2.0&details=true") names its service too.
using RrsClientOptions = ServiceApiOptions;

// The two switches of the execute call's query.
struct RrsExecuteFormat {
  bool details = false;  // details=true: ColumnNames and ColumnTypes in table results
  bool swagger = false;  // format=swagger: rows as objects, in and out
};

class RrsClient {
 public:
  static constexpr const char* kApiVersion = "2.0";

  // Checks the options (azml::Error(Invalid) naming the bad one); makes no network call. A null
  // transport means a CpprestTransport using options.ca_file.
  explicit RrsClient(RrsClientOptions options, std::shared_ptr<Transport> transport = nullptr);

  // POST .../execute: request_json must be a JSON object and is sent as given (numbers keep
  // the caller's spelling). Returns the service's {"Results":{…}} as it sent it.
  std::string execute(const std::string& request_json, RrsExecuteFormat format = {});

  const std::string& api_location() const noexcept { return channel_.api_location(); }

 private:
  ServiceApiChannel channel_;
};

}  // namespace azml::client
