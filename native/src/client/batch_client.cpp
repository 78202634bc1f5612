#include "client/batch_client.hpp"

#include "client/response_checks.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"

namespace azml::client {

namespace {

Error invalid_argument(const std::string& message, const char* target) {
  return Error(ErrorCode::Invalid, message).with_target(target);
}

void require_job_id(const std::string& job_id) {
  if (job_id.empty()) throw invalid_argument("job_id must not be empty", "job_id");
  for (char c : job_id) {
    if (c <= ' ' || c > '~' || c == '/' || c == '?' || c == '#') {
      throw invalid_argument("job_id holds a character no job id has: '" + job_id + "'", "job_id");
    }
  }
}

}  // namespace

BatchClient::BatchClient(BatchClientOptions options, std::shared_ptr<Transport> transport)
    : channel_(std::move(options), std::move(transport)) {}

std::string BatchClient::jobs_url(const std::string& suffix) const {
  return channel_.api_location() + "/jobs" + suffix + "?api-version=" + kApiVersion;
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
  http::Response response = channel_.exchange("POST", jobs_url(""), &body);
  require_service_success(response, "submit a batch job");
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
  require_service_success(channel_.exchange("POST", jobs_url("/" + url_encode(job_id) + "/start"), &empty),
                          "start batch job '" + job_id + "'");
}

std::string BatchClient::status(const std::string& job_id) {
  require_job_id(job_id);
  http::Response response = channel_.exchange("GET", jobs_url("/" + url_encode(job_id)), nullptr);
  require_service_success(response, "get batch job '" + job_id + "'");
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
  require_service_success(channel_.exchange("DELETE", jobs_url("/" + url_encode(job_id)), nullptr),
                          "cancel batch job '" + job_id + "'");
}

std::string BatchClient::list() {
  http::Response response = channel_.exchange("GET", jobs_url(""), nullptr);
  require_service_success(response, "list batch jobs");
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_array()) {
    throw Error(ErrorCode::Http, "list batch jobs: the service answered with a body that is not a JSON array")
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return body.dump();
}

}  // namespace azml::client
