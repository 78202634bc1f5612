// The pipeline's access modes: Access::AdminOrKey lets the admin token or a key the route
// accepts (a classic endpoint's own key) through, and nothing else.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <vector>

#include "app/request_pipeline.hpp"
#include "common/json.hpp"

using azml::http::Request;
using azml::http::Response;
using azml::host::router::Access;
using azml::host::router::RouteRequest;

namespace {

const std::string kToken = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const std::string kKey = "the-endpoints-own-key";

struct AccessFixture {
  std::vector<std::string> checked;  // "{name}:{presented}" for every key check
  int handled = 0;
  std::unique_ptr<azml::host::app::RequestPipeline> pipeline;

  AccessFixture() {
    auto router = std::make_shared<azml::host::router::Router>();
    router->add({"GET", "/things/{name}", Access::AdminOrKey,
                 [this](const RouteRequest&) {
                   ++handled;
                   Response response;
                   response.status = 200;
                   return response;
                 },
                 [this](const RouteRequest& request, const std::string& presented) {
                   checked.push_back(request.param("name") + ":" + presented);
                   return request.param("name") == "mine" && presented == kKey;
                 }});
    pipeline = std::make_unique<azml::host::app::RequestPipeline>(
        router, std::make_shared<const azml::host::auth::AdminAuthenticator>(kToken));
  }

  Response get(const std::string& path, const std::optional<std::string>& authorization) {
    Request request;
    request.method = "GET";
    request.url = path;
    if (authorization) request.headers.set("Authorization", *authorization);
    return pipeline->handle(request);
  }

  static std::string code_of(const Response& response) {
    return azml::json::parse(response.body).at("error").at("code").get<std::string>();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(access_tests, AccessFixture)

BOOST_AUTO_TEST_CASE(the_admin_token_passes_without_a_key_lookup) {
  BOOST_TEST(get("/things/mine", "Bearer " + kToken).status == 200);
  BOOST_TEST(get("/things/other", "bearer  " + kToken).status == 200);
  BOOST_TEST(handled == 2);
  BOOST_TEST(checked.empty());
}

BOOST_AUTO_TEST_CASE(a_key_passes_where_the_route_accepts_it_only) {
  BOOST_TEST(get("/things/mine", "Bearer " + kKey).status == 200);
  const Response elsewhere = get("/things/other", "Bearer " + kKey);
  BOOST_TEST(elsewhere.status == 401);
  BOOST_TEST(code_of(elsewhere) == "InvalidAuthenticationToken");
  BOOST_TEST(elsewhere.headers.has("WWW-Authenticate"));
  BOOST_TEST(elsewhere.body.find(kKey) == std::string::npos);
  BOOST_TEST(handled == 1);
  BOOST_TEST((checked == std::vector<std::string>{"mine:" + kKey, "other:" + kKey}));
}

BOOST_AUTO_TEST_CASE(missing_or_malformed_credentials_are_refused_before_any_lookup) {
  for (const auto& authorization : std::vector<std::optional<std::string>>{std::nullopt, "", "Basic " + kKey, kKey}) {
    const Response refused = get("/things/mine", authorization);
    BOOST_TEST(refused.status == 401);
    BOOST_TEST(code_of(refused) == "AuthenticationFailed");
  }
  BOOST_TEST(checked.empty());
  BOOST_TEST(handled == 0);
}

BOOST_AUTO_TEST_CASE(a_route_that_takes_keys_must_say_how_to_check_them) {
  azml::host::router::Router router;
  BOOST_CHECK_THROW(router.add({"GET", "/x", Access::AdminOrKey, [](const RouteRequest&) { return Response(); }}),
                    azml::Error);
}

BOOST_AUTO_TEST_SUITE_END()
