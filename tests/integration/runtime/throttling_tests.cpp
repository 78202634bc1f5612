// realtimeConfiguration.maxConcurrentCalls: calls beyond it are refused with 429 and an ARM
// error body, the others are served.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "runtime/web_service_runtime.hpp"
#include "scoring_support.hpp"
#include "support/raw_connection.hpp"

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
  // A scoring call keeps its thread busy, and the host adds no thread for a busy one (only for
  // one that waits): more server threads than the limit let more calls than it be in progress.
  azml::test::ScoringHost scoring({"--server-threads", "16"});
  auto created = scoring.put_service("limited", azml::test::predictive_service(model_server->base_url() + "/m.ilearner", 4));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const std::string url = scoring.service_url("limited");
  const std::string& endpoint = scoring.host().info().endpoint;  // "http://127.0.0.1:PORT"
  BOOST_TEST_REQUIRE(url.rfind(endpoint, 0) == 0u, url);
  const auto port = static_cast<std::uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1)));
  // Large calls, written whole on connections opened beforehand and all at once, so that they
  // reach the host together and many of them are in it at once.
  const std::string body = azml::test::table_request(1000).dump();
  const std::string call = "POST " + url.substr(endpoint.size()) + "/execute?api-version=2.0 HTTP/1.1\r\nHost: x\r\n" +
                           "Authorization: Bearer " + azml::test::kPrimaryKey +
                           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                           "\r\n\r\n" + body;
  const json expected = azml::test::expected_values(azml::test::boosted_tree_model(), 1000);

  constexpr int kClients = 24;
  constexpr int kMaxRounds = 20;  // rounds until one call was refused; each round overlaps many calls
  std::atomic<int> served{0}, throttled{0};
  std::mutex problems_mutex;
  std::vector<std::string> problems;
  for (int round = 0; round < kMaxRounds && throttled.load() == 0; ++round) {
    std::vector<std::unique_ptr<azml::test::RawConnection>> connections;
    for (int c = 0; c < kClients; ++c) connections.push_back(std::make_unique<azml::test::RawConnection>(port));
    std::promise<void> start;
    const std::shared_future<void> started = start.get_future().share();
    std::vector<std::thread> clients;
    for (auto& connection : connections) {
      clients.emplace_back([&, started, client = connection.get()] {
        std::string problem;
        try {
          started.wait();
          client->send(call);
          const auto response = client->read_response();
          const json answer = json::parse(response.body, nullptr, false);
          if (response.status() == 200 && !answer.is_discarded() &&
              answer["Results"]["output1"]["value"]["Values"] == expected) {
            ++served;
            return;
          }
          if (response.status() == 429 && !answer.is_discarded()) {
            const json error = answer["error"];
            const auto retry_after = response.headers.find("retry-after");
            if (error["code"] == "TooManyRequests" && retry_after != response.headers.end() &&
                retry_after->second == "1" &&
                error["message"].get<std::string>().find("maximum of 4 concurrent calls") != std::string::npos) {
              ++throttled;
              return;
            }
          }
          problem = std::to_string(response.status()) + " " + response.body.substr(0, 300);
        } catch (const std::exception& error) {
          problem = error.what();
        }
        std::lock_guard<std::mutex> lock(problems_mutex);
        problems.push_back(problem);
      });
    }
    start.set_value();
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
