// UTC timestamps in the form ARM uses ("2017-04-26T17:08:46.4482096Z").
#pragma once

#include <chrono>
#include <string>

namespace azml {

using Clock = std::chrono::system_clock;

// ISO 8601, UTC, 7 fractional digits, 'Z'.
std::string format_iso8601(Clock::time_point t);
std::string now_iso8601();

}  // namespace azml
