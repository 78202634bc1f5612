// common/time_util.hpp
#include <boost/test/unit_test.hpp>

#include <cctype>

#include "common/time_util.hpp"

namespace azml {
namespace {

Clock::time_point at(std::time_t seconds, long long ticks_of_100ns) {
  return Clock::from_time_t(seconds) +
         std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(ticks_of_100ns * 100));
}

BOOST_AUTO_TEST_SUITE(time_tests)

BOOST_AUTO_TEST_CASE(format_has_seven_fractional_digits_and_a_z) {
  // A startTime recorded from production (contract §1.2).
  BOOST_TEST(format_iso8601(at(1493226526, 4482096)) == "2017-04-26T17:08:46.4482096Z");
  BOOST_TEST(format_iso8601(at(0, 0)) == "1970-01-01T00:00:00.0000000Z");
  BOOST_TEST(format_iso8601(at(1493226526, 1)) == "2017-04-26T17:08:46.0000001Z");
}

BOOST_AUTO_TEST_CASE(times_before_1970_round_down) {
  BOOST_TEST(format_iso8601(at(0, -1)) == "1969-12-31T23:59:59.9999999Z");
}

BOOST_AUTO_TEST_CASE(now_has_the_same_shape) {
  const std::string now = now_iso8601();
  BOOST_TEST_REQUIRE(now.size() == 28u, now);
  const std::string shape = "dddd-dd-ddTdd:dd:dd.dddddddZ";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd') {
      BOOST_TEST(std::isdigit(static_cast<unsigned char>(now[i])), now);
    } else {
      BOOST_TEST(now[i] == shape[i], now);
    }
  }
  BOOST_TEST(now >= std::string("2024-01-01"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
