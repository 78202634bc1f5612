// Reading the delay a server asks for: Retry-After (seconds or HTTP-date) and the Azure
// millisecond headers.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "client/retry_after.hpp"

using namespace azml;
using namespace std::chrono;
namespace data = boost::unit_test::data;

namespace {

// 1994-11-06T08:49:37Z, the example date of RFC 9110.
const system_clock::time_point kRfcExample{seconds(784111777)};

struct DelayCase {
  const char* header;
  const char* value;
  long long now_offset_s;  // wall clock relative to kRfcExample
  long long expected_ms;   // -1: no delay requested
};

std::ostream& operator<<(std::ostream& out, const DelayCase& c) { return out << c.header << ": " << c.value; }

const DelayCase kDelayCases[] = {
    {"Retry-After", "5", 0, 5000},
    {"Retry-After", " 12 ", 0, 12000},
    {"Retry-After", "0", 0, 0},
    {"retry-after-ms", "250", 0, 250},
    {"x-ms-retry-after-ms", "40", 0, 40},
    {"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT", -3, 3000},
    {"Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT", -10, 10000},
    {"Retry-After", "Sun Nov  6 08:49:37 1994", -1, 1000},
    {"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT", 60, 0},  // in the past: go now
    {"Retry-After", "-1", 0, -1},
    {"Retry-After", "soon", 0, -1},
    {"Retry-After", "1.5", 0, -1},
    {"Retry-After", "Sun, 06 Nov 1994 08:49:37 UTC", 0, -1},
    {"Retry-After", "", 0, -1},
    {"X-Unrelated", "5", 0, -1},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(retry_after_tests)

BOOST_DATA_TEST_CASE(requested_delay_is_read_from_the_headers, data::make(kDelayCases), c) {
  http::Headers headers;
  headers.add(c.header, c.value);
  auto delay = client::requested_retry_delay(headers, kRfcExample + seconds(c.now_offset_s));
  if (c.expected_ms < 0) {
    BOOST_TEST(!delay.has_value());
  } else {
    BOOST_REQUIRE(delay.has_value());
    BOOST_TEST(delay->count() == c.expected_ms);
  }
}

BOOST_AUTO_TEST_CASE(millisecond_headers_win_over_retry_after) {
  http::Headers headers{{"Retry-After", "30"}, {"retry-after-ms", "120"}};
  BOOST_TEST(client::requested_retry_delay(headers, kRfcExample)->count() == 120);
}

BOOST_AUTO_TEST_CASE(the_three_http_date_forms_name_the_same_instant) {
  for (const char* text : {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"}) {
    BOOST_TEST_CONTEXT(text) {
      auto parsed = client::parse_http_date(text);
      BOOST_REQUIRE(parsed.has_value());
      BOOST_TEST(duration_cast<seconds>(parsed->time_since_epoch()).count() == 784111777);
    }
  }
}

BOOST_AUTO_TEST_CASE(dates_that_are_not_http_dates_are_rejected) {
  for (const char* text : {"Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "2017-04-26T17:08:46Z",
                           "Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun, 6 Nov 1994 08:49:37 GMT"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!client::parse_http_date(text).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(a_leap_year_date_after_february_is_exact) {
  // 2024-03-01T00:00:00Z = 1709251200
  auto parsed = client::parse_http_date("Fri, 01 Mar 2024 00:00:00 GMT");
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(duration_cast<seconds>(parsed->time_since_epoch()).count() == 1709251200);
}

BOOST_AUTO_TEST_SUITE_END()
