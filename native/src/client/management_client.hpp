// The ARM management client for Microsoft.MachineLearning/webServices (contract sections
// 1.1-1.3): get, create or update, patch, remove, list keys and list, with long-running
// operations followed to their end. Web services go in and come out as JSON text, so that no
// JSON library type is part of this interface.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "client/async_operation.hpp"
#include "client/logging_policy.hpp"
#include "client/pipeline.hpp"
#include "client/retry_policy.hpp"
#include "client/time_source.hpp"
#include "client/transport.hpp"

namespace azml::client {

struct ManagementClientOptions {
  std::string endpoint;         // base URL, e.g. "http://127.0.0.1:8080" (required)
  std::string token;            // bearer token; empty sends none
  std::string subscription_id;  // empty: the first one GET /subscriptions lists, asked once
  std::string api_version = "2017-01-01";  // or "2016-05-01-preview"
  std::chrono::milliseconds timeout{100000};  // each HTTP exchange
  RetryOptions retry;
  AsyncOperationSettings async_operation;  // its request_timeout is taken from `timeout`
  std::string ca_file;            // PEM trust anchors for https; empty: the system store
  std::string user_agent_suffix;  // appended to "azml/<version>"
  LogSink log_sink;               // optional
  TimeSource time = TimeSource::real();
};

class ManagementClient {
 public:
  static constexpr const char* kSubscriptionsApiVersion = "2020-01-01";

  // Checks the options (azml::Error(Invalid) naming the bad one) and builds the pipeline. Makes
  // no network call. A null transport means a CpprestTransport using options.ca_file.
  explicit ManagementClient(ManagementClientOptions options, std::shared_ptr<Transport> transport = nullptr);

  // The subscription every call works in (see ManagementClientOptions::subscription_id).
  // Thread-safe; the reference stays valid as long as the client.
  const std::string& subscription_id();

  // GET one web service; region adds "?region=". Returns the service's JSON.
  std::string get(const std::string& resource_group, const std::string& name,
                  const std::optional<std::string>& region = std::nullopt);
  // PUT (accepting 200 and 201), follow the operation, then GET. Returns the GET's JSON.
  std::string create_or_update(const std::string& resource_group, const std::string& name,
                               const std::string& web_service_json);
  // PATCH (accepting 200), follow the operation, then GET. Returns the GET's JSON.
  std::string patch(const std::string& resource_group, const std::string& name, const std::string& patch_json);
  // DELETE (accepting 202 and 204) and follow the operation. A service that does not exist (404)
  // counts as removed.
  void remove(const std::string& resource_group, const std::string& name);
  // GET .../listKeys: {"primary":"...","secondary":"..."}.
  std::string list_keys(const std::string& resource_group, const std::string& name);
  // Every web service of the resource group, or of the subscription when none is given, as one
  // JSON array, following nextLink page by page.
  std::string list(const std::optional<std::string>& resource_group = std::nullopt);

  // One exchange with the endpoint through this client's pipeline (request id, user agent,
  // retries, bearer token, logging) with the JSON headers every call sends: path below the
  // endpoint ("/workspaces/..."), query without '?' (may be empty). The response whatever its
  // status. Clients of the endpoint's other APIs (ClassicClient) go through here, so that one
  // client has one pipeline and one subscription.
  http::Response send(const std::string& method, const std::string& path, const std::string& query,
                      const std::string* body) const;

 private:
  std::string web_service_path(const std::string& resource_group, const std::string& name);
  std::string url(const std::string& path, const std::string& query) const;
  http::Response exchange(const std::string& method, const std::string& url, const std::string* body) const;
  void finish_operation(const http::Response& started) const;

  ManagementClientOptions options_;
  std::unique_ptr<Pipeline> pipeline_;
  std::mutex subscription_mutex_;
  std::string subscription_id_;  // set once, then never changed
};

}  // namespace azml::client
