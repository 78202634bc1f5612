// How long a server asks the client to wait before trying again.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "common/http.hpp"

namespace azml::client {

// The delay a response asks for, from (in this order) "retry-after-ms" or "x-ms-retry-after-ms"
// (milliseconds, as Azure services send) or "Retry-After" (delta-seconds or an HTTP-date,
// RFC 9110 section 10.2.3). A date in the past means no wait. nullopt when no header is present
// or none can be read: the caller then falls back to its own back-off.
std::optional<std::chrono::milliseconds> requested_retry_delay(const http::Headers& headers,
                                                               std::chrono::system_clock::time_point now);

// Parses an HTTP-date in any of the three forms RFC 9110 requires recipients to accept:
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and
// asctime ("Sun Nov  6 08:49:37 1994"). nullopt when the text is none of them.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

}  // namespace azml::client
