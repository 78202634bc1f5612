// The troubleshooting page's mistakes (contract §3.5), and every other request the classic API
// refuses: each answers its status and code, and nothing changes — the endpoints read the same
// before and after, and both endpoints score as they did.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <vector>

#include "../../unit/client/loopback_http_server.hpp"
#include "classic_host.hpp"
#include "support/running_host.hpp"

using azml::test::json;
using azml::test::TestRequest;
using azml::test::TestResponse;

namespace {

struct Mistake {
  std::string what;
  std::function<TestResponse()> send;
  int status;
  std::string code;
};

std::unique_ptr<azml::test::LoopbackHttpServer> answering(int status, const std::string& body) {
  const std::string reason = status == 403 ? "Forbidden" : status == 404 ? "Not Found" : "OK";
  return std::make_unique<azml::test::LoopbackHttpServer>(
      "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body);
}

struct MistakeFixture : azml::test::ClassicHost {
  std::string id;
  std::string training_id;
  json retrained;
  json other;
  json request = azml::test::census_request(6);

  MistakeFixture() {
    BOOST_TEST_REQUIRE(put_service("RetrainSamplePre", "v1.ilearner").status == 201);
    // A service without trained models, as a training web service is to the classic API.
    BOOST_TEST_REQUIRE(client()
                           .put("/subscriptions/" + workspace() + "/resourceGroups/" + azml::test::kResourceGroup +
                                    "/providers/Microsoft.MachineLearning/webServices/RetrainSampleTraining?api-version=2017-01-01",
                                azml::test::minimal_web_service("training"))
                           .status == 201);
    id = web_service_id("RetrainSamplePre");
    training_id = web_service_id("RetrainSampleTraining");
    retrained = add_endpoint(id, "retrained1").json_body();
    other = add_endpoint(id, "other", {{"PreventUpdate", true}}).json_body();
    BOOST_TEST_REQUIRE(add_endpoint(training_id, "retrained1").status == 201);
  }

  // Everything a refused request could have changed, as clients see it.
  std::string state() {
    std::string text = client().get(web_services_path()).body;
    for (const std::string& service : {id, training_id}) text += client().get(web_service_path(service) + "/endpoints").body;
    for (const json* endpoint_json : {&retrained, &other}) {
      text += score(endpoint_json->at("ApiLocation").get<std::string>(), endpoint_json->at("PrimaryKey").get<std::string>(),
                    request)
                  .body;
    }
    const json standard = endpoint(id, "default");
    return text + score(standard.at("ApiLocation").get<std::string>(), standard.at("PrimaryKey").get<std::string>(), request).body;
  }

  TestResponse patch_retrained(const json& body) { return patch_endpoint(id, "retrained1", body); }

  TestResponse send(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& authorization = "") {
    TestRequest call(method, target);
    call.body = body;
    if (!authorization.empty()) call.authorization = authorization;
    return client().send(call);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(endpoint_mistake_tests, MistakeFixture)

BOOST_AUTO_TEST_CASE(every_mistake_answers_its_code_and_changes_nothing) {
  const auto now = std::chrono::system_clock::now();
  auto forbidden = answering(403, "<Error><Code>AuthenticationFailed</Code></Error>");
  auto missing = answering(404, "<Error><Code>BlobNotFound</Code></Error>");
  const std::string unused = "http://127.0.0.1:" + std::to_string(azml::test::LoopbackHttpServer::unused_port()) + "/";
  std::string forged = sas("v2.ilearner", "r", now + std::chrono::hours(1));
  forged.replace(forged.find("sig=") + 4, 6, "AAAAAA");
  const std::string other_key = "Bearer " + other.at("PrimaryKey").get<std::string>();
  const std::string base = blob_base();

  const std::vector<Mistake> mistakes = {
      {"patching the default endpoint", [&] { return patch_endpoint(id, "default", azml::test::resource_patch(base, "models/v2.ilearner")); },
       400, "DefaultEndpointNotUpdatable"},
      {"patching an endpoint of the training web service",
       [&] { return patch_endpoint(training_id, "retrained1", azml::test::resource_patch(base, "models/v2.ilearner")); }, 400,
       "NoUpdatableResources"},
      {"a PATCH URL with another web service id",
       [&] { return patch_endpoint("0123456789abcdef0123456789abcdef", "retrained1", azml::test::resource_patch(base, "models/v2.ilearner")); },
       404, "WebServiceNotFound"},
      {"a PATCH URL in another workspace",
       [&] {
         return send("PATCH", "/workspaces/00bf70534500b34rebfa1843d6/webservices/" + id + "/endpoints/retrained1",
                     azml::test::resource_patch(base, "models/v2.ilearner").dump());
       },
       404, "WebServiceNotFound"},
      {"a PATCH URL with an endpoint that was never added",
       [&] { return patch_endpoint(id, "newendpoint2", azml::test::resource_patch(base, "models/v2.ilearner")); }, 404,
       "EndpointNotFound"},
      {"a resource name that is not the trained model's",
       [&] { return patch_retrained(azml::test::resource_patch(base, "models/v2.ilearner", "", "Census Model [trained model]")); },
       400, "UpdatableResourceNotFound"},
      {"a location without RelativeLocation",
       [&] { return patch_retrained({{"Resources", json::array({{{"Name", azml::test::kModelName}, {"Location", {{"BaseLocation", base}}}}})}}); },
       400, "BadArgument"},
      {"no Resources", [&] { return patch_retrained({{"resources", json::array()}}); }, 400, "BadArgument"},
      {"malformed JSON", [&] { return send("PATCH", endpoint_path(id, "retrained1"), "{\"Resources\": ["); }, 400, "BadArgument"},
      {"a BaseLocation that is not a URL", [&] { return patch_retrained(azml::test::resource_patch("models", "v2.ilearner")); },
       400, "InvalidBlobLocation"},
      {"a blob that does not exist", [&] { return patch_retrained(azml::test::resource_patch(base, "models/v3.ilearner")); },
       400, "BlobLocationNotFound"},
      {"a blob that is not a trained model",
       [&] { return patch_retrained(azml::test::resource_patch(base, "models/census.ilearner")); }, 400, "InvalidTrainedModel"},
      {"an expired SAS token",
       [&] { return patch_retrained(azml::test::resource_patch(base, "models/v2.ilearner", sas("v2.ilearner", "r", now - std::chrono::minutes(5)))); },
       400, "BlobLocationExpired"},
      {"a SAS token with a bad signature",
       [&] { return patch_retrained(azml::test::resource_patch(base, "models/v2.ilearner", forged)); }, 400,
       "BlobLocationUnauthorized"},
      {"a SAS token of another blob",
       [&] { return patch_retrained(azml::test::resource_patch(base, "models/v2.ilearner", sas("v1.ilearner", "r", now + std::chrono::hours(1)))); },
       400, "BlobLocationUnauthorized"},
      {"foreign storage refusing the token",
       [&] { return patch_retrained(azml::test::resource_patch(forbidden->base_url() + "/", "models/v2.ilearner", "?sv=2021-08-06&sig=x")); },
       400, "BlobLocationUnauthorized"},
      {"foreign storage without the blob",
       [&] { return patch_retrained(azml::test::resource_patch(missing->base_url() + "/", "models/v2.ilearner", "?sv=2021-08-06&sig=x")); },
       400, "BlobLocationNotFound"},
      {"foreign storage that cannot be reached",
       [&] { return patch_retrained(azml::test::resource_patch(unused, "models/v2.ilearner")); }, 400, "BlobLocationUnreachable"},
      {"another endpoint's key",
       [&] { return patch_endpoint(id, "retrained1", azml::test::resource_patch(base, "models/v2.ilearner"), other.at("PrimaryKey").get<std::string>()); },
       401, "InvalidAuthenticationToken"},
      {"no key at all",
       [&] {
         TestRequest call("PATCH", endpoint_path(id, "retrained1"));
         call.body = azml::test::resource_patch(base, "models/v2.ilearner").dump();
         call.authorization = "";
         return client().send(call);
       },
       401, "AuthenticationFailed"},
      {"an endpoint name with capitals and '_'", [&] { return add_endpoint(id, "Retrained_1"); }, 400, "InvalidEndpointName"},
      {"an endpoint name of 25 characters", [&] { return add_endpoint(id, "abcdefghijklmnopqrstuvwxy"); }, 400,
       "InvalidEndpointName"},
      {"adding 'default'", [&] { return add_endpoint(id, "default"); }, 400, "DefaultEndpointNotUpdatable"},
      {"a throttle level that does not exist", [&] { return add_endpoint(id, "e2", {{"ThrottleLevel", "Medium"}}); }, 400,
       "InvalidThrottleLevel"},
      {"too many concurrent calls", [&] { return add_endpoint(id, "e2", {{"MaxConcurrentCalls", 500}}); }, 400,
       "InvalidMaxConcurrentCalls"},
      {"a body naming another endpoint", [&] { return add_endpoint(id, "e2", {{"EndpointName", "e3"}}); }, 400, "BadArgument"},
      {"adding with an endpoint's key", [&] { return send("PUT", endpoint_path(id, "e2"), "{}", other_key); }, 401,
       "InvalidAuthenticationToken"},
      {"deleting the default endpoint", [&] { return client().del(endpoint_path(id, "default")); }, 409, "DefaultEndpointInUse"},
      {"deleting an endpoint with its own key", [&] { return send("DELETE", endpoint_path(id, "other"), "", other_key); }, 401,
       "InvalidAuthenticationToken"},
      {"refreshing an endpoint added with PreventUpdate",
       [&] { return send("POST", endpoint_path(id, "other") + "/refresh", "{\"OverwriteResources\":\"True\"}", other_key); },
       409, "EndpointUpdatePrevented"},
      {"a refresh flag that is not a flag",
       [&] { return send("POST", endpoint_path(id, "retrained1") + "/refresh", "{\"OverwriteResources\":\"Yes\"}"); }, 400,
       "BadArgument"},
      {"a workspace this host does not serve", [&] { return client().get("/workspaces/00bf70534500b34rebfa1843d6/webservices"); },
       404, "WorkspaceNotFound"},
      {"deleting a web service that does not exist",
       [&] { return client().del(web_service_path("0123456789abcdef0123456789abcdef")); }, 404, "WebServiceNotFound"},
  };

  for (const Mistake& mistake : mistakes) {
    const std::string before = state();
    const TestResponse response = mistake.send();
    BOOST_TEST(response.status == mistake.status, mistake.what << ": " << response.status << " " << response.body);
    std::string code;
    try {
      code = response.json_body().at("error").at("code").get<std::string>();
    } catch (const std::exception&) {
    }
    BOOST_TEST(code == mistake.code, mistake.what << ": " << response.body);
    BOOST_TEST(response.body.find("sig=") == std::string::npos, mistake.what << ": " << response.body);
    BOOST_TEST(state() == before, mistake.what << " changed something");
  }
  BOOST_TEST(log_text().find("sig=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_messages_say_what_to_do) {
  auto default_patch = patch_endpoint(id, "default", azml::test::resource_patch(blob_base(), "models/v2.ilearner"));
  BOOST_TEST(default_patch.json_body().at("error").at("message") ==
             "The default endpoint of web service 'RetrainSamplePre' is kept in sync with its definition and cannot be "
             "patched. Add an endpoint (Add-AzMlWebServiceEndpoint, or PUT .../endpoints/{name}) and patch that one.");
  auto training = patch_endpoint(training_id, "retrained1", azml::test::resource_patch(blob_base(), "models/v2.ilearner"));
  BOOST_TEST(training.json_body().at("error").at("message").get<std::string>().find(
                 "Sorry, but this feature is not supported or available in this context. This Web Service has no "
                 "updatable resources.") == 0u);
  auto named = patch_retrained(azml::test::resource_patch(blob_base(), "models/v2.ilearner", "", "Foo"));
  BOOST_TEST(named.json_body().at("error").at("message") ==
             "'Foo' is not an updatable resource of web service 'RetrainSamplePre'. Its updatable resources: 'Retrain "
             "Sample [trained model]'.");
  auto target = patch_retrained({{"Resources", json::array({{{"Name", azml::test::kModelName},
                                                             {"Location", {{"BaseLocation", blob_base()}}}}})}});
  BOOST_TEST(target.json_body().at("error").at("target") == "Resources[0].Location.RelativeLocation");
  const auto expiry = std::chrono::system_clock::now() - std::chrono::minutes(5);
  auto expired = patch_retrained(azml::test::resource_patch(blob_base(), "models/v2.ilearner", sas("v2.ilearner", "r", expiry)));
  const std::string message = expired.json_body().at("error").at("message").get<std::string>();
  BOOST_TEST(message.find("The SasBlobToken of '" + model_url("v2.ilearner") + "' expired at ") == 0u, message);
  BOOST_TEST(message.find("Get-AzMlBatchJob") != std::string::npos, message);
  auto first_add = add_endpoint(id, "Retrained_1");
  BOOST_TEST(first_add.json_body().at("error").at("message") ==
             "Endpoint names are 1 to 24 characters, lower-case letters and digits only; 'Retrained_1' is not.");
  auto in_use = client().del(endpoint_path(id, "default"));
  BOOST_TEST(in_use.json_body().at("error").at("message").get<std::string>().find("endpoints 'other', 'retrained1' exist") !=
                 std::string::npos,
             in_use.body);
}

BOOST_AUTO_TEST_SUITE_END()
