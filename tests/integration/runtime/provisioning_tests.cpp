// Provisioning as ARM reports it: a structurally invalid definition is refused; a valid one that
// cannot run is stored but Failed, with the node, module and reason in its operation and GET; a
// failed update leaves the previous revision serving, also after a restart.
#include <boost/test/unit_test.hpp>

#include <csignal>

#include "scoring_support.hpp"

using azml::test::json;
using azml::test::TestResponse;

namespace {

struct ProvisioningFixture {
  std::unique_ptr<azml::test::LoopbackHttpServer> tree_server = azml::test::serve_bytes(azml::test::boosted_tree_model());
  std::unique_ptr<azml::test::LoopbackHttpServer> logistic_server = azml::test::serve_bytes(azml::test::logistic_model());
  azml::test::ScoringHost scoring;

  std::string tree_uri() const { return tree_server->base_url() + "/models/bdt.ilearner"; }
  std::string logistic_uri() const { return logistic_server->base_url() + "/models/logistic.ilearner"; }
};

std::string text_of(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// A Failed resource and its Failed operation, both carrying an error whose detail targets the
// node and whose messages hold every fragment.
void check_failed(azml::test::ScoringHost& scoring, const TestResponse& response, const std::string& name,
                  const std::string& node, std::initializer_list<const char*> fragments) {
  BOOST_TEST_REQUIRE(response.status < 300, response.body);
  const json operation = azml::test::operation_of(scoring.client(), response);
  BOOST_TEST(operation.at("status") == "Failed");
  const json got = scoring.client().get(scoring.service_path(name)).json_body();
  BOOST_TEST(got.at("properties").at("provisioningState") == "Failed");
  const json& error = got.at("properties").at("provisioningError");
  BOOST_TEST(operation.at("error") == error);
  BOOST_TEST(error.at("code") == "ProvisioningFailed");
  BOOST_TEST(error.at("details").at(0).at("target") == node);
  const std::string messages = text_of(error.at("message")) + " | " + text_of(error.at("details").at(0).at("message"));
  for (const char* fragment : fragments) {
    BOOST_TEST(messages.find(fragment) != std::string::npos, "'" << fragment << "' not in: " << messages);
  }
}

// The service's scores for two rows, or the status and body when it does not answer 200.
std::string scores(azml::test::ScoringHost& scoring, const std::string& url) {
  auto response = scoring.execute(url, azml::test::table_request(2));
  if (response.status != 200) return std::to_string(response.status) + " " + response.body;
  return response.json_body().at("Results").at("output1").at("value").at("Values").dump();
}

std::string scores_of(const std::string& model) { return azml::test::expected_values(model, 2).dump(); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(provisioning_tests, ProvisioningFixture)

BOOST_AUTO_TEST_CASE(a_structurally_invalid_definition_is_refused_and_not_stored) {
  json broken = azml::test::predictive_service(tree_uri());
  broken["properties"]["package"]["edges"][0]["targetNodeId"] = "node9";
  auto response = scoring.put_service("broken", broken);
  BOOST_TEST(response.status == 400, response.body);
  BOOST_TEST(scoring.client().get(scoring.service_path("broken")).status == 404);
}

BOOST_AUTO_TEST_CASE(a_module_azml_does_not_implement_fails_provisioning_naming_node_and_module) {
  json service = azml::test::predictive_service(tree_uri());
  service["properties"]["assets"]["asset3"]["name"] = "Execute R Script";
  service["properties"]["assets"]["asset3"]["locationInfo"]["uri"] =
      "aml://module/506153734175476c4f62416c57734963.30cae3f2a1ff4b5e99eb9e2a8a8e1b9d.v1-default-1675";
  auto created = scoring.put_service("r-script", service);
  BOOST_TEST(created.status == 201, created.body);
  BOOST_TEST(created.json_body().at("properties").at("provisioningState") == "Failed");
  check_failed(scoring, created, "r-script", "node4", {"node4", "'Execute R Script'", "not implemented by azml"});
  BOOST_TEST(created.json_body().at("properties").at("provisioningError").at("details").at(0).at("code") ==
             "ModuleNotSupported");

  // Stored all the same: the definition round-trips.
  const json got = scoring.client().get(scoring.service_path("r-script")).json_body();
  BOOST_TEST(got.at("properties").at("assets").at("asset3").at("name") == "Execute R Script");

  // And it does not serve: there is no revision to serve.
  auto call = scoring.execute(scoring.service_url("r-script"), azml::test::table_request(1));
  BOOST_TEST(call.status == 409, call.body);
  BOOST_TEST(call.json_body().at("error").at("code") == "WebServiceNotReady");
  BOOST_TEST(call.body.find("Execute R Script") != std::string::npos, call.body);
}

BOOST_AUTO_TEST_CASE(a_missing_trained_model_fails_provisioning) {
  auto not_found = azml::test::serve_bytes("no such blob", 404);
  auto created = scoring.put_service("missing", azml::test::predictive_service(not_found->base_url() + "/models/gone.ilearner"));
  check_failed(scoring, created, "missing", "node2",
               {"node2", "'Breast cancer diagnosis [trained model]'", "gone.ilearner", "does not exist", "404"});

  const int closed_port = azml::test::LoopbackHttpServer::unused_port();
  auto unreachable = scoring.put_service(
      "unreachable", azml::test::predictive_service("http://127.0.0.1:" + std::to_string(closed_port) + "/m.ilearner"));
  check_failed(scoring, unreachable, "unreachable", "node2", {"node2", "cannot fetch"});

  auto no_scheme = scoring.put_service("file-uri", azml::test::predictive_service("/var/models/model.ilearner"));
  check_failed(scoring, no_scheme, "file-uri", "node2", {"node2", "blob store or from an http(s) URL"});
}

BOOST_AUTO_TEST_CASE(a_corrupt_or_foreign_model_fails_provisioning) {
  std::string corrupt = azml::test::boosted_tree_model();
  corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x5a);
  auto corrupt_server = azml::test::serve_bytes(corrupt);
  auto created = scoring.put_service("corrupt", azml::test::predictive_service(corrupt_server->base_url() + "/c.ilearner"));
  check_failed(scoring, created, "corrupt", "node2", {"node2", "checksum mismatch"});
  BOOST_TEST(created.json_body().at("properties").at("provisioningError").at("details").at(0).at("code") ==
             "InvalidTrainedModel");

  // An Azure ML Studio model (a .NET serialisation), or any other file.
  auto foreign_server = azml::test::serve_bytes(std::string("\x00\x01\x00\x00\x00\xff\xff\xff\xff", 9) + "Microsoft.Analytics");
  auto foreign = scoring.put_service("foreign", azml::test::predictive_service(foreign_server->base_url() + "/f.ilearner"));
  check_failed(scoring, foreign, "foreign", "node2", {"node2", "not a usable .ilearner file"});
}

BOOST_AUTO_TEST_CASE(a_failed_update_leaves_the_previous_revision_serving_also_after_a_restart) {
  BOOST_TEST_REQUIRE(scoring.put_service("kept", azml::test::predictive_service(tree_uri())).status == 201);
  const std::string url = scoring.service_url("kept");
  BOOST_TEST_REQUIRE(scores(scoring, url) == scores_of(azml::test::boosted_tree_model()));

  auto not_found = azml::test::serve_bytes("gone", 404);
  auto patched = scoring.patch_service("kept", azml::test::ScoringHost::model_patch(not_found->base_url() + "/new.ilearner"));
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  check_failed(scoring, patched, "kept", "node2", {"does not exist"});
  // The stored definition is the new one; the served revision is the old one.
  const json got = scoring.client().get(scoring.service_path("kept")).json_body();
  BOOST_TEST(got.at("properties").at("assets").at("asset1").at("locationInfo").at("uri") == not_found->base_url() + "/new.ilearner");
  BOOST_TEST(scores(scoring, url) == scores_of(azml::test::boosted_tree_model()));

  // A PUT that fails does the same.
  json r_script = azml::test::predictive_service(tree_uri());
  r_script["properties"]["assets"]["asset3"]["name"] = "Execute R Script";
  r_script["properties"]["assets"]["asset3"]["locationInfo"]["uri"] = "aml://module/execute-r-script";
  auto put = scoring.put_service("kept", r_script);
  check_failed(scoring, put, "kept", "node4", {"Execute R Script"});
  BOOST_TEST(scores(scoring, url) == scores_of(azml::test::boosted_tree_model()));

  // After a restart the host serves the revision it served before.
  auto& first = scoring.host();
  BOOST_TEST_REQUIRE(first.process().stop(SIGTERM) == 0);
  azml::test::HostProcess second(AZML_HOST_EXECUTABLE, first.data_dir(), {}, first.dir().path() / "logs");
  const auto info = second.wait_until_ready();
  azml::test::TestClient client(info.endpoint, info.admin_token);
  const std::string path = azml::test::web_service_path(info.subscription_id, "rg", "kept");
  const json after = client.get(path).json_body();
  BOOST_TEST(after.at("properties").at("provisioningState") == "Failed");
  BOOST_TEST(after.at("properties").at("provisioningError").at("details").at(0).at("target") == "node4");
  const std::string swagger = after.at("properties").at("swaggerLocation").get<std::string>();
  const std::string restarted_url = swagger.substr(0, swagger.rfind('/'));
  azml::test::TestRequest call("POST", restarted_url + "/execute?api-version=2.0");
  call.body = azml::test::table_request(2).dump();
  call.authorization = std::string("Bearer ") + azml::test::kPrimaryKey;
  auto served = client.send(call);
  BOOST_TEST_REQUIRE(served.status == 200, served.body);
  BOOST_TEST(served.json_body().at("Results").at("output1").at("value").at("Values").dump() ==
             scores_of(azml::test::boosted_tree_model()));

  // A good update provisions again and clears the error.
  auto fixed = client.put(path, azml::test::predictive_service(logistic_uri()));
  BOOST_TEST_REQUIRE(fixed.status == 200, fixed.body);
  BOOST_TEST(fixed.json_body().at("properties").at("provisioningState") == "Succeeded");
  BOOST_TEST(!fixed.json_body().at("properties").contains("provisioningError"));
  served = client.send(call);
  BOOST_TEST(served.json_body().at("Results").at("output1").at("value").at("Values").dump() ==
             scores_of(azml::test::logistic_model()));
  BOOST_TEST(second.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_CASE(a_failed_first_revision_serves_nothing_after_a_restart_either) {
  json service = azml::test::predictive_service(tree_uri());
  service["properties"]["assets"]["asset2"]["name"] = "Execute Python Script";
  service["properties"]["assets"]["asset2"]["locationInfo"]["uri"] = "aml://module/execute-python-script";
  BOOST_TEST_REQUIRE(scoring.put_service("never", service).status == 201);
  auto& first = scoring.host();
  BOOST_TEST_REQUIRE(first.process().stop(SIGTERM) == 0);
  azml::test::HostProcess second(AZML_HOST_EXECUTABLE, first.data_dir(), {}, first.dir().path() / "logs");
  const auto info = second.wait_until_ready();
  azml::test::TestClient client(info.endpoint, info.admin_token);
  const json got = client.get(azml::test::web_service_path(info.subscription_id, "rg", "never")).json_body();
  const std::string swagger = got.at("properties").at("swaggerLocation").get<std::string>();
  azml::test::TestRequest call("POST", swagger.substr(0, swagger.rfind('/')) + "/execute?api-version=2.0");
  call.body = azml::test::table_request(1).dump();
  call.authorization = std::string("Bearer ") + azml::test::kPrimaryKey;
  auto response = client.send(call);
  BOOST_TEST(response.status == 409, response.body);
  BOOST_TEST(response.body.find("Execute Python Script") != std::string::npos, response.body);
  BOOST_TEST(second.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
