// router/: ARM path patterns, case-insensitive literals, 404 and 405.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "common/error.hpp"
#include "common/url.hpp"
#include "router/router.hpp"

using azml::host::router::Access;
using azml::host::router::Route;
using azml::host::router::RouteMatch;
using azml::host::router::Router;

namespace {

constexpr const char* kServicePattern =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearning/"
    "webServices/{webServiceName}";

azml::http::Response tagged(int tag) {
  azml::http::Response response;
  response.status = tag;
  return response;
}

Route route(const char* method, std::string pattern, int tag) {
  return Route{method, std::move(pattern), Access::Admin,
               [tag](const azml::host::router::RouteRequest&) { return tagged(tag); }};
}

Router sample_router() {
  Router router;
  router.add(route("GET", kServicePattern, 1));
  router.add(route("PUT", kServicePattern, 2));
  router.add(route("GET", std::string(kServicePattern) + "/listKeys", 3));
  router.add(route("GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                          "Microsoft.MachineLearning/webServices",
                   4));
  router.add(route("GET", "/subscriptions", 5));
  router.add(route("GET", "/things/special", 6));
  router.add(route("DELETE", "/things/{id}", 7));
  return router;
}

RouteMatch match(const Router& router, const std::string& method, const std::string& target) {
  return router.match(method, azml::parse_target(target).segments);
}

int tag_of(const RouteMatch& m) {
  BOOST_REQUIRE(m.outcome == RouteMatch::Outcome::Found);
  azml::http::Request request;
  azml::Target target;
  return m.route->handler({request, target, m.params, ""}).status;
}

struct Lookup {
  const char* method;
  const char* target;
  int expected_tag;  // 0: expect 404, -1: expect 405
};

std::ostream& operator<<(std::ostream& out, const Lookup& l) { return out << l.method << " " << l.target; }

const Lookup kLookups[] = {
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws", 1},
    {"PUT", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws", 2},
    // ARM compares literal segments case-insensitively; the recordings use "resourcegroups" too.
    {"GET", "/SUBSCRIPTIONS/s1/resourcegroups/rg/PROVIDERS/microsoft.machinelearning/WEBSERVICES/ws", 1},
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws/listKeys", 3},
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws/LISTKEYS", 3},
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices", 4},
    {"GET", "/subscriptions", 5},
    {"GET", "/subscriptions/", 5},
    {"GET", "/things/special", 6},
    {"DELETE", "/things/special", 7},
    {"PATCH", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws", -1},
    {"POST", "/subscriptions", -1},
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Other/webServices/ws", 0},
    {"GET", "/", 0},
    {"GET", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws/extra/x", 0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(router_tests)

BOOST_DATA_TEST_CASE(routes_resolve_by_method_and_pattern, boost::unit_test::data::make(kLookups), lookup) {
  Router router = sample_router();
  RouteMatch m = match(router, lookup.method, lookup.target);
  if (lookup.expected_tag > 0) {
    BOOST_TEST(tag_of(m) == lookup.expected_tag);
  } else if (lookup.expected_tag == 0) {
    BOOST_TEST((m.outcome == RouteMatch::Outcome::NotFound));
  } else {
    BOOST_TEST((m.outcome == RouteMatch::Outcome::MethodNotAllowed));
    BOOST_TEST(!m.allowed.empty());
  }
}

BOOST_AUTO_TEST_CASE(parameters_are_captured_decoded_and_case_preserved) {
  Router router = sample_router();
  RouteMatch m = match(router, "GET",
                       "/subscriptions/SuB-1/resourceGroups/My%20Group/providers/Microsoft.MachineLearning/"
                       "webServices/Svc.1");
  BOOST_REQUIRE(m.outcome == RouteMatch::Outcome::Found);
  BOOST_TEST(m.params.at("subscriptionId") == "SuB-1");
  BOOST_TEST(m.params.at("resourceGroupName") == "My Group");
  BOOST_TEST(m.params.at("webServiceName") == "Svc.1");
}

BOOST_AUTO_TEST_CASE(method_not_allowed_lists_every_method_of_the_path) {
  Router router = sample_router();
  RouteMatch m = match(router, "DELETE",
                       "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/ws");
  BOOST_REQUIRE(m.outcome == RouteMatch::Outcome::MethodNotAllowed);
  BOOST_TEST(m.allowed.size() == 2u);
  BOOST_TEST((m.allowed[0] == "GET" || m.allowed[1] == "GET"));
  BOOST_TEST((m.allowed[0] == "PUT" || m.allowed[1] == "PUT"));
}

BOOST_AUTO_TEST_CASE(a_literal_segment_wins_over_a_parameter) {
  Router router = sample_router();
  // "/things/special" has GET, "/things/{id}" DELETE: each method finds its own pattern.
  RouteMatch other = match(router, "GET", "/things/other");
  BOOST_REQUIRE(other.outcome == RouteMatch::Outcome::MethodNotAllowed);
  BOOST_TEST(other.allowed.size() == 1u);
  BOOST_TEST(other.allowed[0] == "DELETE");
  BOOST_TEST(tag_of(match(router, "GET", "/things/special")) == 6);
  BOOST_TEST(tag_of(match(router, "DELETE", "/things/special")) == 7);
}

BOOST_AUTO_TEST_CASE(malformed_or_duplicate_routes_are_refused) {
  Router router = sample_router();
  BOOST_CHECK_THROW(router.add(route("GET", kServicePattern, 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(route("GET", "/subscriptions/{id}/x/{Other}/../{", 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(route("GET", "no-leading-slash", 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(route("GET", "/a//b", 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(route("GET", "/a/x{id}", 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(route("get", "/lower/case/method", 9)), azml::Error);
  BOOST_CHECK_THROW(router.add(Route{"GET", "/no/handler", Access::Admin, nullptr}), azml::Error);
  // Same shape with another parameter name is the same route.
  BOOST_CHECK_THROW(router.add(route("DELETE", "/things/{other}", 9)), azml::Error);
}

BOOST_AUTO_TEST_CASE(a_rest_segment_captures_the_remaining_segments_joined) {
  Router router;
  router.add(route("GET", "/blob/{account}/{container}", 1));
  router.add(route("GET", "/blob/{account}/{container}/{blob*}", 2));
  router.add(route("GET", "/blob/{account}/special/{blob*}", 3));
  RouteMatch one = match(router, "GET", "/blob/a/c/x.csv");
  BOOST_TEST(tag_of(one) == 2);
  BOOST_TEST(one.params["blob"] == "x.csv");
  RouteMatch deep = match(router, "GET", "/blob/a/c/dir/sub%20dir/x.csv");
  BOOST_TEST(tag_of(deep) == 2);
  BOOST_TEST(deep.params["blob"] == "dir/sub dir/x.csv");
  BOOST_TEST(tag_of(match(router, "GET", "/blob/a/c")) == 1);  // the rest needs at least one segment
  BOOST_TEST(tag_of(match(router, "GET", "/blob/a/special/x")) == 3);  // a literal still wins
  BOOST_TEST((match(router, "PUT", "/blob/a/c/x").outcome == RouteMatch::Outcome::MethodNotAllowed));
  BOOST_CHECK_THROW(router.add(route("GET", "/x/{rest*}/y", 9)), azml::Error);  // only last
  BOOST_CHECK_THROW(router.add(route("GET", "/x/{*}", 9)), azml::Error);        // needs a name
  BOOST_CHECK_THROW(router.add(route("GET", "/blob/{a}/{c}/{other*}", 9)), azml::Error);  // same shape
}

BOOST_AUTO_TEST_CASE(asking_for_an_unknown_parameter_is_a_programming_error) {
  azml::http::Request request;
  azml::Target target;
  azml::host::router::RouteRequest route_request{request, target, {{"a", "1"}}, ""};
  BOOST_TEST(route_request.param("a") == "1");
  BOOST_CHECK_THROW(route_request.param("b"), azml::Error);
}

BOOST_AUTO_TEST_SUITE_END()
