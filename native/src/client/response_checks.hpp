// The checks every management-API client makes of a response (the ARM client, the classic
// client): accepted statuses, error bodies mapped to azml::Error, JSON bodies of the expected
// shape, JSON text arguments. One place, so every client maps a failure the same way.
#pragma once

#include <initializer_list>
#include <string>

#include "common/http.hpp"
#include "common/json.hpp"

namespace azml::client {

// x-ms-request-id of a response; "" without one.
std::string request_id_of(const http::Response& response);

// Accepts the listed statuses; maps an error status to the service's error (its code, message,
// target and HTTP status, see error_from_response) and anything else (a success code this
// operation does not define) to Error(Http) naming `what`.
void require_status(const http::Response& response, std::initializer_list<int> accepted, const std::string& what);

// The body as a JSON object (or array); Error(Http) naming `what` when it is not one.
json parse_object_body(const http::Response& response, const std::string& what);
json parse_array_body(const http::Response& response, const std::string& what);

// Error(Invalid) with target `argument` unless text is a JSON object.
void require_json_object_text(const std::string& text, const char* argument);

}  // namespace azml::client
