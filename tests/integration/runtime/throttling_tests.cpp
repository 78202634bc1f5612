// realtimeConfiguration.maxConcurrentCalls: calls beyond it are refused with 429 and an ARM
// error body, the others are served.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "runtime/web_service_runtime.hpp"
#include "scoring_support.hpp"

using azml::test::json;

BOOST_AUTO_TEST_SUITE(throttling_tests)

BOOST_AUTO_TEST_CASE(a_slot_admits_as_many_calls_as_the_service_allows) {
  azml::host::runtime::ServiceSlot slot;
  azml::host::runtime::ServingState state;
  state.key.name = "limited";
  state.max_concurrent_calls = 4;
  std::vector<std::unique_ptr<azml::host::runtime::ConcurrentCall>> running;
  for (int call = 0; call < 4; ++call) running.push_back(std::make_unique<azml::host::runtime::ConcurrentCall>(slot, state));
  try {
    azml::host::runtime::ConcurrentCall fifth(slot, state);
    BOOST_FAIL("a fifth concurrent call was admitted");
  } catch (const azml::Error& error) {
    BOOST_TEST(static_cast<int>(error.code()) == static_cast<int>(azml::ErrorCode::Throttled));
    BOOST_TEST(std::string(error.what()).find("maximum of 4 concurrent calls") != std::string::npos, error.what());
  }
  BOOST_TEST(slot.calls_in_flight.load() == 4);
  running.pop_back();
  BOOST_CHECK_NO_THROW(azml::host::runtime::ConcurrentCall again(slot, state));
  running.clear();
  BOOST_TEST(slot.calls_in_flight.load() == 0);
}

BOOST_AUTO_TEST_CASE(calls_beyond_max_concurrent_calls_get_429_and_the_rest_are_served) {
  auto model_server = azml::test::serve_bytes(azml::test::boosted_tree_model());
  azml::test::ScoringHost scoring;
  auto created = scoring.put_service("limited", azml::test::predictive_service(model_server->base_url() + "/m.ilearner", 4));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const std::string url = scoring.service_url("limited");
  // Large calls, so that many of them are in the host at once.
  const json request = azml::test::table_request(1000);
  const json expected = azml::test::expected_values(azml::test::boosted_tree_model(), 1000);

  constexpr int kClients = 24;
  constexpr int kMaxRounds = 20;  // rounds until one call was refused; each round overlaps many calls
  std::atomic<int> served{0}, throttled{0};
  std::mutex problems_mutex;
  std::vector<std::string> problems;
  for (int round = 0; round < kMaxRounds && throttled.load() == 0; ++round) {
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&] {
        auto response = scoring.execute(url, request);
        if (response.status == 200 && response.json_body()["Results"]["output1"]["value"]["Values"] == expected) {
          ++served;
          return;
        }
        if (response.status == 429) {
          const json error = response.json_body()["error"];
          if (error["code"] == "TooManyRequests" && response.header("retry-after") == std::string("1") &&
              error["message"].get<std::string>().find("maximum of 4 concurrent calls") != std::string::npos) {
            ++throttled;
            return;
          }
        }
        std::lock_guard<std::mutex> lock(problems_mutex);
        problems.push_back(std::to_string(response.status) + " " + response.body.substr(0, 300));
      });
    }
    for (auto& client : clients) client.join();
  }
  BOOST_TEST_MESSAGE(served.load() << " calls served, " << throttled.load() << " refused with 429");
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));
  BOOST_TEST(throttled.load() > 0);
  BOOST_TEST(served.load() > 0);
  // Refusals hold nothing: the service serves again at once.
  BOOST_TEST(scoring.execute(url, azml::test::table_request(1)).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
