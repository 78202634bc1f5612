// common/http_date.hpp and common/content_md5.hpp: the timestamps and digest of the blob API.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "common/content_md5.hpp"
#include "common/http_date.hpp"

namespace azml {
namespace {

namespace data = boost::unit_test::data;

Clock::time_point at(std::time_t seconds) { return Clock::from_time_t(seconds); }

BOOST_AUTO_TEST_SUITE(http_date_tests)

BOOST_AUTO_TEST_CASE(rfc1123_formats_and_parses_the_documented_example) {
  // Sun, 11 Oct 2009 21:49:13 GMT is 1255297753 seconds after the epoch.
  BOOST_TEST(format_rfc1123(at(1255297753)) == "Sun, 11 Oct 2009 21:49:13 GMT");
  BOOST_TEST(format_rfc1123(at(1255297753) + std::chrono::milliseconds(999)) == "Sun, 11 Oct 2009 21:49:13 GMT");
  auto parsed = parse_rfc1123("Sun, 11 Oct 2009 21:49:13 GMT");
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(Clock::to_time_t(*parsed) == 1255297753);
}

BOOST_DATA_TEST_CASE(rfc1123_refuses_other_forms,
                     data::make({"", "Sun, 11 Oct 2009 21:49:13", "Sunday, 11-Oct-09 21:49:13 GMT",
                                 "Sun, 11 Foo 2009 21:49:13 GMT", "Sun, 31 Feb 2009 21:49:13 GMT",
                                 "Sun, 11 Oct 2009 25:49:13 GMT", "Sun, 11 Oct 2009 21:49:13 +0100",
                                 "Sun, 1x Oct 2009 21:49:13 GMT"}),
                     text) {
  BOOST_TEST(!parse_rfc1123(text).has_value(), text);
}

BOOST_AUTO_TEST_CASE(sas_times_take_every_documented_form) {
  const std::time_t midnight = 1893456000;  // 2030-01-01T00:00:00Z
  BOOST_TEST(format_sas_time(at(midnight)) == "2030-01-01T00:00:00Z");
  const std::pair<const char*, std::time_t> forms[] = {{"2030-01-01", midnight},
                                                       {"2030-01-01T00:00Z", midnight},
                                                       {"2030-01-01T00:00:00Z", midnight},
                                                       {"2030-01-01T10:20:30.1234567Z", midnight + 37230}};
  for (const auto& [text, seconds] : forms) {
    auto parsed = parse_sas_time(text);
    BOOST_TEST_REQUIRE(parsed.has_value(), text);
    BOOST_TEST(Clock::to_time_t(std::chrono::floor<std::chrono::seconds>(*parsed)) == seconds, text);
  }
  auto fractional = parse_sas_time("2030-01-01T00:00:00.5Z");
  BOOST_TEST_REQUIRE(fractional.has_value());
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(*fractional - at(midnight)).count() == 500);
}

BOOST_DATA_TEST_CASE(sas_times_refuse_malformed_values,
                     data::make({"", "2030-1-01", "2030-01-01T00:00", "2030-01-01T00:00:00", "2030-02-30",
                                 "2030-01-01T00:00:00.12345678Z", "2030-01-01T00:00:00+01:00", "tomorrow",
                                 "2030-01-01T24:00:00Z"}),
                     text) {
  BOOST_TEST(!parse_sas_time(text).has_value(), text);
}

BOOST_AUTO_TEST_CASE(content_md5_is_base64_of_the_digest) {
  BOOST_TEST(content_md5("") == "1B2M2Y8AsgTpgAmY7PhCfg==");
  BOOST_TEST(content_md5("abc") == "kAFQmDzST7DWlj99KOF/cg==");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
