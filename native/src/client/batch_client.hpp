// A client for one web service's Batch Execution Service (contract §4.1, §4.3): submit a job,
// start it, read its status and results, cancel it, list the service's jobs. Requests and
// answers are JSON text, as in the management client.
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

struct BatchClientOptions {
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

class BatchClient {
 public:
  static constexpr const char* kApiVersion = "2.0";

  // Checks the options (azml::Error(Invalid) naming the bad one); makes no network call. A null
  // transport means a CpprestTransport using options.ca_file.
  explicit BatchClient(BatchClientOptions options, std::shared_ptr<Transport> transport = nullptr);

  // POST .../jobs: the new job's id. request_json must be a JSON object.
  std::string submit(const std::string& request_json);
  // POST .../jobs/{id}/start.
  void start(const std::string& job_id);
  // GET .../jobs/{id}: {"StatusCode","Results","Details",...} as the service sent it.
  std::string status(const std::string& job_id);
  // DELETE .../jobs/{id}.
  void cancel(const std::string& job_id);
  // GET .../jobs: a JSON array.
  std::string list();

  const std::string& api_location() const noexcept { return options_.api_location; }

 private:
  http::Response exchange(const std::string& method, const std::string& path, const std::string* body) const;
  std::string jobs_url(const std::string& suffix) const;

  BatchClientOptions options_;
  std::unique_ptr<Pipeline> pipeline_;
};

// The API location a URL names (see BatchClientOptions::api_location). Throws
// azml::Error(Invalid) for a URL that is not http(s) or names no service.
std::string batch_api_location(const std::string& url);

}  // namespace azml::client
