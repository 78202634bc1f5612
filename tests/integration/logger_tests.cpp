// app/logger: logfmt lines.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "app/logger.hpp"

using azml::host::app::Logger;
using azml::host::app::LogLevel;

namespace {

struct Quoting {
  const char* raw;
  const char* formatted;
};

std::ostream& operator<<(std::ostream& out, const Quoting& q) { return out << q.raw; }

const Quoting kQuoting[] = {
    {"plain", "plain"},
    {"/subscriptions/abc", "/subscriptions/abc"},
    {"", "\"\""},
    {"two words", "\"two words\""},
    {"a=b", "\"a=b\""},
    {"say \"hi\"", "\"say \\\"hi\\\"\""},
    {"back\\slash", "\"back\\\\slash\""},
    {"line\nbreak", "\"line\\nbreak\""},
    {"bell\a", "\"bell\\x07\""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(logger_tests)

BOOST_DATA_TEST_CASE(values_are_quoted_only_when_needed, boost::unit_test::data::make(kQuoting), quoting) {
  BOOST_TEST(Logger::format_value(quoting.raw) == quoting.formatted);
}

BOOST_AUTO_TEST_CASE(a_line_holds_time_level_event_and_fields) {
  std::ostringstream out;
  Logger logger(LogLevel::Info, out);
  logger.log(LogLevel::Info, "request", {{"method", "GET"}, {"status", "200"}, {"path", "/a b"}});
  const std::string line = out.str();
  BOOST_TEST(line.rfind("ts=", 0) == 0u);
  BOOST_TEST(line.find(" level=info event=request method=GET status=200 path=\"/a b\"\n") != std::string::npos);
  BOOST_TEST(std::count(line.begin(), line.end(), '\n') == 1);
}

BOOST_AUTO_TEST_CASE(levels_below_the_threshold_are_dropped) {
  std::ostringstream out;
  Logger logger(LogLevel::Warn, out);
  logger.log(LogLevel::Info, "hidden");
  logger.log(LogLevel::Debug, "hidden");
  logger.log(LogLevel::Warn, "shown");
  logger.log(LogLevel::Error, "shown");
  BOOST_TEST(out.str().find("hidden") == std::string::npos);
  BOOST_TEST(out.str().find("level=warn event=shown") != std::string::npos);
  BOOST_TEST(out.str().find("level=error event=shown") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(log_levels_parse_from_their_names) {
  BOOST_TEST((azml::host::app::parse_log_level("error") == LogLevel::Error));
  BOOST_TEST((azml::host::app::parse_log_level("WARN") == LogLevel::Warn));
  BOOST_TEST((azml::host::app::parse_log_level("info") == LogLevel::Info));
  BOOST_TEST((azml::host::app::parse_log_level("debug") == LogLevel::Debug));
  BOOST_TEST(!azml::host::app::parse_log_level("trace").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
