#include "client/batch_client.hpp"

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

Error invalid_argument(const std::string& message, const char* target) {
  return Error(ErrorCode::Invalid, message).with_target(target);
}

std::string request_id_of(const http::Response& response) {
  return response.headers.get("x-ms-request-id").value_or("");
}

// 200 is every BES operation's success; an error status becomes the service's error.
void require_ok(const http::Response& response, const std::string& what) {
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

void require_job_id(const std::string& job_id) {
  if (job_id.empty()) throw invalid_argument("job_id must not be empty", "job_id");
  for (char c : job_id) {
    if (c <= ' ' || c > '~' || c == '/' || c == '?' || c == '#') {
      throw invalid_argument("job_id holds a character no job id has: '" + job_id + "'", "job_id");
    }
  }
}

std::vector<std::unique_ptr<Policy>> make_policies(const BatchClientOptions& options) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RequestIdPolicy>());
  policies.push_back(std::make_unique<UserAgentPolicy>(options.user_agent_suffix));
  policies.push_back(std::make_unique<RetryPolicy>(options.retry, options.time));
  policies.push_back(std::make_unique<BearerTokenPolicy>(options.api_key));
  policies.push_back(std::make_unique<LoggingPolicy>(options.log_sink, options.time));
  return policies;
}

}  // namespace

std::string batch_api_location(const std::string& url) {
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

BatchClient::BatchClient(BatchClientOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)) {
  options_.api_location = batch_api_location(options_.api_location);
  if (options_.api_key.empty()) {
    throw invalid_argument("the API key must not be empty: give the web service's primary or secondary key", "api_key");
  }
  if (options_.timeout.count() <= 0) throw invalid_argument("the request timeout must be positive", "timeout_ms");
  if (!transport) transport = std::make_shared<CpprestTransport>(CpprestTransportOptions{options_.ca_file});
  pipeline_ = std::make_unique<Pipeline>(make_policies(options_), std::move(transport));
}

std::string BatchClient::jobs_url(const std::string& suffix) const {
  return options_.api_location + "/jobs" + suffix + "?api-version=" + kApiVersion;
}

http::Response BatchClient::exchange(const std::string& method, const std::string& url, const std::string* body) const {
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

std::string BatchClient::submit(const std::string& request_json) {
  json parsed;
  try {
    parsed = json::parse(request_json);
  } catch (const json::parse_error& e) {
    throw invalid_argument(std::string("the job request is not valid JSON: ") + e.what(), "request_json");
  }
  if (!parsed.is_object()) throw invalid_argument("the job request must be a JSON object", "request_json");
  const std::string body = parsed.dump();
  http::Response response = exchange("POST", jobs_url(""), &body);
  require_ok(response, "submit a batch job");
  // The id comes as a JSON string; clients have always stripped the quotes (contract §4.3).
  json id = json::parse(response.body, nullptr, false);
  if (id.is_string() && !id.get<std::string>().empty()) return id.get<std::string>();
  std::string bare = trim(response.body);
  if (bare.size() >= 2 && bare.front() == '"' && bare.back() == '"') bare = bare.substr(1, bare.size() - 2);
  if (bare.empty()) {
    throw Error(ErrorCode::Http, "submit a batch job: the service answered without a job id")
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return bare;
}

void BatchClient::start(const std::string& job_id) {
  require_job_id(job_id);
  const std::string empty;
  require_ok(exchange("POST", jobs_url("/" + url_encode(job_id) + "/start"), &empty), "start batch job '" + job_id + "'");
}

std::string BatchClient::status(const std::string& job_id) {
  require_job_id(job_id);
  http::Response response = exchange("GET", jobs_url("/" + url_encode(job_id)), nullptr);
  require_ok(response, "get batch job '" + job_id + "'");
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw Error(ErrorCode::Http, "get batch job '" + job_id + "': the service answered with a body that is not a "
                                                              "JSON object")
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return body.dump();
}

void BatchClient::cancel(const std::string& job_id) {
  require_job_id(job_id);
  require_ok(exchange("DELETE", jobs_url("/" + url_encode(job_id)), nullptr), "cancel batch job '" + job_id + "'");
}

std::string BatchClient::list() {
  http::Response response = exchange("GET", jobs_url(""), nullptr);
  require_ok(response, "list batch jobs");
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_array()) {
    throw Error(ErrorCode::Http, "list batch jobs: the service answered with a body that is not a JSON array")
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return body.dump();
}

}  // namespace azml::client
