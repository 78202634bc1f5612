// Building the responses handlers return: JSON bodies with the content type ARM uses.
#pragma once

#include "common/http.hpp"
#include "common/json.hpp"

namespace azml::host::handlers {

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

http::Response json_response(int status, const json& body);
// A response without a body (202 for DELETE, 204 for a finished operation result).
http::Response empty_response(int status);

}  // namespace azml::host::handlers
