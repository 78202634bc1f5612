// Jobs with no web service input: the graph reads its data with Import Data, from a web URL
// given as a global parameter or from a storage account's blob, and the request carries only
// GlobalParameters and Outputs.
#include <chrono>

#include <boost/test/unit_test.hpp>

#include "engine/ilearner.hpp"
#include "job_test_support.hpp"

namespace azml::test {

namespace {

// The shipped retraining graph with its web service input replaced by Import Data (node1).
json importing_service(const json& import_parameters, const json& graph_parameters) {
  return edited_training_service([&](json& properties) {
    properties["assets"]["asset0"] = {{"name", "Import Data"},
                                      {"type", "Module"},
                                      {"locationInfo", {{"uri", "aml://module/import-data"}}}};
    properties["package"]["nodes"]["node1"] = {{"assetId", "asset0"}, {"parameters", import_parameters}};
    for (auto& edge : properties["package"]["edges"]) {
      if (edge["sourceNodeId"] == "node1") edge["sourcePortId"] = "Results dataset";
    }
    for (auto it = graph_parameters.begin(); it != graph_parameters.end(); ++it) {
      properties["package"]["graphParameters"][it.key()] = *it;
    }
    properties.erase("input");
  });
}

json outputs(JobHost& host, const std::string& prefix) {
  return json{{"output1", host.reference(kDataContainer, prefix + "/model.ilearner")},
              {"output2", host.reference(kDataContainer, prefix + "/evaluation.csv")}};
}

struct ImportFixture {
  JobHost host;
  ImportFixture() { host.upload(kDataContainer, "import/breast_cancer.csv", breast_cancer_csv()); }

  std::string url_service() {
    return host.deploy("importbyurl",
                       importing_service({{"Please Specify Data Source", {{"value", "Web URL via HTTP"}}},
                                          {"Data Source URL", {{"value", "http://unused.invalid/data.csv"}}},
                                          {"Data format", {{"value", "CSV"}}},
                                          {"CSV or TSV has header row", {{"value", "True"}}}},
                                         {{"Data URL", {{"type", "String"},
                                                        {"links", {{{"nodeId", "node1"}, {"parameterKey", "Data Source URL"}}}}}}}));
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(import_data_job_tests, ImportFixture)

BOOST_AUTO_TEST_CASE(a_job_with_only_global_parameters_and_outputs_imports_from_a_web_url) {
  const std::string api = url_service();
  // A read SAS on this host's blob: Import Data fetches it over HTTP, like any web URL.
  const std::string url = host.blobs().blob_url(kDataContainer, "import/breast_cancer.csv") +
                          host.blobs().blob_sas(kDataContainer, "import/breast_cancer.csv", "r",
                                                std::chrono::system_clock::now() + std::chrono::hours(1));
  const std::string id =
      host.submit(api, json{{"GlobalParameters", {{"Data URL", url}}}, {"Outputs", outputs(host, "by-url")}});
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_REQUIRE(ended["StatusCode"] == "Finished", ended.dump());
  auto model = engine::read_ilearner(get_url(result_url(ended["Results"]["output1"])).second);
  BOOST_TEST(model->header().training_rows == 455u);  // 80% of 569
}

BOOST_AUTO_TEST_CASE(a_url_the_data_cannot_be_read_from_fails_the_job_saying_why) {
  const std::string api = url_service();
  // This host's blob without a SAS: its blob service refuses it.
  const std::string url = host.blobs().blob_url(kDataContainer, "import/breast_cancer.csv");
  const std::string id =
      host.submit(api, json{{"GlobalParameters", {{"Data URL", url}}}, {"Outputs", outputs(host, "refused")}});
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_INFO(ended.dump());
  BOOST_TEST(ended["StatusCode"] == "Failed");
  const std::string details = ended["Details"].get<std::string>();
  BOOST_TEST(details.find("Import Data") != std::string::npos);
  BOOST_TEST(details.find("cannot read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_input_less_job_must_say_where_its_outputs_go) {
  const std::string api = url_service();
  TestResponse response = host.bes("POST", api, "/jobs", json{{"GlobalParameters", {{"Data URL", "http://x/y.csv"}}}});
  BOOST_TEST(response.status == 400);
  BOOST_TEST(response.json_body()["error"]["target"] == "Outputs.output1");
}

BOOST_AUTO_TEST_CASE(import_data_reads_a_storage_accounts_blob_with_its_key) {
  const std::string key = client::StorageConnection::parse(host.connection_string()).account_key;
  const std::string api = host.deploy(
      "importbyaccount",
      importing_service({{"Please Specify Data Source", {{"value", "AzureBlobStorage"}}},
                         {"Please Specify Authentication Type", {{"value", "Account"}}},
                         {"Account Name", {{"value", "azmlstore"}}},
                         {"Account Key", {{"value", key}, {"certificateThumbprint", ""}}},
                         {"Path to container or directory or blob",
                          {{"value", std::string(kDataContainer) + "/import/breast_cancer.csv"}}},
                         {"Blob File format", {{"value", "CSV"}}},
                         {"File has Header Row", {{"value", "True"}}}},
                        json::object()));
  const std::string id = host.submit(api, json{{"Outputs", outputs(host, "by-account")}});
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST(ended["StatusCode"] == "Finished", ended.dump());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::test
