#include "client/rrs_client.hpp"

#include "client/response_checks.hpp"
#include "common/error.hpp"
#include "common/json.hpp"

namespace azml::client {

RrsClient::RrsClient(RrsClientOptions options, std::shared_ptr<Transport> transport)
    : channel_(std::move(options), std::move(transport)) {}

std::string RrsClient::execute(const std::string& request_json, RrsExecuteFormat format) {
  require_json_object_text(request_json, "request_json");
  std::string url = channel_.api_location() + "/execute?api-version=" + kApiVersion;
  if (format.details) url += "&details=true";
  if (format.swagger) url += "&format=swagger";
  http::Response response = channel_.exchange("POST", url, &request_json);
  require_service_success(response, "score with the web service at " + channel_.api_location());
  parse_object_body(response, "score with the web service at " + channel_.api_location());
  return response.body;
}

}  // namespace azml::client
