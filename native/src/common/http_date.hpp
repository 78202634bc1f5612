// Timestamps in the forms Azure Storage speaks: RFC 1123 in HTTP headers (x-ms-date, Date,
// Last-Modified) and ISO 8601 UTC in shared access signatures (st, se) and blob listings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time_util.hpp"

namespace azml {

// "Wed, 26 Nov 2026 21:06:28 GMT" (whole seconds, always GMT).
std::string format_rfc1123(Clock::time_point t);
// Reads the form above; nullopt for anything else (including other zones than GMT/UTC).
std::optional<Clock::time_point> parse_rfc1123(std::string_view text);

// "2026-11-26T21:06:28Z": the form Azure's SDKs write into st and se.
std::string format_sas_time(Clock::time_point t);
// The forms a SAS may carry: "YYYY-MM-DD", "YYYY-MM-DDThh:mmZ", "YYYY-MM-DDThh:mm:ssZ" and
// "YYYY-MM-DDThh:mm:ss.fffffffZ" (1 to 7 fraction digits), always UTC; nullopt otherwise.
std::optional<Clock::time_point> parse_sas_time(std::string_view text);

}  // namespace azml
