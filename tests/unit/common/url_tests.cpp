// common/url.hpp
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "common/error.hpp"
#include "common/url.hpp"

namespace azml {
namespace {

BOOST_AUTO_TEST_SUITE(url_tests)

BOOST_AUTO_TEST_CASE(parse_target_decodes_path_segments_and_query) {
  const Target t = parse_target(
      "/subscriptions/s1/resourceGroups/my%20group/providers/Microsoft.MachineLearning/webServices/ws%2F1"
      "?api-version=2017-01-01&$skiptoken=a%2Bb+c");
  BOOST_TEST(t.path == "/subscriptions/s1/resourceGroups/my group/providers/Microsoft.MachineLearning/webServices/ws/1");
  const std::vector<std::string> segments = {"subscriptions", "s1", "resourceGroups", "my group", "providers",
                                             "Microsoft.MachineLearning", "webServices", "ws/1"};
  BOOST_TEST(t.segments == segments);
  BOOST_TEST(t.query.get("api-version").value() == "2017-01-01");
  BOOST_TEST(t.query.get("API-VERSION").value() == "2017-01-01");  // ARM ignores the case of names
  BOOST_TEST(t.query.get("$skiptoken").value() == "a+b c");
  BOOST_TEST(!t.query.get("region").has_value());
}

BOOST_AUTO_TEST_CASE(parse_target_without_query_and_with_empty_segments) {
  const Target t = parse_target("//subscriptions//x/");
  BOOST_TEST(t.segments == (std::vector<std::string>{"subscriptions", "x"}));
  BOOST_TEST(t.query.items().empty());
  BOOST_TEST(parse_target("/").segments.empty());
}

BOOST_AUTO_TEST_CASE(parse_target_refuses_a_malformed_escape) {
  BOOST_CHECK_THROW(parse_target("/subscriptions/%zz"), Error);
  BOOST_CHECK_THROW(parse_target("/a?x=%4"), Error);
}

BOOST_AUTO_TEST_CASE(query_parse_set_and_to_string) {
  Query q = Query::parse("a=1&flag&&b=x%20y");
  BOOST_TEST(q.items().size() == 3u);
  BOOST_TEST(q.get("flag").value() == "");
  BOOST_TEST(q.get("b").value() == "x y");
  q.set("A", "2");  // replaces "a", case-insensitively
  q.set("$skiptoken", "next page");
  BOOST_TEST(q.get("a").value() == "2");
  BOOST_TEST(q.items().size() == 4u);
  BOOST_TEST(q.to_string() == "a=2&flag=&b=x%20y&$skiptoken=next%20page");
  BOOST_TEST(Query::parse("").items().empty());
  BOOST_TEST(Query::parse(q.to_string()).get("$skiptoken").value() == "next page");
}

BOOST_AUTO_TEST_CASE(parse_url_splits_scheme_authority_and_path) {
  Url u = parse_url("https://management.azure.com/subscriptions/s?api-version=2017-01-01");
  BOOST_TEST(u.scheme == "https");
  BOOST_TEST(u.authority == "management.azure.com");
  BOOST_TEST(u.path_and_query == "/subscriptions/s?api-version=2017-01-01");

  u = parse_url("HTTP://127.0.0.1:8080");
  BOOST_TEST(u.scheme == "http");
  BOOST_TEST(u.authority == "127.0.0.1:8080");
  BOOST_TEST(u.path_and_query == "/");

  u = parse_url("http://host?x=1");
  BOOST_TEST(u.authority == "host");
  BOOST_TEST(u.path_and_query == "/?x=1");
}

struct BadUrl {
  const char* url;
};
std::ostream& operator<<(std::ostream& os, const BadUrl& b) { return os << '"' << b.url << '"'; }

const std::vector<BadUrl> bad_urls = {{"ftp://host/x"}, {"management.azure.com/x"}, {"http:///path"}, {""}, {"https://"}};

BOOST_DATA_TEST_CASE(parse_url_refuses_what_is_not_an_http_url, boost::unit_test::data::make(bad_urls), b) {
  try {
    parse_url(b.url);
    BOOST_FAIL("accepted");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml
