#include "client/management_client.hpp"

#include "client/bearer_token_policy.hpp"
#include "client/cpprest_transport.hpp"
#include "client/request_id_policy.hpp"
#include "client/response_checks.hpp"
#include "client/retry_after.hpp"
#include "client/user_agent_policy.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

constexpr const char* kProviderPath = "/providers/Microsoft.MachineLearning/webServices";

void require_non_empty(const std::string& value, const char* argument) {
  if (value.empty()) {
    throw Error(ErrorCode::Invalid, std::string(argument) + " must not be empty").with_target(argument);
  }
}

// The endpoint without trailing slashes; it may carry a path prefix ("https://gw/azml").
std::string normalized_endpoint(const std::string& endpoint) {
  require_non_empty(endpoint, "endpoint");
  Url parsed;
  try {
    parsed = parse_url(endpoint);
  } catch (const Error& e) {
    throw Error(ErrorCode::Invalid, std::string("endpoint: ") + e.what()).with_target("endpoint");
  }
  if (parsed.path_and_query.find_first_of("?#") != std::string::npos) {
    throw Error(ErrorCode::Invalid, "endpoint must not have a query or fragment: '" + endpoint + "'")
        .with_target("endpoint");
  }
  std::string out = endpoint;
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

void check_options(const ManagementClientOptions& options) {
  if (options.api_version != "2017-01-01" && options.api_version != "2016-05-01-preview") {
    throw Error(ErrorCode::Invalid, "unsupported api-version '" + options.api_version +
                                        "' (use 2017-01-01 or 2016-05-01-preview)")
        .with_target("api_version");
  }
  if (options.timeout.count() <= 0) {
    throw Error(ErrorCode::Invalid, "the request timeout must be positive").with_target("timeout_ms");
  }
  if (options.async_operation.timeout.count() <= 0) {
    throw Error(ErrorCode::Invalid, "the long-running operation timeout must be positive")
        .with_target("lro_timeout_ms");
  }
  if (!options.time.sleep_for || !options.time.now || !options.time.wall_now) {
    throw Error(ErrorCode::Invalid, "the client needs a complete time source");
  }
}

// The only part of nextLink that is used, as the PowerShell client does (contract 1.1): the
// server's host name in nextLink may not be the one the client reaches it by.
std::string skiptoken_of(const std::string& next_link) {
  Url parsed;
  try {
    parsed = parse_url(next_link);
  } catch (const Error&) {
    throw Error(ErrorCode::Http, "the service sent a nextLink that is not an absolute URL: '" + next_link + "'");
  }
  auto question = parsed.path_and_query.find('?');
  std::optional<std::string> token;
  if (question != std::string::npos) token = Query::parse(parsed.path_and_query.substr(question + 1)).get("$skiptoken");
  if (!token || token->empty()) {
    throw Error(ErrorCode::Http, "the service sent a nextLink without a $skiptoken: '" + next_link + "'");
  }
  return *token;
}

std::vector<std::unique_ptr<Policy>> make_policies(const ManagementClientOptions& options) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RequestIdPolicy>());
  policies.push_back(std::make_unique<UserAgentPolicy>(options.user_agent_suffix));
  policies.push_back(std::make_unique<RetryPolicy>(options.retry, options.time));
  policies.push_back(std::make_unique<BearerTokenPolicy>(options.token));
  policies.push_back(std::make_unique<LoggingPolicy>(options.log_sink, options.time));
  return policies;
}

}  // namespace

ManagementClient::ManagementClient(ManagementClientOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)) {
  options_.endpoint = normalized_endpoint(options_.endpoint);
  check_options(options_);
  options_.async_operation.request_timeout = options_.timeout;
  subscription_id_ = options_.subscription_id;
  if (!transport) transport = std::make_shared<CpprestTransport>(CpprestTransportOptions{options_.ca_file});
  pipeline_ = std::make_unique<Pipeline>(make_policies(options_), std::move(transport));
}

std::string ManagementClient::url(const std::string& path, const std::string& query) const {
  return options_.endpoint + path + (query.empty() ? "" : "?" + query);
}

http::Response ManagementClient::send(const std::string& method, const std::string& path, const std::string& query,
                                      const std::string* body) const {
  return exchange(method, url(path, query), body);
}

http::Response ManagementClient::exchange(const std::string& method, const std::string& target,
                                          const std::string* body) const {
  http::Request request;
  request.method = method;
  request.url = target;
  request.timeout = options_.timeout;
  request.headers.set("Accept", "application/json");
  request.headers.set("accept-language", "en-US");  // as the Azure SDK sends
  if (body) {
    request.headers.set("Content-Type", "application/json; charset=utf-8");
    request.body = *body;
  }
  return pipeline_->send(std::move(request));
}

