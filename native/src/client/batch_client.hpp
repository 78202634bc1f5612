// A client for one web service's Batch Execution Service (contract §4.1, §4.3): submit a job,
// start it, read its status and results, cancel it, list the service's jobs. Requests and
// answers are JSON text, as in the management client.
#pragma once

#include <memory>
#include <string>

#include "client/service_api.hpp"

namespace azml::client {

// The service's API location and key, and how to reach it (see ServiceApiOptions).
using BatchClientOptions = ServiceApiOptions;

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

  const std::string& api_location() const noexcept { return channel_.api_location(); }

 private:
  std::string jobs_url(const std::string& suffix) const;

  ServiceApiChannel channel_;
};

}  // namespace azml::client
