#include "client/service_api.hpp"

#include "client/bearer_token_policy.hpp"
#include "client/cpprest_transport.hpp"
#include "client/request_id_policy.hpp"
#include "client/response_checks.hpp"
#include "client/user_agent_policy.hpp"
#include "common/arm_error.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

Error invalid_argument(const std::string& message, const char* target) {
  return Error(ErrorCode::Invalid, message).with_target(target);
}

std::vector<std::unique_ptr<Policy>> make_policies(const ServiceApiOptions& options) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RequestIdPolicy>());
  policies.push_back(std::make_unique<UserAgentPolicy>(options.user_agent_suffix));
  policies.push_back(std::make_unique<RetryPolicy>(options.retry, options.time));
  policies.push_back(std::make_unique<BearerTokenPolicy>(options.api_key));
  policies.push_back(std::make_unique<LoggingPolicy>(options.log_sink, options.time));
  return policies;
}

}  // namespace

std::string service_api_location(const std::string& url) {
  if (trim(url).empty()) throw invalid_argument("the API location must not be empty", "api_location");
  Url parsed;
  try {
    parsed = parse_url(trim(url));
  } catch (const Error& e) {
    throw invalid_argument(std::string("the API location: ") + e.what(), "api_location");
  }
  const std::string path = parsed.path_and_query.substr(0, parsed.path_and_query.find_first_of("?#"));
  // .../{workspaces|subscriptions}/{ws}/services/{id}[/jobs...|/execute...]
  const auto segments = split(path, '/');
  for (size_t i = 0; i + 3 < segments.size(); ++i) {
    const bool prefix = iequals(segments[i], "workspaces") || iequals(segments[i], "subscriptions");
    if (prefix && !segments[i + 1].empty() && iequals(segments[i + 2], "services") && !segments[i + 3].empty()) {
      std::string location = parsed.scheme + "://" + parsed.authority;
      for (size_t j = 1; j <= i + 3; ++j) location += "/" + segments[j];
      return location;
    }
  }
  throw invalid_argument("'" + url + "' is not a web service's API location (expected "
                         "https://host/workspaces/{workspace}/services/{service id})",
                         "api_location");
}

ServiceApiChannel::ServiceApiChannel(ServiceApiOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)) {
  options_.api_location = service_api_location(options_.api_location);
  if (options_.api_key.empty()) {
    throw invalid_argument("the API key must not be empty: give the web service's primary or secondary key", "api_key");
  }
  if (options_.timeout.count() <= 0) throw invalid_argument("the request timeout must be positive", "timeout_ms");
  if (!transport) transport = std::make_shared<CpprestTransport>(CpprestTransportOptions{options_.ca_file});
  pipeline_ = std::make_unique<Pipeline>(make_policies(options_), std::move(transport));
}

http::Response ServiceApiChannel::exchange(const std::string& method, const std::string& url,
                                           const std::string* body) const {
  http::Request request;
  request.method = method;
  request.url = url;
  request.timeout = options_.timeout;
  request.headers.set("Accept", "application/json");
  if (body) {
    request.headers.set("Content-Type", "application/json; charset=utf-8");
    request.body = *body;
  }
  return pipeline_->send(std::move(request));
}

void require_service_success(const http::Response& response, const std::string& what) {
  if (response.status == 200 || response.status == 204 || response.status == 202) return;
  if (response.status >= 400 || response.status < 200) {
    Error error = error_from_response(response.status, response.body, request_id_of(response));
    throw Error(error.code(), error.service_code(), what + ": " + error.what())
        .with_http_status(error.http_status())
        .with_request_id(error.request_id())
        .with_target(error.target())
        .with_details(error.details());
  }
  throw Error(ErrorCode::Http, what + ": unexpected HTTP status " + std::to_string(response.status))
      .with_http_status(response.status)
      .with_request_id(request_id_of(response));
}

}  // namespace azml::client
