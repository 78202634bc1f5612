// handlers/public_urls: absolute URLs built from the request's Host header.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "handlers/public_urls.hpp"

using azml::host::handlers::absolute_url;
using azml::host::handlers::encode_path;
using azml::host::handlers::public_base_url;

namespace {

struct HostCase {
  const char* host;  // nullptr: no Host header
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const HostCase& c) { return out << (c.host ? c.host : "(none)"); }

const HostCase kHosts[] = {
    {"127.0.0.1:8080", "https://127.0.0.1:8080"},
    {"localhost", "https://localhost"},
    {"[::1]:443", "https://[::1]:443"},
    {"azml.example.com:9443", "https://azml.example.com:9443"},
    {nullptr, "https://fallback:1"},
    {"", "https://fallback:1"},
    {"evil.com/path?x=", "https://fallback:1"},
    {"a b", "https://fallback:1"},
    {"user@host", "https://fallback:1"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(public_urls_tests)

BOOST_DATA_TEST_CASE(the_host_header_names_the_authority_when_it_is_plausible, boost::unit_test::data::make(kHosts),
                     host_case) {
  azml::http::Request request;
  if (host_case.host) request.headers.set("Host", host_case.host);
  BOOST_TEST(public_base_url(request, "https", "fallback:1") == host_case.expected);
}

BOOST_AUTO_TEST_CASE(paths_encode_each_segment) {
  BOOST_TEST(encode_path({}) == "/");
  BOOST_TEST(encode_path({"subscriptions", "a b", "x/y"}) == "/subscriptions/a%20b/x%2Fy");
}

BOOST_AUTO_TEST_CASE(absolute_urls_keep_the_skiptoken_readable) {
  azml::Query query;
  query.set("api-version", "2017-01-01");
  query.set("$skiptoken", "abc=");
  BOOST_TEST(absolute_url("http://h:1", {"subscriptions", "s"}, query) ==
             "http://h:1/subscriptions/s?api-version=2017-01-01&$skiptoken=abc%3D");
  BOOST_TEST(absolute_url("http://h:1", {"x"}, azml::Query()) == "http://h:1/x");
}

BOOST_AUTO_TEST_SUITE_END()
