#include "client/response_checks.hpp"

#include <algorithm>

#include "common/arm_error.hpp"
#include "common/error.hpp"

namespace azml::client {

namespace {

json parse_body(const http::Response& response, bool want_array, const std::string& what) {
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || (want_array ? !body.is_array() : !body.is_object())) {
    throw Error(ErrorCode::Http, what + ": the service answered with a body that is not a JSON " +
                                     (want_array ? "array" : "object"))
        .with_http_status(response.status)
        .with_request_id(request_id_of(response));
  }
  return body;
}

}  // namespace

std::string request_id_of(const http::Response& response) {
  return response.headers.get("x-ms-request-id").value_or("");
}

void require_status(const http::Response& response, std::initializer_list<int> accepted, const std::string& what) {
  if (std::find(accepted.begin(), accepted.end(), response.status) != accepted.end()) return;
  if (response.status >= 400 || response.status < 200) {
    throw error_from_response(response.status, response.body, request_id_of(response));
  }
  throw Error(ErrorCode::Http, what + ": unexpected HTTP status " + std::to_string(response.status))
      .with_http_status(response.status)
      .with_request_id(request_id_of(response));
}

json parse_object_body(const http::Response& response, const std::string& what) {
  return parse_body(response, false, what);
}

json parse_array_body(const http::Response& response, const std::string& what) {
  return parse_body(response, true, what);
}

void require_json_object_text(const std::string& text, const char* argument) {
  json parsed;
  try {
    parsed = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::Invalid, std::string(argument) + " is not valid JSON: " + e.what()).with_target(argument);
  }
  if (!parsed.is_object()) {
    throw Error(ErrorCode::Invalid, std::string(argument) + " must be a JSON object").with_target(argument);
  }
}

}  // namespace azml::client
