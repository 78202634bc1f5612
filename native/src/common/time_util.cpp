#include "common/time_util.hpp"

#include <cstdio>
#include <ctime>

namespace azml {

std::string format_iso8601(Clock::time_point t) {
  using namespace std::chrono;
  auto secs = time_point_cast<seconds>(t);
  if (secs > t) secs -= seconds(1);
  auto ticks = duration_cast<nanoseconds>(t - secs).count() / 100;  // .NET ticks: 100 ns
  std::time_t tt = Clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%07lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(ticks));
  return buf;
}

std::string now_iso8601() { return format_iso8601(Clock::now()); }

}  // namespace azml
