// A batch job whose input and outputs live in Azurite, Microsoft's Azure Storage emulator: the
// host reads the training data from it and writes the .ilearner and the evaluation results to it
// through libazml's BlobClient, and the result locations it hands back open them there. Azurite
// checks every signature, so a signing mistake on azml's side cannot hide.
#define BOOST_TEST_MODULE host_jobs_azurite_tests
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "support/azurite_process.hpp"
#include "client/cpprest_transport.hpp"
#include "common/error.hpp"
#include "engine/csv.hpp"
#include "engine/ilearner.hpp"
#include "job_test_support.hpp"

namespace azml::test {

namespace {

struct AzuriteJobFixture {
  AzuriteProcess azurite{AZML_AZURITE_BLOB};
  client::BlobClient storage{client::StorageConnection::parse(azurite.connection_string()),
                             std::make_shared<client::CpprestTransport>()};
  JobHost host;
  std::string api = host.deploy("azuritetraining", training_service());

  AzuriteJobFixture() {
    storage.ensure_container("retraining");
    storage.put_blob("retraining", "input/breast_cancer.csv", breast_cancer_csv(), "text/csv");
  }

  json reference(const std::string& blob) const {
    return json{{"ConnectionString", azurite.connection_string()}, {"RelativeLocation", "/retraining/" + blob}};
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(azurite_job_tests, AzuriteJobFixture)

BOOST_AUTO_TEST_CASE(a_job_reads_its_input_from_azurite_and_writes_its_outputs_there) {
  const std::string id = host.submit(api, json{{"Inputs", {{"input1", reference("input/breast_cancer.csv")}}},
                                              {"Outputs",
                                               {{"output1", reference("output/model.ilearner")},
                                                {"output2", reference("output/evaluation.csv")}}}});
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished", ended.dump());

  const json& model = ended["Results"]["output1"];
  BOOST_TEST(model["BaseLocation"] == azurite.blob_endpoint() + "/");
  BOOST_TEST(model["RelativeLocation"] == "retraining/output/model.ilearner");
  // The SAS the host signed with the account key opens the blob in Azurite.
  auto [status, bytes] = get_url(result_url(model));
  BOOST_TEST_REQUIRE(status == 200);
  BOOST_TEST(engine::read_ilearner(bytes)->header().label.name == "diagnosis");
  BOOST_TEST(bytes == storage.get_blob("retraining", "output/model.ilearner"));

  engine::Table metrics = engine::read_csv(storage.get_blob("retraining", "output/evaluation.csv"));
  BOOST_TEST(metrics.column("AUC").number(0) > 0.95);
  // Nothing went to the host's own storage: it has no such container.
  BOOST_CHECK_EXCEPTION(host.blobs().list_blobs("retraining"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::NotFound; });
}

BOOST_AUTO_TEST_CASE(a_sas_blob_input_and_output_work_with_their_tokens_alone) {
  const auto expiry = std::chrono::system_clock::now() + std::chrono::hours(1);
  const std::string read_token = storage.blob_sas("retraining", "input/breast_cancer.csv", "r", expiry);
  const std::string write_token = storage.blob_sas("retraining", "sas-output/model.ilearner", "cw", expiry);
  json request = {
      {"Inputs",
       {{"input1",
         {{"BaseLocation", azurite.blob_endpoint() + "/"},
          {"RelativeLocation", "retraining/input/breast_cancer.csv"},
          {"SasBlobToken", read_token}}}}},
      {"Outputs",
       {{"output1",
         {{"BaseLocation", azurite.blob_endpoint() + "/"},
          {"RelativeLocation", "retraining/sas-output/model.ilearner"},
          {"SasBlobToken", write_token}}},
        {"output2", reference("sas-output/evaluation.csv")}}}};
  const std::string id = host.submit(api, request);
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished", ended.dump());
  // A SAS-only output comes back with the token it was given: the host has no key to sign with.
  BOOST_TEST(ended["Results"]["output1"]["SasBlobToken"] == write_token);
  BOOST_TEST(engine::read_ilearner(storage.get_blob("retraining", "sas-output/model.ilearner"))->header().learner ==
             "Two-Class Boosted Decision Tree");
}

BOOST_AUTO_TEST_CASE(a_wrong_azurite_key_fails_the_job_saying_so) {
  json request = {{"Inputs", {{"input1", reference("input/breast_cancer.csv")}}}};
  std::string wrong = azurite.connection_string();
  wrong.replace(wrong.find(kAzuriteKey), std::string(kAzuriteKey).size(), "d3Jvbmcga2V5");
  request["Inputs"]["input1"]["ConnectionString"] = wrong;
  const std::string id = host.submit(api, request);
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST(ended["StatusCode"] == "Failed");
  const std::string details = ended["Details"].get<std::string>();
  BOOST_TEST(details.find("cannot read blob 'retraining/input/breast_cancer.csv'") != std::string::npos, details);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::test
