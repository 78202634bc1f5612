// --max-body-bytes: bodies over the limit are refused with 413 whether their length is declared
// (Content-Length) or not (chunked), and nothing is stored.
#include <boost/test/unit_test.hpp>

#include "support/running_host.hpp"

using azml::test::json;
using azml::test::RunningHost;
using azml::test::TestRequest;

namespace {

constexpr size_t kLimit = 4096;

struct LimitedHost {
  RunningHost host{AZML_HOST_EXECUTABLE, {"--max-body-bytes", std::to_string(kLimit)}};
  azml::test::TestClient& client = host.client();

  std::string state() {
    auto got = client.get(host.web_service_path("rg", "limited"));
    auto keys = client.get(host.web_service_path("rg", "limited/listKeys"));
    return std::to_string(got.status) + got.body + std::to_string(keys.status) + keys.body;
  }

  // A valid web service whose JSON text is exactly `size` bytes (padded in the description).
  static std::string body_of_size(size_t size, const std::string& title) {
    json service = azml::test::minimal_web_service(title);
    service["properties"]["description"] = "";
    const size_t base = service.dump().size();
    BOOST_REQUIRE(size >= base);
    service["properties"]["description"] = std::string(size - base, 'd');
    std::string text = service.dump();
    BOOST_REQUIRE(text.size() == size);
    return text;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(request_limits_tests, LimitedHost)

BOOST_AUTO_TEST_CASE(a_declared_length_over_the_limit_is_413_and_stores_nothing) {
  BOOST_TEST_REQUIRE(client.put(host.web_service_path("rg", "limited"), azml::test::minimal_web_service("v1")).status ==
                     201);
  const auto before = state();
  TestRequest request("PUT", host.web_service_path("rg", "limited"));
  request.body = body_of_size(kLimit + 1, "too big");
  auto response = client.send(request);
  BOOST_TEST(response.status == 413);
  BOOST_TEST(response.json_body()["error"]["code"] == "RequestEntityTooLarge");
  BOOST_TEST(response.json_body()["error"]["message"].get<std::string>().find(std::to_string(kLimit)) !=
             std::string::npos);
  BOOST_TEST(response.has_header("x-ms-request-id"));
  BOOST_TEST(state() == before);
  // The host keeps serving.
  BOOST_TEST(client.get("/subscriptions?api-version=2016-06-01").status == 200);
}

BOOST_AUTO_TEST_CASE(a_chunked_body_growing_over_the_limit_is_413_and_stores_nothing) {
  BOOST_TEST_REQUIRE(client.put(host.web_service_path("rg", "limited"), azml::test::minimal_web_service("v1")).status ==
                     201);
  const auto before = state();
  TestRequest request("PUT", host.web_service_path("rg", "limited"));
  request.body = body_of_size(4 * kLimit, "too big, chunked");
  request.chunked = true;
  auto response = client.send(request);
  BOOST_TEST(response.status == 413);
  BOOST_TEST(response.json_body()["error"]["code"] == "RequestEntityTooLarge");
  BOOST_TEST(state() == before);
  BOOST_TEST(client.get("/subscriptions?api-version=2016-06-01").status == 200);
}

BOOST_AUTO_TEST_CASE(bodies_up_to_the_limit_are_accepted_either_way) {
  TestRequest exact("PUT", host.web_service_path("rg", "limited"));
  exact.body = body_of_size(kLimit, "exactly at the limit");
  auto created = client.send(exact);
  BOOST_TEST(created.status == 201, created.body);

  TestRequest chunked("PUT", host.web_service_path("rg", "limited"));
  chunked.body = body_of_size(kLimit - 100, "chunked under the limit");
  chunked.chunked = true;
  auto replaced = client.send(chunked);
  BOOST_TEST(replaced.status == 200, replaced.body);
  BOOST_TEST(client.get(host.web_service_path("rg", "limited")).json_body()["properties"]["title"] ==
             "chunked under the limit");
}

BOOST_AUTO_TEST_SUITE_END()
