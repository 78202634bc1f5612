// The classic endpoint workflow over loopback: add an endpoint, score it with its own key,
// patch the retrained model into it (and only it), refresh it after the web service changes,
// delete it; restarts keep it; deleting the web service takes its endpoints along.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <vector>

#include "../../unit/client/loopback_http_server.hpp"
#include "classic_host.hpp"

using azml::test::json;
using azml::test::TestRequest;
using azml::test::TestResponse;

namespace {

constexpr size_t kRows = 12;

std::vector<std::string> member_names(const json& object) {
  std::vector<std::string> names;
  for (const auto& item : object.items()) names.push_back(item.key());
  return names;
}

// A server elsewhere than the host (a foreign storage account) answering every GET with `body`.
std::unique_ptr<azml::test::LoopbackHttpServer> foreign_server(const std::string& body, int status = 200) {
  const std::string reason = status == 200 ? "OK" : status == 403 ? "Forbidden" : "Not Found";
  return std::make_unique<azml::test::LoopbackHttpServer>(
      "HTTP/1.1 " + std::to_string(status) + " " + reason +
      "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body);
}

struct EndpointFixture : azml::test::ClassicHost {
  std::string id;
  json request = azml::test::census_request(kRows);
  std::string v1_answer;  // what the default endpoint answers (its model is v1)
  std::string v2_answer;  // what a web service built directly on v2 answers

  EndpointFixture() {
    BOOST_TEST_REQUIRE(put_service("RetrainSamplePre", "v1.ilearner").status == 201);
    BOOST_TEST_REQUIRE(put_service("RetrainSampleV2", "v2.ilearner").status == 201);
    id = web_service_id("RetrainSamplePre");
    v1_answer = answer(endpoint(id, "default"));
    v2_answer = answer(endpoint(web_service_id("RetrainSampleV2"), "default"));
    BOOST_TEST_REQUIRE(v1_answer != v2_answer);
  }

  // The scoring answer of an endpoint with its own key; the status and body when it fails.
  std::string answer(const json& endpoint_json) {
    auto scored = score(endpoint_json.at("ApiLocation").get<std::string>(),
                        endpoint_json.at("PrimaryKey").get<std::string>(), request);
    return scored.status == 200 ? scored.body : std::to_string(scored.status) + " " + scored.body;
  }

  json added(const std::string& name, const json& body = json::object()) {
    auto response = add_endpoint(id, name, body);
    BOOST_TEST_REQUIRE(response.status == 201, response.body);
    return response.json_body();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(endpoint_api_tests, EndpointFixture)

BOOST_AUTO_TEST_CASE(web_services_and_their_default_endpoint_in_azuremlps_shapes) {
  auto listed = client().get(web_services_path());
  BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
  BOOST_TEST_REQUIRE(listed.json_body().size() == 2u);
  const json service = client().get(web_service_path(id) + "?api-version=2014-09-01").json_body();
  BOOST_TEST((member_names(service) == std::vector<std::string>{"Id", "Name", "Description", "CreationTime",
                                                                "WorkspaceId", "DefaultEndpointName", "EndpointCount"}));
  BOOST_TEST(service.at("Id") == id);
  BOOST_TEST(service.at("Name") == "RetrainSamplePre");
  BOOST_TEST(service.at("WorkspaceId") == workspace());
  BOOST_TEST(service.at("EndpointCount") == 1);
  // The workspace id of the definition names the same workspace.
  BOOST_TEST(client().get("/workspaces/8b841df9d60a4d54bcebd4948b10a5db/webservices/" + id).status == 200);

  auto endpoints = client().get(web_service_path(id) + "/endpoints");
  BOOST_TEST_REQUIRE(endpoints.status == 200, endpoints.body);
  BOOST_TEST_REQUIRE(endpoints.json_body().size() == 1u);
  const json standard = endpoints.json_body().at(0);
  const json keys = client().get("/subscriptions/" + workspace() + "/resourceGroups/" + azml::test::kResourceGroup +
                                 "/providers/Microsoft.MachineLearning/webServices/RetrainSamplePre/listKeys?api-version=2017-01-01")
                        .json_body();
  BOOST_TEST(standard.at("Name") == "default");
  BOOST_TEST(standard.at("PrimaryKey") == keys.at("primary"));
  BOOST_TEST(standard.at("ApiLocation") == info().endpoint + "/workspaces/" + workspace() + "/services/" + id);
  BOOST_TEST(standard.at("MaxConcurrentCalls") == 4);
  BOOST_TEST(standard.at("Version") == "1");
}

BOOST_AUTO_TEST_CASE(an_added_endpoint_scores_with_its_own_keys_only) {
  const json body = {{"WebServiceId", id}, {"EndpointName", "retrained1"}, {"Description", "retrained"},
                     {"ThrottleLevel", "High"}, {"MaxConcurrentCalls", nullptr}, {"PreventUpdate", false}};
  const json endpoint_json = added("retrained1", body);
  BOOST_TEST((member_names(endpoint_json) ==
              std::vector<std::string>{"Name", "Description", "CreationTime", "WebServiceId", "WorkspaceId",
                                       "HelpLocation", "PrimaryKey", "SecondaryKey", "ApiLocation", "Version",
                                       "PreventUpdate", "SampleDataEnabled", "ExperimentLocation", "MaxConcurrentCalls",
                                       "DiagnosticsTraceLevel", "ThrottleLevel", "Resources"}));
  BOOST_TEST(endpoint_json.at("Version") == "1");
  BOOST_TEST(endpoint_json.at("MaxConcurrentCalls") == 20);
  BOOST_TEST(endpoint_json.at("ThrottleLevel") == "High");
  BOOST_TEST(endpoint_json.at("HelpLocation") == info().endpoint + endpoint_path(id, "retrained1") + "/apihelp");
  const json resource = endpoint_json.at("Resources").at(0);
  BOOST_TEST(resource.at("Name") == azml::test::kModelName);
  BOOST_TEST(resource.at("Kind") == "TrainedModel");
  BOOST_TEST(resource.at("Location").at("BaseLocation") == info().endpoint + "/blob/azmlstore/");
  BOOST_TEST(resource.at("Location").at("RelativeLocation") == "models/v1.ilearner");
  BOOST_TEST(resource.at("Location").at("SasBlobToken").is_null());
  BOOST_TEST(endpoint(id, "retrained1") == endpoint_json);

  auto listed = client().get(web_service_path(id) + "/endpoints").json_body();
  BOOST_TEST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed.at(0).at("Name") == "default");
  BOOST_TEST(listed.at(1).at("Name") == "retrained1");
  BOOST_TEST(client().get(web_service_path(id)).json_body().at("EndpointCount") == 2);

  // Same model as the default until patched.
  BOOST_TEST(answer(endpoint_json) == v1_answer);
  const std::string api = endpoint_json.at("ApiLocation").get<std::string>();
  BOOST_TEST(score(api, endpoint_json.at("SecondaryKey").get<std::string>(), request).body == v1_answer);
  const json standard = endpoint(id, "default");
  const json other = added("other");
  BOOST_TEST(score(api, standard.at("PrimaryKey").get<std::string>(), request).status == 401);
  BOOST_TEST(score(api, other.at("PrimaryKey").get<std::string>(), request).status == 401);
  BOOST_TEST(score(standard.at("ApiLocation").get<std::string>(), endpoint_json.at("PrimaryKey").get<std::string>(),
                   request).status == 401);
  // Batch jobs are served per endpoint too, with its keys.
  TestRequest jobs("GET", api + "/jobs?api-version=2.0");
  jobs.authorization = "Bearer " + endpoint_json.at("PrimaryKey").get<std::string>();
  BOOST_TEST(client().send(jobs).status == 200);

  // The endpoint's key opens its own management routes, not another's.
  TestRequest own("GET", endpoint_path(id, "retrained1"));
  own.authorization = "Bearer " + endpoint_json.at("PrimaryKey").get<std::string>();
  BOOST_TEST(client().send(own).status == 200);
  TestRequest foreign("GET", endpoint_path(id, "retrained1"));
  foreign.authorization = "Bearer " + other.at("PrimaryKey").get<std::string>();
  auto refused = client().send(foreign);
  BOOST_TEST(refused.status == 401);
  BOOST_TEST(refused.json_body().at("error").at("code") == "InvalidAuthenticationToken");
  TestRequest list_with_key("GET", web_service_path(id) + "/endpoints");
  list_with_key.authorization = own.authorization;
  BOOST_TEST(client().send(list_with_key).status == 401);
  TestRequest add_with_key("PUT", endpoint_path(id, "third"));
  add_with_key.body = "{}";
  add_with_key.authorization = own.authorization;
  BOOST_TEST(client().send(add_with_key).status == 401);
}

BOOST_AUTO_TEST_CASE(patching_an_endpoint_swaps_its_model_and_no_other) {
  const json endpoint_json = added("retrained1");
  const std::string key = endpoint_json.at("PrimaryKey").get<std::string>();
  const std::string token = sas("v2.ilearner", "r", std::chrono::system_clock::now() + std::chrono::hours(1));
  // As azuremlps sends it, with the endpoint's own key.
  auto patched = patch_endpoint(id, "retrained1",
                                {{"Resources", json::array({{{"Name", azml::test::kModelName},
                                                             {"Kind", "TrainedModel"},
                                                             {"Location",
                                                              {{"BaseLocation", blob_base()},
                                                               {"RelativeLocation", "models/v2.ilearner"},
                                                               {"SasBlobToken", token},
                                                               {"ConnectionString", nullptr}}}}})}},
                                key);
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  BOOST_TEST(patched.body.find("sig=") == std::string::npos);
  const json after = patched.json_body();
  BOOST_TEST(after.at("Version") == "2");
  BOOST_TEST(after.at("Resources").at(0).at("Location").at("RelativeLocation") == "models/v2.ilearner");
  BOOST_TEST(after.at("Resources").at(0).at("Location").at("SasBlobToken").is_null());
  BOOST_TEST(after.at("PrimaryKey") == endpoint_json.at("PrimaryKey"));

  // The endpoint answers byte for byte as a web service built on v2; the default keeps v1.
  BOOST_TEST(answer(after) == v2_answer);
  BOOST_TEST(answer(endpoint(id, "default")) == v1_answer);
  BOOST_TEST(endpoint(id, "default").at("Resources").at(0).at("Location").at("RelativeLocation") ==
             "models/v1.ilearner");

  // The API help needs no key and says how to patch.
  TestRequest help("GET", endpoint_path(id, "retrained1") + "/apihelp");
  help.authorization = "";
  auto helped = client().send(help);
  BOOST_TEST_REQUIRE(helped.status == 200, helped.body);
  BOOST_TEST(helped.json_body().at("UpdateResource").at("Supported") == true);
  BOOST_TEST(helped.json_body().at("UpdateResource").at("UpdatableResources").at(0) == azml::test::kModelName);
  BOOST_TEST(helped.body.find(key) == std::string::npos);
  TestRequest default_help("GET", endpoint_path(id, "default") + "/apihelp");
  default_help.authorization = "";
  BOOST_TEST(client().send(default_help).json_body().at("UpdateResource").at("Supported") == false);

  // The SAS token is kept (to read the blob again) but never logged.
  BOOST_TEST(log_text().find(token.substr(token.find("sig="))) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(refresh_follows_the_web_service_when_asked) {
  const json endpoint_json = added("retrained1");
  const std::string key = endpoint_json.at("PrimaryKey").get<std::string>();
  BOOST_TEST_REQUIRE(patch_endpoint(id, "retrained1", azml::test::resource_patch(blob_base(), "models/v2.ilearner")).status == 200);
  const auto refresh = [&](const json& body) {
    TestRequest call("POST", endpoint_path(id, "retrained1") + "/refresh");
    call.body = body.dump();
    call.authorization = "Bearer " + key;
    return client().send(call);
  };
  auto unchanged = refresh({{"OverwriteResources", "False"}});
  BOOST_TEST(unchanged.status == 304);
  BOOST_TEST(unchanged.body.empty());
  TestRequest default_refresh("POST", endpoint_path(id, "default") + "/refresh");
  BOOST_TEST(client().send(default_refresh).status == 304);

  // The web service changes; the endpoint serves its snapshot until refreshed, then keeps its model.
  auto updated = client().patch("/subscriptions/" + workspace() + "/resourceGroups/" + azml::test::kResourceGroup +
                                    "/providers/Microsoft.MachineLearning/webServices/RetrainSamplePre?api-version=2017-01-01",
                                {{"properties", {{"description", "changed"}}}});
  BOOST_TEST_REQUIRE(updated.status == 200, updated.body);
  BOOST_TEST(endpoint(id, "retrained1").at("Version") == "2");
  auto kept = refresh({{"OverwriteResources", "False"}});
  BOOST_TEST_REQUIRE(kept.status == 200, kept.body);
  BOOST_TEST(kept.json_body().at("Version") == "3");
  BOOST_TEST(answer(kept.json_body()) == v2_answer);
  auto dropped = refresh({{"OverwriteResources", "True"}});
  BOOST_TEST_REQUIRE(dropped.status == 200, dropped.body);
  BOOST_TEST(dropped.json_body().at("Version") == "4");
  BOOST_TEST(answer(dropped.json_body()) == v1_answer);
  BOOST_TEST(refresh({{"OverwriteResources", true}}).status == 304);
}

BOOST_AUTO_TEST_CASE(a_deleted_endpoint_stops_serving) {
  const json endpoint_json = added("retrained1");
  auto deleted = client().del(endpoint_path(id, "retrained1"));
  BOOST_TEST(deleted.status == 204);
  BOOST_TEST(deleted.body.empty());
  auto missing = client().get(endpoint_path(id, "retrained1"));
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(missing.json_body().at("error").at("code") == "EndpointNotFound");
  BOOST_TEST(score(endpoint_json.at("ApiLocation").get<std::string>(), endpoint_json.at("PrimaryKey").get<std::string>(),
                   request).status == 404);
  BOOST_TEST(client().del(endpoint_path(id, "retrained1")).status == 404);
  BOOST_TEST(answer(endpoint(id, "default")) == v1_answer);
  BOOST_TEST(client().get(web_service_path(id)).json_body().at("EndpointCount") == 1);
}

BOOST_AUTO_TEST_CASE(a_restart_keeps_every_endpoint_serving_what_it_served) {
  const json own = added("retrained1");
  BOOST_TEST_REQUIRE(patch_endpoint(id, "retrained1",
                                    azml::test::resource_patch(blob_base(), "models/v2.ilearner",
                                                               sas("v2.ilearner", "r", std::chrono::system_clock::now() +
                                                                                            std::chrono::minutes(10))))
                         .status == 200);
  // A model in foreign storage, read with its SAS token, again after the restart.
  auto storage = foreign_server(azml::test::sample_file("retrain-sample-v2.ilearner"));
  const json foreign = added("foreign");
  auto patched = patch_endpoint(id, "foreign",
                                azml::test::resource_patch(storage->base_url() + "/", "models/v2.ilearner",
                                                           "?sv=2021-08-06&sr=b&sp=r&sig=foreign-secret"));
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  const json plain = added("plain");
  BOOST_TEST(answer(endpoint(id, "foreign")) == v2_answer);

  restart();
  BOOST_TEST(answer(endpoint(id, "retrained1")) == v2_answer);
  BOOST_TEST(answer(endpoint(id, "foreign")) == v2_answer);
  BOOST_TEST(answer(endpoint(id, "plain")) == v1_answer);
  BOOST_TEST(answer(endpoint(id, "default")) == v1_answer);
  BOOST_TEST(endpoint(id, "retrained1").at("PrimaryKey") == own.at("PrimaryKey"));
  BOOST_TEST(endpoint(id, "foreign").at("Version") == "2");
  // The host read the foreign blob with its token (twice: the PATCH and the restart).
  const auto received = storage->received();
  BOOST_TEST_REQUIRE(received.size() >= 2u);
  BOOST_TEST(received.back().find("sig=foreign-secret") != std::string::npos);
  BOOST_TEST(log_text().find("foreign-secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(deleting_the_web_service_deletes_its_endpoints) {
  const json endpoint_json = added("retrained1");
  auto deleted = client().del(web_service_path(id));
  BOOST_TEST(deleted.status == 204);
  auto gone = client().get(endpoint_path(id, "retrained1"));
  BOOST_TEST(gone.status == 404);
  BOOST_TEST(gone.json_body().at("error").at("code") == "WebServiceNotFound");
  BOOST_TEST(score(endpoint_json.at("ApiLocation").get<std::string>(), endpoint_json.at("PrimaryKey").get<std::string>(),
                   request).status == 404);
  BOOST_TEST(client().get("/subscriptions/" + workspace() + "/resourceGroups/" + azml::test::kResourceGroup +
                          "/providers/Microsoft.MachineLearning/webServices/RetrainSamplePre?api-version=2017-01-01")
                 .status == 404);
  // Made again under the same name, the web service starts with its default endpoint only.
  BOOST_TEST_REQUIRE(put_service("RetrainSamplePre", "v1.ilearner").status == 201);
  BOOST_TEST(client().get(web_service_path(id) + "/endpoints").json_body().size() == 1u);
  BOOST_TEST(score(endpoint_json.at("ApiLocation").get<std::string>(), endpoint_json.at("PrimaryKey").get<std::string>(),
                   request).status == 404);
  // Deleted through ARM, the same.
  const json again = added("retrained1");
  BOOST_TEST(client().del("/subscriptions/" + workspace() + "/resourceGroups/" + azml::test::kResourceGroup +
                          "/providers/Microsoft.MachineLearning/webServices/RetrainSamplePre?api-version=2017-01-01")
                 .status == 202);
  BOOST_TEST(score(again.at("ApiLocation").get<std::string>(), again.at("PrimaryKey").get<std::string>(), request).status ==
             404);
}

BOOST_AUTO_TEST_SUITE_END()
