// The responses the transport makes on its own, before or instead of the request handler:
// ARM error bodies with their own x-ms-request-id, so that even these are traceable.
#pragma once

#include <cstddef>

#include "common/http.hpp"

namespace azml::host::transport {

// 413 RequestEntityTooLarge naming the limit.
http::Response payload_too_large_response(size_t max_body_bytes);

// 500 InternalServerError with a fixed message: the exception's text stays in the host's log.
http::Response internal_error_response();

// 400 BadRequest for a request whose body could not be received (the client went away or
// sent a malformed chunked body).
http::Response unreadable_body_response();

// 400 BadRequest for a request line or headers that are not HTTP.
http::Response malformed_request_response();

// 431 Request Header Fields Too Large naming the limit.
http::Response headers_too_large_response(size_t max_header_bytes);

}  // namespace azml::host::transport
