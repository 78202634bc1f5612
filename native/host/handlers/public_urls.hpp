// Absolute URLs the host hands back (Azure-AsyncOperation, Location, nextLink,
// swaggerLocation). ARM builds them from the address the client used, so do we: the scheme the
// host serves and the request's Host header.
#pragma once

#include <string>
#include <vector>

#include "common/http.hpp"
#include "common/url.hpp"

namespace azml::host::handlers {

// "http://127.0.0.1:8080" for this request. The Host header is used when it is a plausible
// authority (host name, IPv4 or [IPv6] literal, optional port); otherwise fallback_authority
// is (so a forged Host header cannot inject text into the URLs).
std::string public_base_url(const http::Request& request, const std::string& scheme,
                            const std::string& fallback_authority);

// Joins path segments, percent-encoding each: {"subscriptions", "a b"} -> "/subscriptions/a%20b".
std::string encode_path(const std::vector<std::string>& segments);

// base + encoded path + "?" + query (omitted when the query is empty).
std::string absolute_url(const std::string& base_url, const std::vector<std::string>& segments, const Query& query);

}  // namespace azml::host::handlers
