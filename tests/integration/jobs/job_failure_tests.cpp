// Jobs that cannot run: requests the service refuses at once (400, 401, 404, each with its
// code and the member at fault) and jobs that fail while running, each with the reason in its
// Details. The host keeps serving through all of them.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "job_test_support.hpp"

namespace azml::test {

namespace {

struct SharedTrainingHost {
  JobHost host;
  std::string api;
  SharedTrainingHost() {
    api = host.deploy("failuretraining", training_service());
    host.upload(kDataContainer, "good.csv", breast_cancer_csv());
  }
};

SharedTrainingHost& shared() {
  static SharedTrainingHost instance;
  return instance;
}

json request_for(const std::string& input_blob, const std::string& prefix) {
  JobHost& host = shared().host;
  return json{{"Inputs", {{"input1", host.reference(kDataContainer, input_blob)}}},
              {"Outputs",
               {{"output1", host.reference(kDataContainer, prefix + "/model.ilearner")},
                {"output2", host.reference(kDataContainer, prefix + "/evaluation.csv")}}}};
}

json run_to_end(const json& request) {
  JobHost& host = shared().host;
  const std::string id = host.submit(shared().api, request);
  host.start(shared().api, id);
  return host.wait_until_ended(shared().api, id);
}

// A data set the service cannot train on, and what its Details must say.
struct BadData {
  const char* name;
  std::string csv;
  std::vector<std::string> details_mention;
};

std::ostream& operator<<(std::ostream& out, const BadData& data) { return out << data.name; }

std::vector<BadData> bad_data() {
  std::string ragged = breast_cancer_rows(20);
  ragged.insert(ragged.find('\n', ragged.find('\n') + 1) + 1, "1,2,3\n");
  return {
      {"malformed_csv", ragged, {"input 'input1'", "CSV line 3", "expected 31"}},
      {"missing_label_column", breast_cancer_rows(50, false), {"Train Model", "diagnosis"}},
      {"empty_file", "", {"input 'input1'", "empty"}},
      {"header_only", breast_cancer_rows(0), {"no row"}},
      {"single_class", breast_cancer_rows(10), {"Train Model", "two values"}},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(job_failure_tests)

BOOST_DATA_TEST_CASE(a_job_on_bad_data_fails_with_the_reason, boost::unit_test::data::make(bad_data()), data) {
  const std::string blob = std::string("bad/") + data.name + ".csv";
  shared().host.upload(kDataContainer, blob, data.csv);
  json ended = run_to_end(request_for(blob, std::string("bad-out/") + data.name));
  BOOST_TEST_INFO(ended.dump());
  BOOST_TEST(ended["StatusCode"] == "Failed");
  BOOST_TEST(ended["Results"].is_null());
  const std::string details = ended["Details"].get<std::string>();
  for (const auto& words : data.details_mention) {
    BOOST_TEST_INFO(words);
    BOOST_TEST(details.find(words) != std::string::npos);
  }
  // Nothing was written for a failed job.
  BOOST_TEST(shared().host.blobs().list_blobs(kDataContainer, std::string("bad-out/") + data.name).empty());
}

BOOST_AUTO_TEST_CASE(a_missing_input_blob_fails_the_job_naming_it) {
  json ended = run_to_end(request_for("nowhere/absent.csv", "absent-out"));
  BOOST_TEST(ended["StatusCode"] == "Failed");
  BOOST_TEST(ended["Details"].get<std::string>().find("nowhere/absent.csv") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_column_the_graph_selects_but_the_data_lacks_fails_the_job) {
  JobHost& host = shared().host;
  // The service selects its columns first; "tumour size" is in no data set.
  json service = edited_training_service([](json& properties) {
    properties["assets"]["asset6"] = {{"name", "Select Columns in Dataset"},
                                      {"type", "Module"},
                                      {"locationInfo", {{"uri", "aml://module/select-columns"}}}};
    properties["package"]["nodes"]["node9"] = {
        {"assetId", "asset6"}, {"parameters", {{"Select columns", {{"value", "mean radius,tumour size,diagnosis"}}}}}};
    for (auto& edge : properties["package"]["edges"]) {
      if (edge["sourceNodeId"] == "node1") edge["sourceNodeId"] = "node9", edge["sourcePortId"] = "Results dataset";
    }
    properties["package"]["edges"].push_back(
        {{"sourceNodeId", "node1"}, {"targetNodeId", "node9"}, {"targetPortId", "Dataset"}});
  });
  const std::string api = host.deploy("selectingtraining", service);
  const std::string id = host.submit(api, request_for("good.csv", "select-out"));
  host.start(api, id);
  json ended = host.wait_until_ended(api, id);
  BOOST_TEST_INFO(ended.dump());
  BOOST_TEST(ended["StatusCode"] == "Failed");
  const std::string details = ended["Details"].get<std::string>();
  BOOST_TEST(details.find("Select Columns in Dataset") != std::string::npos);
  BOOST_TEST(details.find("tumour size") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_output_in_the_wrong_format_fails_the_job) {
  json request = request_for("good.csv", "format-out");
  request["Outputs"]["output1"]["RelativeLocation"] = std::string(kDataContainer) + "/format-out/model.csv";
  json ended = run_to_end(request);
  BOOST_TEST(ended["StatusCode"] == "Failed");
  BOOST_TEST(ended["Details"].get<std::string>().find("must end in .ilearner") != std::string::npos);

  request = request_for("good.csv", "format-out-2");
  request["Outputs"]["output2"]["RelativeLocation"] = std::string(kDataContainer) + "/format-out-2/eval.ilearner";
  ended = run_to_end(request);
  BOOST_TEST(ended["StatusCode"] == "Failed");
  BOOST_TEST(ended["Details"].get<std::string>().find("is a dataset") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_host_keeps_serving_after_failed_jobs) {
  json ended = run_to_end(request_for("good.csv", "after-failures"));
  BOOST_TEST(ended["StatusCode"] == "Finished");
}

// --- refused at submission

struct BadRequest {
  const char* name;
  std::function<void(json& request)> spoil;
  const char* target;  // the error's target
  const char* says;    // a phrase of its message
};

std::ostream& operator<<(std::ostream& out, const BadRequest& bad) { return out << bad.name; }

std::vector<BadRequest> bad_requests() {
  return {
      {"unknown_input", [](json& r) { r["Inputs"]["input9"] = r["Inputs"]["input1"]; }, "Inputs.input9", "no input 'input9'"},
      {"missing_input", [](json& r) { r.erase("Inputs"); }, "Inputs.input1", "needs a blob"},
      {"unknown_output", [](json& r) { r["Outputs"]["output7"] = r["Outputs"]["output1"]; }, "Outputs.output7", "no output 'output7'"},
      {"unknown_global_parameter", [](json& r) { r["GlobalParameters"] = {{"Learning rate", "0.1"}}; },
       "GlobalParameters.Learning rate", "no global parameter"},
      {"unknown_member", [](json& r) { r["GolbalParameters"] = json::object(); }, "GolbalParameters", "unknown member"},
      {"reference_without_storage", [](json& r) { r["Inputs"]["input1"].erase("ConnectionString"); },
       "Inputs.input1", "ConnectionString"},
      {"relative_location_without_blob", [](json& r) { r["Inputs"]["input1"]["RelativeLocation"] = "justacontainer"; },
       "Inputs.input1.RelativeLocation", "container and a blob"},
      {"malformed_connection_string", [](json& r) { r["Outputs"]["output1"]["ConnectionString"] = "AccountName"; },
       "Outputs.output1", "connection string"},
      {"wrong_key_for_this_hosts_storage",
       [](json& r) {
         std::string cs = r["Inputs"]["input1"]["ConnectionString"].get<std::string>();
         const auto start = cs.find("AccountKey=") + 11;
         cs.replace(start, cs.find(';', start) - start, "d3Jvbmcga2V5");
         r["Inputs"]["input1"]["ConnectionString"] = cs;
       },
       "Inputs.input1", "not a key of storage account"},
      {"not_an_object", [](json& r) { r = json::array(); }, "", "JSON object"},
  };
}

BOOST_DATA_TEST_CASE(a_request_the_service_cannot_run_is_refused_naming_the_member,
                     boost::unit_test::data::make(bad_requests()), bad) {
  json request = request_for("good.csv", "refused");
  bad.spoil(request);
  TestResponse response = shared().host.bes("POST", shared().api, "/jobs", request);
  BOOST_TEST_INFO(response.body);
  BOOST_TEST(response.status == 400);
  json error = response.json_body()["error"];
  BOOST_TEST(error["code"] == "BadArgument");
  BOOST_TEST(error.value("target", "") == bad.target);
  BOOST_TEST(error["message"].get<std::string>().find(bad.says) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_body_that_is_not_json_is_refused) {
  TestResponse response = shared().host.bes("POST", shared().api, "/jobs", json("{\"Inputs\": "));
  BOOST_TEST(response.status == 400);
  BOOST_TEST(response.json_body()["error"]["message"].get<std::string>().find("not valid JSON") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_api_version_must_be_2_0) {
  TestResponse missing = shared().host.bes("GET", shared().api, "/jobs", std::nullopt, kTrainingPrimaryKey, "");
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(missing.json_body()["error"]["code"] == "MissingApiVersionParameter");
  TestResponse other =
      shared().host.bes("GET", shared().api, "/jobs", std::nullopt, kTrainingPrimaryKey, "api-version=2017-01-01");
  BOOST_TEST(other.status == 400);
  BOOST_TEST(other.json_body()["error"]["code"] == "InvalidApiVersionParameter");
}

BOOST_AUTO_TEST_CASE(jobs_need_the_services_key) {
  TestResponse none = shared().host.bes("GET", shared().api, "/jobs", std::nullopt, "");
  BOOST_TEST(none.status == 401);
  TestResponse wrong = shared().host.bes("GET", shared().api, "/jobs", std::nullopt, "not-the-key");
  BOOST_TEST(wrong.status == 401);
  // The admin token is not a service key either.
  TestResponse admin = shared().host.bes("GET", shared().api, "/jobs", std::nullopt, shared().host.info().admin_token);
  BOOST_TEST(admin.status == 401);
}

BOOST_AUTO_TEST_CASE(unknown_jobs_and_services_are_not_found) {
  TestResponse job = shared().host.bes("GET", shared().api, "/jobs/0123456789abcdef0123456789abcdef");
  BOOST_TEST(job.status == 404);
  BOOST_TEST(job.json_body()["error"]["code"] == "JobNotFound");
  TestResponse start = shared().host.bes("POST", shared().api, "/jobs/0123456789abcdef0123456789abcdef/start");
  BOOST_TEST(start.status == 404);
  std::string other = shared().api.substr(0, shared().api.rfind('/')) + "/ffffffffffffffffffffffffffffffff";
  TestResponse service = shared().host.bes("GET", other, "/jobs");
  BOOST_TEST(service.status == 404);
}

BOOST_AUTO_TEST_CASE(a_job_of_one_service_is_not_found_through_another) {
  JobHost& host = shared().host;
  const std::string other_api = host.deploy("othertraining", training_service());
  const std::string id = host.submit(shared().api, request_for("good.csv", "other"));
  BOOST_TEST(host.bes("GET", other_api, "/jobs/" + id).status == 404);
  BOOST_TEST(host.bes("DELETE", other_api, "/jobs/" + id).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::test
