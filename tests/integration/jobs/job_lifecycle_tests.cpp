// A retraining job from submission to results, against the real host: the statuses it passes
// through, its outputs (an .ilearner the engine loads, Evaluate Model's metrics as CSV), the
// request forms BES accepts and both URL shapes.
#include <boost/test/unit_test.hpp>

#include "engine/csv.hpp"
#include "engine/ilearner.hpp"
#include "job_test_support.hpp"

namespace azml::test {

namespace {

// One host and one retraining service for the whole suite: the tests submit their own jobs and
// name their own blobs, so they do not disturb each other.
struct SharedTrainingHost {
  JobHost host;
  std::string api;
  SharedTrainingHost() {
    api = host.deploy("breastcancertraining", training_service());
    host.upload(kDataContainer, "breast_cancer.csv", breast_cancer_csv());
  }
};

SharedTrainingHost& shared() {
  static SharedTrainingHost instance;
  return instance;
}

json standard_request(const std::string& prefix) {
  JobHost& host = shared().host;
  return json{{"Inputs", {{"input1", host.reference(kDataContainer, "breast_cancer.csv")}}},
              {"Outputs",
               {{"output1", host.reference(kDataContainer, prefix + "/model.ilearner")},
                {"output2", host.reference(kDataContainer, prefix + "/evaluation.csv")}}},
              {"GlobalParameters", json::object()}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(job_lifecycle_tests)

BOOST_AUTO_TEST_CASE(a_retraining_job_finishes_with_a_model_and_its_evaluation) {
  JobHost& host = shared().host;
  const std::string& api = shared().api;
  const std::string id = host.submit(api, standard_request("finished"));
  BOOST_TEST(id.size() == 32u);

  json submitted = host.status(api, id);
  BOOST_TEST(submitted["StatusCode"] == "NotStarted");
  BOOST_TEST(submitted["Results"].is_null());
  BOOST_TEST(submitted["StartTime"].is_null());

  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_INFO(ended.dump());
  BOOST_TEST(ended["StatusCode"] == "Finished");
  BOOST_TEST(ended["Details"].is_null());
  BOOST_TEST(ended["StartTime"].is_string());
  BOOST_TEST(ended["EndTime"].is_string());

  const json& model = ended["Results"]["output1"];
  BOOST_TEST(model["BaseLocation"] == host.info().endpoint + "/blob/azmlstore/");
  BOOST_TEST(model["RelativeLocation"] == std::string(kDataContainer) + "/finished/model.ilearner");
  BOOST_TEST(model["SasBlobToken"].get<std::string>().rfind("?", 0) == 0u);
  BOOST_TEST(!model.contains("ConnectionString"));  // the account key never comes back

  // The result URLs work without any other credential, as Azure's did.
  auto [model_status, model_bytes] = get_url(result_url(model));
  BOOST_TEST(model_status == 200);
  auto trained = engine::read_ilearner(model_bytes);
  BOOST_TEST(trained->header().learner == "Two-Class Boosted Decision Tree");
  BOOST_TEST(trained->header().boosting_rounds == 50);
  BOOST_TEST(trained->header().label.name == "diagnosis");

  auto [evaluation_status, evaluation_text] = get_url(result_url(ended["Results"]["output2"]));
  BOOST_TEST(evaluation_status == 200);
  engine::Table metrics = engine::read_csv(evaluation_text);
  BOOST_TEST(metrics.row_count() == 1u);
  BOOST_TEST(metrics.column("AUC").number(0) > 0.95);
  BOOST_TEST(metrics.column("Accuracy").number(0) > 0.9);
  BOOST_TEST(metrics.find("F1 Score").has_value());
}

BOOST_AUTO_TEST_CASE(global_parameters_reach_the_graph) {
  JobHost& host = shared().host;
  json request = standard_request("five-trees");
  request["GlobalParameters"] = {{"Number of trees", "5"}};
  const std::string id = host.submit(shared().api, request);
  host.start(shared().api, id);
  json ended = host.wait_until_ended(shared().api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished", ended.dump());
  auto model = engine::read_ilearner(get_url(result_url(ended["Results"]["output1"])).second);
  BOOST_TEST(model->header().boosting_rounds == 5);
}

BOOST_AUTO_TEST_CASE(the_older_single_input_form_feeds_the_only_input) {
  JobHost& host = shared().host;
  json request = standard_request("single-input");
  request["Input"] = request["Inputs"]["input1"];
  request.erase("Inputs");
  const std::string id = host.submit(shared().api, request);
  host.start(shared().api, id);
  BOOST_TEST(host.wait_until_ended(shared().api, id)["StatusCode"] == "Finished");
}

BOOST_AUTO_TEST_CASE(outputs_not_given_go_beside_the_input) {
  JobHost& host = shared().host;
  json request = standard_request("unused");
  request.erase("Outputs");
  const std::string id = host.submit(shared().api, request);
  host.start(shared().api, id);
  json ended = host.wait_until_ended(shared().api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished", ended.dump());
  BOOST_TEST(ended["Results"]["output1"]["RelativeLocation"] == std::string(kDataContainer) + "/" + id + "/output1.ilearner");
  BOOST_TEST(ended["Results"]["output2"]["RelativeLocation"] == std::string(kDataContainer) + "/" + id + "/output2.csv");
  BOOST_TEST(get_url(result_url(ended["Results"]["output2"])).first == 200);
}

BOOST_AUTO_TEST_CASE(every_status_read_signs_the_results_afresh) {
  JobHost& host = shared().host;
  const std::string id = host.submit(shared().api, standard_request("signed"));
  host.start(shared().api, id);
  json first = host.wait_until_ended(shared().api, id);
  BOOST_TEST_REQUIRE(first["StatusCode"] == "Finished");
  json second = host.status(shared().api, id);
  // Same place, a token of its own that opens it.
  BOOST_TEST(second["Results"]["output1"]["RelativeLocation"] == first["Results"]["output1"]["RelativeLocation"]);
  BOOST_TEST(get_url(result_url(second["Results"]["output1"])).first == 200);
  // A token opens its own blob only.
  json crossed = second["Results"]["output1"];
  crossed["SasBlobToken"] = second["Results"]["output2"]["SasBlobToken"];
  BOOST_TEST(get_url(result_url(crossed)).first == 403);
}

BOOST_AUTO_TEST_CASE(both_url_shapes_and_both_keys_reach_the_jobs) {
  JobHost& host = shared().host;
  const std::string id = host.submit(shared().api, standard_request("shapes"));
  // .../subscriptions/{ws}/services/{id} (the swaggerLocation's) and .../workspaces/{ws}/services/{id}.
  std::string workspaces = shared().api;
  workspaces.replace(workspaces.find("/subscriptions/"), 15, "/workspaces/");
  TestResponse by_workspace = host.bes("GET", workspaces, "/jobs/" + id, std::nullopt, kTrainingSecondaryKey);
  BOOST_TEST(by_workspace.status == 200);
  BOOST_TEST(by_workspace.json_body()["StatusCode"] == "NotStarted");
}

BOOST_AUTO_TEST_CASE(the_job_list_holds_the_services_jobs_oldest_first) {
  JobHost& host = shared().host;
  const std::string first = host.submit(shared().api, standard_request("listed-1"));
  const std::string second = host.submit(shared().api, standard_request("listed-2"));
  TestResponse listed = host.bes("GET", shared().api, "/jobs");
  BOOST_TEST_REQUIRE(listed.status == 200);
  json jobs = listed.json_body();
  BOOST_TEST_REQUIRE(jobs.is_array());
  std::vector<std::string> ids;
  for (const auto& job : jobs) ids.push_back(job["Id"].get<std::string>());
  auto at_first = std::find(ids.begin(), ids.end(), first);
  auto at_second = std::find(ids.begin(), ids.end(), second);
  BOOST_TEST_REQUIRE((at_first != ids.end() && at_second != ids.end()));
  BOOST_TEST((at_first < at_second));
  BOOST_TEST(jobs.back()["StatusCode"] == "NotStarted");
}

BOOST_AUTO_TEST_CASE(starting_twice_is_harmless_and_cancelling_an_ended_job_changes_nothing) {
  JobHost& host = shared().host;
  const std::string id = host.submit(shared().api, standard_request("twice"));
  host.start(shared().api, id);
  host.start(shared().api, id);
  json ended = host.wait_until_ended(shared().api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished");
  host.cancel(shared().api, id);
  BOOST_TEST(host.status(shared().api, id)["StatusCode"] == "Finished");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::test
