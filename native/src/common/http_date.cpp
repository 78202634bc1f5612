#include "common/http_date.hpp"

#include <cstdio>
#include <ctime>

namespace azml {

namespace {

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::tm utc_fields(Clock::time_point t) {
  const std::time_t seconds = Clock::to_time_t(std::chrono::floor<std::chrono::seconds>(t));
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

// Reads exactly `count` decimal digits at text[pos]; -1 when they are not all digits.
int digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool plausible(const std::tm& f) {
  return f.tm_mon >= 0 && f.tm_mon < 12 && f.tm_mday >= 1 && f.tm_mday <= 31 && f.tm_hour >= 0 && f.tm_hour < 24 &&
         f.tm_min >= 0 && f.tm_min < 60 && f.tm_sec >= 0 && f.tm_sec < 61;
}

// timegm normalises 31 February into March; a date that does not round-trip is refused.
std::optional<Clock::time_point> to_time_point(std::tm fields) {
  if (!plausible(fields)) return std::nullopt;
  const std::tm asked = fields;
  std::time_t seconds = timegm(&fields);
  if (seconds == static_cast<std::time_t>(-1) || fields.tm_mday != asked.tm_mday || fields.tm_mon != asked.tm_mon) {
    return std::nullopt;
  }
  return Clock::from_time_t(seconds);
}

}  // namespace

std::string format_rfc1123(Clock::time_point t) {
  const std::tm f = utc_fields(t);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[f.tm_wday], f.tm_mday,
                kMonths[f.tm_mon], f.tm_year + 1900, f.tm_hour, f.tm_min, f.tm_sec);
  return text;
}

std::optional<Clock::time_point> parse_rfc1123(std::string_view text) {
  // "Www, DD Mon YYYY hh:mm:ss GMT"
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
      text[19] != ':' || text[22] != ':' || (text.substr(25) != " GMT" && text.substr(25) != " UTC")) {
    return std::nullopt;
  }
  std::tm fields{};
  fields.tm_mon = -1;
  for (int m = 0; m < 12; ++m) {
    if (text.substr(8, 3) == kMonths[m]) fields.tm_mon = m;
  }
  fields.tm_mday = digits(text, 5, 2);
  fields.tm_year = digits(text, 12, 4) - 1900;
  fields.tm_hour = digits(text, 17, 2);
  fields.tm_min = digits(text, 20, 2);
  fields.tm_sec = digits(text, 23, 2);
  if (fields.tm_year < 0) return std::nullopt;
  return to_time_point(fields);
}

std::string format_sas_time(Clock::time_point t) {
  const std::tm f = utc_fields(t);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", f.tm_year + 1900, f.tm_mon + 1, f.tm_mday,
                f.tm_hour, f.tm_min, f.tm_sec);
  return text;
}

std::optional<Clock::time_point> parse_sas_time(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::tm fields{};
  fields.tm_year = digits(text, 0, 4) - 1900;
  fields.tm_mon = digits(text, 5, 2) - 1;
  fields.tm_mday = digits(text, 8, 2);
  if (fields.tm_year < 0) return std::nullopt;
  if (text.size() == 10) return to_time_point(fields);

  // "Thh:mm" then optional ":ss" and ".fraction", then 'Z'.
  if (text[10] != 'T' || text.size() < 17 || text[13] != ':' || text.back() != 'Z') return std::nullopt;
  fields.tm_hour = digits(text, 11, 2);
  fields.tm_min = digits(text, 14, 2);
  size_t pos = 16;
  long long fraction_ns = 0;
  if (text[pos] == ':') {
    fields.tm_sec = digits(text, pos + 1, 2);
    if (fields.tm_sec < 0) return std::nullopt;
    pos += 3;
    if (text[pos] == '.') {
      const size_t start = ++pos;
      long long scale = 100000000;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        fraction_ns += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start || pos - start > 7) return std::nullopt;
    }
  }
  if (pos != text.size() - 1) return std::nullopt;
  auto whole = to_time_point(fields);
  if (!whole) return std::nullopt;
  return *whole + std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(fraction_ns));
}

}  // namespace azml
