// Jobs that do not run to their end: cancelled before they start, cancelled mid-training (the
// worker stops between boosting rounds and writes nothing), and running when the host died
// (Failed with the reason after the restart, never stuck Running). Also result tokens that
// expire, and a fresh one from a new status read.
#include <csignal>
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "job_test_support.hpp"
#include "jobs/batch_jobs.hpp"

namespace azml::test {

namespace {

// A training service slow enough to be caught running: the shipped graph with 5000 trees, on
// generated_training_csv(20000).
json slow_training_service() {
  return edited_training_service([](json& properties) {
    auto& learner = properties["package"]["nodes"]["node3"]["parameters"];
    learner["Number of trees constructed"] = {{"value", "5000"}};
    learner["Maximum number of leaves per tree"] = {{"value", "64"}};
    properties["package"]["nodes"]["node4"]["parameters"]["Label column"] = {{"value", "label"}};
    properties.erase("input");  // the generated data has its own columns
  });
}

json request_for(JobHost& host, const std::string& input_blob, const std::string& prefix) {
  return json{{"Inputs", {{"input1", host.reference(kDataContainer, input_blob)}}},
              {"Outputs",
               {{"output1", host.reference(kDataContainer, prefix + "/model.ilearner")},
                {"output2", host.reference(kDataContainer, prefix + "/evaluation.csv")}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(job_interruption_tests)

BOOST_AUTO_TEST_CASE(a_job_cancelled_before_it_starts_cannot_be_started) {
  JobHost host;
  const std::string api = host.deploy("cancelbefore", training_service());
  host.upload(kDataContainer, "data.csv", breast_cancer_csv());
  const std::string id = host.submit(api, request_for(host, "data.csv", "never"));
  host.cancel(api, id);
  json cancelled = host.status(api, id);
  BOOST_TEST(cancelled["StatusCode"] == "Cancelled");
  BOOST_TEST(cancelled["Details"].get<std::string>().find("before it started") != std::string::npos);
  TestResponse start = host.bes("POST", api, "/jobs/" + id + "/start");
  BOOST_TEST(start.status == 409);
  BOOST_TEST(start.json_body()["error"]["code"] == "JobCancelled");
}

BOOST_AUTO_TEST_CASE(a_running_job_is_cancelled_mid_training_and_frees_its_worker) {
  JobHost host({"--job-workers", "1"});
  const std::string slow_api = host.deploy("slowtraining", slow_training_service());
  const std::string api = host.deploy("quicktraining", training_service());
  host.upload(kDataContainer, "big.csv", generated_training_csv(20000));
  host.upload(kDataContainer, "data.csv", breast_cancer_csv());

  const std::string slow = host.submit(slow_api, request_for(host, "big.csv", "cancelled"));
  host.start(slow_api, slow);
  host.wait_for_log("job_training", slow);  // its first boosting round is done
  BOOST_TEST(host.status(slow_api, slow)["StatusCode"] == "Running");

  host.cancel(slow_api, slow);
  json cancelled = host.status(slow_api, slow);
  BOOST_TEST(cancelled["StatusCode"] == "Cancelled");
  BOOST_TEST(cancelled["Details"].get<std::string>().find("while it was running") != std::string::npos);
  BOOST_TEST(cancelled["EndTime"].is_string());

  // The only worker comes back: a job started after the cancel runs to its end (5000 trees on
  // 20000 rows would hold the worker far longer than this job takes).
  const std::string quick = host.submit(api, request_for(host, "data.csv", "after-cancel"));
  host.start(api, quick);
  host.wait_for_log("job_cancelled", slow);
  BOOST_TEST(host.wait_until_ended(api, quick)["StatusCode"] == "Finished");
  // The worker stopped inside Train Model, between two boosting rounds.
  const std::string log = host.process().stderr_text();
  const std::string cancelled_line = log.substr(log.find("event=job_cancelled job_id=" + slow));
  BOOST_TEST(cancelled_line.substr(0, cancelled_line.find('\n')).find("(Train Model): the run was cancelled") !=
             std::string::npos);

  // The cancelled job wrote nothing and stays cancelled.
  BOOST_TEST(host.blobs().list_blobs(kDataContainer, "cancelled/").empty());
  BOOST_TEST(host.status(slow_api, slow)["StatusCode"] == "Cancelled");
}

BOOST_AUTO_TEST_CASE(a_job_running_when_the_host_dies_is_failed_with_the_reason_after_restart) {
  TempDir dir("azml-jobs-restart");
  std::string api_path;  // the restarted host listens on another port
  std::string running;
  std::string queued;
  {
    JobHost host(dir.path() / "data", {"--job-workers", "1"}, dir.path() / "logs-1");
    const std::string api = host.deploy("slowtraining", slow_training_service());
    api_path = api.substr(host.info().endpoint.size());
    host.upload(kDataContainer, "big.csv", generated_training_csv(20000));
    running = host.submit(api, request_for(host, "big.csv", "interrupted"));
    queued = host.submit(api, request_for(host, "big.csv", "interrupted-queued"));
    host.start(api, running);
    host.start(api, queued);  // waits for the only worker
    host.wait_for_log("job_started", running);
    host.process().stop(SIGKILL);
  }
  JobHost restarted(dir.path() / "data", {}, dir.path() / "logs-2");
  const std::string api = restarted.info().endpoint + api_path;
  for (const auto& id : {running, queued}) {
    json status = restarted.status(api, id);
    BOOST_TEST_INFO(status.dump());
    BOOST_TEST(status["StatusCode"] == "Failed");
    BOOST_TEST(status["Details"] == host::jobs::kInterruptedDetails);
    BOOST_TEST(status["EndTime"].is_string());
  }
  BOOST_TEST(restarted.process().stderr_text().find("event=jobs_interrupted") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_job_running_at_a_clean_stop_is_failed_at_the_next_start_too) {
  TempDir dir("azml-jobs-stop");
  std::string api_path;
  std::string id;
  {
    JobHost host(dir.path() / "data", {}, dir.path() / "logs-1");
    const std::string api = host.deploy("slowtraining", slow_training_service());
    api_path = api.substr(host.info().endpoint.size());
    host.upload(kDataContainer, "big.csv", generated_training_csv(20000));
    id = host.submit(api, request_for(host, "big.csv", "stopped"));
    host.start(api, id);
    host.wait_for_log("job_started", id);
    BOOST_TEST(host.process().stop(SIGTERM) == 0);  // the job does not hold the stop up
  }
  JobHost restarted(dir.path() / "data", {}, dir.path() / "logs-2");
  json status = restarted.status(restarted.info().endpoint + api_path, id);
  BOOST_TEST(status["StatusCode"] == "Failed");
  BOOST_TEST(status["Details"] == host::jobs::kInterruptedDetails);
}

BOOST_AUTO_TEST_CASE(an_expired_result_token_is_refused_and_a_new_status_read_brings_a_working_one) {
  JobHost host({"--job-result-sas-seconds", "2"});
  const std::string api = host.deploy("expiring", training_service());
  host.upload(kDataContainer, "data.csv", breast_cancer_csv());
  const std::string id = host.submit(api, request_for(host, "data.csv", "expiring"));
  host.start(api, id);
  json first = host.wait_until_ended(api, id);
  BOOST_TEST_REQUIRE(first["StatusCode"] == "Finished");
  const std::string old_url = result_url(first["Results"]["output1"]);

  // Wait (without measuring anything) until the token's expiry, whole seconds in UTC, is past.
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  auto [expired_status, expired_body] = get_url(old_url);
  BOOST_TEST_INFO(expired_body);
  BOOST_TEST(expired_status == 403);

  json second = host.status(api, id);
  BOOST_TEST(get_url(result_url(second["Results"]["output1"])).first == 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::test
