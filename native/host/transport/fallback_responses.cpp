#include "transport/fallback_responses.hpp"

#include <string>

#include "common/arm_error.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"

namespace azml::host::transport {

namespace {
http::Response error_response(const Error& error) {
  http::Response response;
  response.status = http_status_for(error);
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  auto request_id = new_request_id();
  response.headers.set("x-ms-request-id", request_id);
  response.headers.set("x-ms-correlation-request-id", request_id);
  response.body = arm_error_body(error).dump();
  return response;
}
}  // namespace

http::Response payload_too_large_response(size_t max_body_bytes) {
  return error_response(Error(ErrorCode::TooLarge, "RequestEntityTooLarge",
                              "The request body is larger than the host accepts (" + std::to_string(max_body_bytes) +
                                  " bytes; see azml-host --max-body-bytes)."));
}

http::Response internal_error_response() {
  return error_response(Error(ErrorCode::Generic, "InternalServerError",
                              "The host met an unexpected error while processing the request; its log has the "
                              "details."));
}

http::Response unreadable_body_response() {
  return error_response(Error(ErrorCode::Invalid, "InvalidRequestContent", "The request body could not be read."));
}

http::Response malformed_request_response() {
  return error_response(Error(ErrorCode::Invalid, "BadRequest",
                              "The request is not valid HTTP/1.1: its request line or headers could not be read."));
}

http::Response headers_too_large_response(size_t max_header_bytes) {
  auto response = error_response(Error(ErrorCode::Invalid, "RequestHeaderFieldsTooLarge",
                                       "The request line and headers are larger than the host accepts (" +
                                           std::to_string(max_header_bytes) + " bytes together)."));
  response.status = 431;
  return response;
}

}  // namespace azml::host::transport
