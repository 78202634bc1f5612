// Swapping an endpoint's trained model while it scores: 4 threads call the endpoint without
// pause while it is PATCHed 50 times between v1 and v2. No call fails, every answer comes wholly
// from one model, and the default endpoint keeps its model throughout.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "classic_host.hpp"

using azml::test::json;

namespace {

constexpr int kSwaps = 50;
constexpr int kScoringThreads = 4;
constexpr size_t kRows = 5;

}  // namespace

BOOST_AUTO_TEST_SUITE(endpoint_swap_tests)

BOOST_AUTO_TEST_CASE(patching_an_endpoint_fifty_times_under_load_fails_no_call_and_mixes_no_answer) {
  azml::test::ClassicHost host;
  BOOST_TEST_REQUIRE(host.put_service("RetrainSamplePre", "v1.ilearner").status == 201);
  BOOST_TEST_REQUIRE(host.put_service("RetrainSampleV2", "v2.ilearner").status == 201);
  const std::string id = host.web_service_id("RetrainSamplePre");
  const json request = azml::test::census_request(kRows);
  const auto answer_of = [&](const json& endpoint_json) {
    return host.score(endpoint_json.at("ApiLocation").get<std::string>(), endpoint_json.at("PrimaryKey").get<std::string>(),
                      request);
  };
  const json standard = host.endpoint(id, "default");
  const std::string v1 = answer_of(standard).body;
  const std::string v2 = answer_of(host.endpoint(host.web_service_id("RetrainSampleV2"), "default")).body;
  BOOST_TEST_REQUIRE(v1 != v2);
  const auto response = host.add_endpoint(id, "retrained1");
  BOOST_TEST_REQUIRE(response.status == 201, response.body);
  const json endpoint_json = response.json_body();
  const std::string key = endpoint_json.at("PrimaryKey").get<std::string>();

  std::atomic<bool> stop{false};
  std::atomic<int> calls{0}, v1_answers{0}, v2_answers{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> scorers;
  for (int t = 0; t < kScoringThreads; ++t) {
    scorers.emplace_back([&] {
      while (!stop.load()) {
        const auto scored = answer_of(endpoint_json);
        ++calls;
        if (scored.status == 200 && scored.body == v1) {
          ++v1_answers;
        } else if (scored.status == 200 && scored.body == v2) {
          ++v2_answers;
        } else {
          std::lock_guard<std::mutex> lock(failures_mutex);
          failures.push_back(std::to_string(scored.status) + " " + scored.body);
        }
      }
    });
  }

  for (int swap = 1; swap <= kSwaps; ++swap) {
    const bool to_v2 = swap % 2 == 1;
    const auto patched = host.patch_endpoint(
        id, "retrained1", azml::test::resource_patch(host.blob_base(), to_v2 ? "models/v2.ilearner" : "models/v1.ilearner"), key);
    BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
    BOOST_TEST(patched.json_body().at("Version") == std::to_string(swap + 1));
    // A call that starts after the PATCH answered is served by the new model.
    const auto after = answer_of(endpoint_json);
    BOOST_TEST(after.body == (to_v2 ? v2 : v1), "swap " << swap);
  }
  stop = true;
  for (auto& scorer : scorers) scorer.join();

  BOOST_TEST_MESSAGE(calls.load() << " calls during " << kSwaps << " swaps: " << v1_answers.load() << " from v1, "
                                  << v2_answers.load() << " from v2");
  BOOST_TEST(failures.empty(), failures.size() << " calls failed or mixed models; first: "
                                               << (failures.empty() ? std::string() : failures.front()));
  BOOST_TEST(calls.load() > 0);
  BOOST_TEST(v1_answers.load() + v2_answers.load() == calls.load());
  BOOST_TEST(answer_of(standard).body == v1);
}

BOOST_AUTO_TEST_SUITE_END()