const std::string& ManagementClient::subscription_id() {
  std::lock_guard<std::mutex> lock(subscription_mutex_);
  if (!subscription_id_.empty()) return subscription_id_;

  Query query;
  query.set("api-version", kSubscriptionsApiVersion);
  http::Response response = exchange("GET", url("/subscriptions", query.to_string()), nullptr);
  require_status(response, {200}, "list subscriptions");
  json body = parse_object_body(response, "list subscriptions");
  auto value = body.find("value");
  if (value != body.end() && value->is_array() && !value->empty() && (*value)[0].is_object()) {
    auto id = (*value)[0].find("subscriptionId");
    if (id != (*value)[0].end() && id->is_string() && !id->get<std::string>().empty()) {
      subscription_id_ = id->get<std::string>();
      return subscription_id_;
    }
  }
  throw Error(ErrorCode::NotFound, "the endpoint " + options_.endpoint +
                                       " lists no subscription; give the subscription id explicitly")
      .with_request_id(request_id_of(response))
      .with_target("subscription_id");
}

std::string ManagementClient::web_service_path(const std::string& resource_group, const std::string& name) {
  require_non_empty(resource_group, "resource_group");
  require_non_empty(name, "name");
  return "/subscriptions/" + url_encode(subscription_id()) + "/resourceGroups/" + url_encode(resource_group) +
         kProviderPath + "/" + url_encode(name);
}

void ManagementClient::finish_operation(const http::Response& started) const {
  auto status_url = started.headers.get("Azure-AsyncOperation");
  // Without a status URL the service has finished by the time it answers.
  if (!status_url || trim(*status_url).empty()) return;
  wait_for_async_operation(*pipeline_, options_.time, trim(*status_url),
                           requested_retry_delay(started.headers, options_.time.wall_now()),
                           options_.async_operation);
}

std::string ManagementClient::get(const std::string& resource_group, const std::string& name,
                                  const std::optional<std::string>& region) {
  Query query;
  query.set("api-version", options_.api_version);
  if (region) {
    require_non_empty(*region, "region");
    query.set("region", *region);
  }
  http::Response response = exchange("GET", url(web_service_path(resource_group, name), query.to_string()), nullptr);
  require_status(response, {200}, "get web service '" + name + "'");
  parse_object_body(response, "get web service '" + name + "'");
  return response.body;
}

std::string ManagementClient::create_or_update(const std::string& resource_group, const std::string& name,
                                               const std::string& web_service_json) {
  require_json_object_text(web_service_json, "web_service_json");
  Query query;
  query.set("api-version", options_.api_version);
  const std::string target = url(web_service_path(resource_group, name), query.to_string());
  http::Response response = exchange("PUT", target, &web_service_json);
  require_status(response, {200, 201}, "create or update web service '" + name + "'");
  finish_operation(response);
  return get(resource_group, name);
}

std::string ManagementClient::patch(const std::string& resource_group, const std::string& name,
                                    const std::string& patch_json) {
  require_json_object_text(patch_json, "patch_json");
  Query query;
  query.set("api-version", options_.api_version);
  const std::string target = url(web_service_path(resource_group, name), query.to_string());
  http::Response response = exchange("PATCH", target, &patch_json);
  require_status(response, {200}, "patch web service '" + name + "'");
  finish_operation(response);
  return get(resource_group, name);
}

void ManagementClient::remove(const std::string& resource_group, const std::string& name) {
  Query query;
  query.set("api-version", options_.api_version);
  const std::string target = url(web_service_path(resource_group, name), query.to_string());
  http::Response response = exchange("DELETE", target, nullptr);
  if (response.status == 404) return;  // already gone: what the caller wanted
  require_status(response, {202, 204}, "remove web service '" + name + "'");
  finish_operation(response);
}

std::string ManagementClient::list_keys(const std::string& resource_group, const std::string& name) {
  Query query;
  query.set("api-version", options_.api_version);
  http::Response response =
      exchange("GET", url(web_service_path(resource_group, name) + "/listKeys", query.to_string()), nullptr);
  require_status(response, {200}, "list keys of web service '" + name + "'");
  parse_object_body(response, "list keys of web service '" + name + "'");
  return response.body;
}

std::string ManagementClient::list(const std::optional<std::string>& resource_group) {
  std::string path = "/subscriptions/" + url_encode(subscription_id());
  if (resource_group) {
    require_non_empty(*resource_group, "resource_group");
    path += "/resourceGroups/" + url_encode(*resource_group);
  }
  path += kProviderPath;

  json all = json::array();
  std::optional<std::string> skiptoken;
  for (;;) {
    Query query;
    query.set("api-version", options_.api_version);
    if (skiptoken) query.set("$skiptoken", *skiptoken);
    http::Response response = exchange("GET", url(path, query.to_string()), nullptr);
    require_status(response, {200}, "list web services");
    json page = parse_object_body(response, "list web services");
    auto value = page.find("value");
    if (value == page.end() || !value->is_array()) {
      throw Error(ErrorCode::Http, "list web services: the service's page has no \"value\" array")
          .with_http_status(response.status)
          .with_request_id(request_id_of(response));
    }
    for (auto& item : *value) all.push_back(std::move(item));

    auto next_link = page.find("nextLink");
    if (next_link == page.end() || !next_link->is_string() || next_link->get<std::string>().empty()) break;
    std::string next = skiptoken_of(next_link->get<std::string>());
    // A server that hands back the token it was given would keep the client here forever.
    if (skiptoken && next == *skiptoken) {
      throw Error(ErrorCode::Http, "list web services: the service returned the same $skiptoken twice")
          .with_request_id(request_id_of(response));
    }
    skiptoken = std::move(next);
  }
  return all.dump();
}

}  // namespace azml::client
