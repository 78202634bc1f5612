#include "client/retry_after.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>

#include "common/strings.hpp"

namespace azml::client {

namespace {

// A cursor over the date text; every reader returns false on a mismatch.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }

  bool literal(std::string_view expected) {
    if (text_.substr(pos_, expected.size()) != expected) return false;
    pos_ += expected.size();
    return true;
  }

  bool spaces() {  // one or more
    size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    return pos_ > start;
  }

  bool word(std::string& out) {  // letters only
    size_t start = pos_;
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    out.assign(text_.substr(start, pos_ - start));
    return !out.empty();
  }

  bool digits(size_t min_count, size_t max_count, int& out) {
    size_t start = pos_;
    out = 0;
    while (pos_ < text_.size() && pos_ - start < max_count && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      out = out * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    return pos_ - start >= min_count;
  }

  bool time_of_day(int& hour, int& minute, int& second) {
    return digits(2, 2, hour) && literal(":") && digits(2, 2, minute) && literal(":") && digits(2, 2, second);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

int month_number(const std::string& name) {
  static const std::array<const char*, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), so
// that no time zone or locale of the process is involved.
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct DateParts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

std::optional<std::chrono::system_clock::time_point> to_time_point(const DateParts& p) {
  if (p.month < 1 || p.day < 1 || p.day > 31 || p.hour > 23 || p.minute > 59 || p.second > 60) return std::nullopt;
  const std::int64_t seconds =
      days_from_civil(p.year, p.month, p.day) * 86400 + p.hour * 3600 + p.minute * 60 + p.second;
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<DateParts> parse_imf_fixdate(std::string_view text) {
  Scanner s(text);
  std::string weekday, month;
  DateParts p;
  if (s.word(weekday) && weekday.size() == 3 && s.literal(", ") && s.digits(2, 2, p.day) && s.literal(" ") &&
      s.word(month) && s.literal(" ") && s.digits(4, 4, p.year) && s.literal(" ") &&
      s.time_of_day(p.hour, p.minute, p.second) && s.literal(" GMT") && s.at_end()) {
    p.month = month_number(month);
    return p;
  }
  return std::nullopt;
}

// "Sunday, 06-Nov-94 08:49:37 GMT". The form is obsolete, so a fixed pivot is good enough for
// its two-digit year: 70-99 are 19xx, 00-69 are 20xx.
std::optional<DateParts> parse_rfc850(std::string_view text) {
  Scanner s(text);
  std::string weekday, month;
  DateParts p;
  if (s.word(weekday) && weekday.size() > 3 && s.literal(", ") && s.digits(2, 2, p.day) && s.literal("-") &&
      s.word(month) && s.literal("-") && s.digits(2, 2, p.year) && s.literal(" ") &&
      s.time_of_day(p.hour, p.minute, p.second) && s.literal(" GMT") && s.at_end()) {
    p.month = month_number(month);
    p.year += p.year < 70 ? 2000 : 1900;
    return p;
  }
  return std::nullopt;
}

// "Sun Nov  6 08:49:37 1994"
std::optional<DateParts> parse_asctime(std::string_view text) {
  Scanner s(text);
  std::string weekday, month;
  DateParts p;
  if (s.word(weekday) && weekday.size() == 3 && s.literal(" ") && s.word(month) && s.spaces() &&
      s.digits(1, 2, p.day) && s.literal(" ") && s.time_of_day(p.hour, p.minute, p.second) && s.literal(" ") &&
      s.digits(4, 4, p.year) && s.at_end()) {
    p.month = month_number(month);
    return p;
  }
  return std::nullopt;
}

// Non-negative decimal integer, nothing else; nullopt on overflow past a day's worth of ms.
std::optional<long long> parse_non_negative(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  for (auto parser : {parse_imf_fixdate, parse_rfc850, parse_asctime}) {
    if (auto parts = parser(text)) return to_time_point(*parts);
  }
  return std::nullopt;
}

std::optional<std::chrono::milliseconds> requested_retry_delay(const http::Headers& headers,
                                                               std::chrono::system_clock::time_point now) {
  for (const char* name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
    if (auto value = headers.get(name)) {
      if (auto ms = parse_non_negative(trim(*value))) return std::chrono::milliseconds(*ms);
    }
  }
  auto value = headers.get("Retry-After");
  if (!value) return std::nullopt;
  const std::string text = trim(*value);
  if (auto seconds = parse_non_negative(text)) return std::chrono::milliseconds(*seconds * 1000);
  if (auto date = parse_http_date(text)) {
    if (*date <= now) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(*date - now);
  }
  return std::nullopt;
}

}  // namespace azml::client
