// Swapping the trained model of a serving web service while it scores: no call fails, and every
// answer comes wholly from one model, the old or the new.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "scoring_support.hpp"

using azml::test::json;

namespace {

constexpr int kSwaps = 50;
constexpr int kScoringThreads = 4;
constexpr size_t kRowsPerCall = 5;

}  // namespace

BOOST_AUTO_TEST_SUITE(swap_tests)

BOOST_AUTO_TEST_CASE(swapping_the_model_fifty_times_under_load_fails_no_call_and_mixes_no_answer) {
  auto tree_server = azml::test::serve_bytes(azml::test::boosted_tree_model());
  auto logistic_server = azml::test::serve_bytes(azml::test::logistic_model());
  const std::string tree_uri = tree_server->base_url() + "/models/bdt.ilearner";
  const std::string logistic_uri = logistic_server->base_url() + "/models/logistic.ilearner";
  const json tree_values = azml::test::expected_values(azml::test::boosted_tree_model(), kRowsPerCall);
  const json logistic_values = azml::test::expected_values(azml::test::logistic_model(), kRowsPerCall);
  BOOST_TEST_REQUIRE(tree_values != logistic_values);
  for (size_t row = 0; row < kRowsPerCall; ++row) BOOST_TEST_REQUIRE(tree_values[row] != logistic_values[row]);

  azml::test::ScoringHost scoring;
  BOOST_TEST_REQUIRE(scoring.put_service("swapped", azml::test::predictive_service(tree_uri, 200)).status == 201);
  const std::string url = scoring.service_url("swapped");
  const json request = azml::test::table_request(kRowsPerCall);

  std::atomic<bool> stop{false};
  std::atomic<int> calls{0}, tree_answers{0}, logistic_answers{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> scorers;
  for (int t = 0; t < kScoringThreads; ++t) {
    scorers.emplace_back([&] {
      while (!stop.load()) {
        auto response = scoring.execute(url, request);
        ++calls;
        json values;
        if (response.status == 200) values = response.json_body()["Results"]["output1"]["value"]["Values"];
        if (values == tree_values) {
          ++tree_answers;
        } else if (values == logistic_values) {
          ++logistic_answers;
        } else {
          std::lock_guard<std::mutex> lock(failures_mutex);
          failures.push_back(std::to_string(response.status) + " " + response.body);
        }
      }
    });
  }

  for (int swap = 1; swap <= kSwaps; ++swap) {
    const bool to_logistic = swap % 2 == 1;
    auto patched = scoring.patch_service("swapped", azml::test::ScoringHost::model_patch(to_logistic ? logistic_uri : tree_uri));
    BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
    BOOST_TEST_REQUIRE(patched.json_body()["properties"]["provisioningState"] == "Succeeded", patched.body);
    // A call that starts after the update returned is served by the new model.
    auto after = scoring.execute(url, request);
    BOOST_TEST_REQUIRE(after.status == 200, after.body);
    BOOST_TEST(after.json_body()["Results"]["output1"]["value"]["Values"] == (to_logistic ? logistic_values : tree_values),
               "swap " << swap);
  }
  stop = true;
  for (auto& scorer : scorers) scorer.join();

  BOOST_TEST_MESSAGE(calls.load() << " calls during " << kSwaps << " swaps: " << tree_answers.load()
                                  << " from the tree, " << logistic_answers.load() << " from the logistic model");
  BOOST_TEST(failures.empty(), failures.size() << " calls failed or mixed models; first: "
                                               << (failures.empty() ? std::string() : failures.front()));
  BOOST_TEST(calls.load() > 0);
  BOOST_TEST(tree_answers.load() + logistic_answers.load() == calls.load());
}

BOOST_AUTO_TEST_SUITE_END()
