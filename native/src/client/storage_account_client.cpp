#include "client/storage_account_client.hpp"

#include "client/bearer_token_policy.hpp"
#include "client/cpprest_transport.hpp"
#include "client/request_id_policy.hpp"
#include "client/user_agent_policy.hpp"
#include "common/arm_error.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

std::string request_id_of(const http::Response& response) {
  return response.headers.get("x-ms-request-id").value_or("");
}

json object_body(const http::Response& response, const std::string& what) {
  if (response.status != 200) throw error_from_response(response.status, response.body, request_id_of(response));
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw Error(ErrorCode::Http, what + ": the service answered with a body that is not a JSON object")
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return body;
}

std::string string_at(const json& object, std::initializer_list<const char*> path) {
  const json* node = &object;
  for (const char* name : path) {
    if (!node->is_object()) return {};
    auto it = node->find(name);
    if (it == node->end()) return {};
    node = &*it;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

}  // namespace

StorageAccountClient::StorageAccountClient(ManagementClientOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)) {
  if (options_.endpoint.empty()) throw Error(ErrorCode::Invalid, "endpoint must not be empty").with_target("endpoint");
  parse_url(options_.endpoint);
  while (options_.endpoint.back() == '/') options_.endpoint.pop_back();
  if (!transport) transport = std::make_shared<CpprestTransport>(CpprestTransportOptions{options_.ca_file});
  // The management client's policies, in its order.
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RequestIdPolicy>());
  policies.push_back(std::make_unique<UserAgentPolicy>(options_.user_agent_suffix));
  policies.push_back(std::make_unique<RetryPolicy>(options_.retry, options_.time));
  policies.push_back(std::make_unique<BearerTokenPolicy>(options_.token));
  policies.push_back(std::make_unique<LoggingPolicy>(options_.log_sink, options_.time));
  pipeline_ = std::make_unique<Pipeline>(std::move(policies), std::move(transport));
}

http::Response StorageAccountClient::exchange(const std::string& method, const std::string& url) const {
  http::Request request;
  request.method = method;
  request.url = url;
  request.timeout = options_.timeout;
  request.headers.set("Accept", "application/json");
  return pipeline_->send(std::move(request));
}

std::string StorageAccountClient::connection_string(const std::string& subscription_id,
                                                    const std::string& account_name) {
  if (subscription_id.empty()) {
    throw Error(ErrorCode::Invalid, "subscription_id must not be empty").with_target("subscription_id");
  }
  const std::string query = std::string("?api-version=") + kApiVersion;
  const std::string list_url = options_.endpoint + "/subscriptions/" + url_encode(subscription_id) +
                               "/providers/Microsoft.Storage/storageAccounts" + query;
  const json accounts = object_body(exchange("GET", list_url), "list storage accounts");
  const json* chosen = nullptr;
  if (auto value = accounts.find("value"); value != accounts.end() && value->is_array()) {
    for (const auto& account : *value) {
      if (account.is_object() && (account_name.empty() || iequals(string_at(account, {"name"}), account_name))) {
        chosen = &account;
        break;
      }
    }
  }
  if (!chosen) {
    throw Error(ErrorCode::NotFound, "the subscription " + subscription_id + " at " + options_.endpoint + " has " +
                                         (account_name.empty() ? std::string("no storage account")
                                                               : "no storage account named '" + account_name + "'"))
        .with_target("account_name");
  }
  const std::string id = string_at(*chosen, {"id"});
  const std::string name = string_at(*chosen, {"name"});
  std::string blob_endpoint = string_at(*chosen, {"properties", "primaryEndpoints", "blob"});
  if (id.empty() || name.empty() || blob_endpoint.empty()) {
    throw Error(ErrorCode::Http, "list storage accounts: the account has no id, name or primaryEndpoints.blob");
  }
  while (!blob_endpoint.empty() && blob_endpoint.back() == '/') blob_endpoint.pop_back();

  // The id is the account's ARM path; listKeys hangs below it.
  const json keys = object_body(exchange("POST", options_.endpoint + id + "/listKeys" + query),
                                "list keys of storage account '" + name + "'");
  std::string key;
  if (auto list = keys.find("keys"); list != keys.end() && list->is_array() && !list->empty()) {
    key = string_at((*list)[0], {"value"});
  }
  if (key.empty()) {
    throw Error(ErrorCode::Http, "list keys of storage account '" + name + "': the answer holds no key");
  }
  const std::string protocol = starts_with(to_lower(blob_endpoint), "https://") ? "https" : "http";
  return "DefaultEndpointsProtocol=" + protocol + ";AccountName=" + name + ";AccountKey=" + key +
         ";BlobEndpoint=" + blob_endpoint;
}

}  // namespace azml::client
