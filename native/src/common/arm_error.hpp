// The ARM error body {"error":{"code","message","target","details":[...]}} in both directions.
// The host turns an azml::Error into a status and body here (its single mapping); the client
// turns an error response back into an azml::Error here.
#pragma once

#include <string>

#include "common/error.hpp"
#include "common/json.hpp"

namespace azml {

// HTTP status for an error raised inside the host.
int http_status_for(const Error& e) noexcept;
// ARM error code for an error raised inside the host ("NotFound", "BadRequest", ...).
std::string arm_code_for(const Error& e);
// {"error":{"code","message","target"?,"details":[{"code","message","target"?}]}}
json arm_error_body(const Error& e);

// Builds the client-side error for a failed response. Reads ARM, classic and plain-text bodies.
Error error_from_response(int status, const std::string& body, const std::string& request_id);

// ErrorCode that best describes an HTTP error status.
ErrorCode error_code_for_status(int status) noexcept;

}  // namespace azml
