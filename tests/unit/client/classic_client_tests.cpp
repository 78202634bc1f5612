// The classic client's requests (method, URL, body) and its handling of answers, against a
// scripted transport: what reaches the wire is not visible through a host's answers (members
// left out, no api-version, the GET after a 304). The behaviour against a real host is in
// tests/capi/endpoint_abi_tests.c.
#include <boost/test/unit_test.hpp>

#include "client/classic_client.hpp"
#include "common/json.hpp"
#include "error_printing.hpp"
#include "fake_time.hpp"
#include "fake_transport.hpp"

using namespace azml;
using azml::test::FakeTime;
using azml::test::FakeTransport;

namespace {

const std::string kServices = "https://arm.test/workspaces/ws-1/webservices";
const std::string kEndpoint = kServices + "/svc-id/endpoints/retrained";
const std::string kEndpointJson = R"({"Name":"retrained","Version":"2"})";

struct ClassicFixture {
  FakeTime time;
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  client::ManagementClientOptions options;

  ClassicFixture() {
    options.endpoint = "https://arm.test";
    options.token = "admin-token";
    options.subscription_id = "ws-1";
    options.time = time.source();
    options.retry.max_retries = 0;
  }
};

bool invalid_with_target(const Error& e, const std::string& target) {
  BOOST_TEST(e.code() == ErrorCode::Invalid);
  BOOST_TEST(e.target() == target);
  return true;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(classic_client_tests, ClassicFixture)

BOOST_AUTO_TEST_CASE(the_workspace_defaults_to_the_subscription_and_no_api_version_is_sent) {
  transport->reply_json(200, "[]").reply_json(200, "[]");
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  BOOST_TEST(classic.list_web_services(std::nullopt) == "[]");
  BOOST_TEST(classic.list_web_services(std::string("other ws")) == "[]");
  BOOST_TEST(transport->request(0).method == "GET");
  BOOST_TEST(transport->request(0).url == kServices);
  BOOST_TEST(transport->request(0).headers.get("Authorization").value() == "Bearer admin-token");
  BOOST_TEST(transport->request(1).url == "https://arm.test/workspaces/other%20ws/webservices");
}

BOOST_AUTO_TEST_CASE(an_empty_workspace_or_name_is_refused_before_any_request) {
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  BOOST_CHECK_EXCEPTION(classic.list_web_services(std::string()), Error,
                        [](const Error& e) { return invalid_with_target(e, "workspace_id"); });
  BOOST_CHECK_EXCEPTION(classic.get_web_service(std::nullopt, ""), Error,
                        [](const Error& e) { return invalid_with_target(e, "web_service_id"); });
  BOOST_CHECK_EXCEPTION(classic.get_endpoint(std::nullopt, "svc-id", ""), Error,
                        [](const Error& e) { return invalid_with_target(e, "endpoint_name"); });
  BOOST_CHECK_EXCEPTION(classic.patch_endpoint(std::nullopt, "svc-id", "e", "[1]"), Error,
                        [](const Error& e) { return invalid_with_target(e, "patch_json"); });
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(add_sends_only_the_settings_given) {
  transport->reply_json(201, kEndpointJson).reply_json(200, kEndpointJson);
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  BOOST_TEST(classic.add_endpoint(std::nullopt, "svc-id", "retrained", {}) == kEndpointJson);
  client::EndpointSettings settings;
  settings.description = "nightly";
  settings.throttle_level = "low";  // the host judges it, and canonicalises it
  settings.max_concurrent_calls = 7;
  settings.prevent_update = true;
  classic.add_endpoint(std::nullopt, "svc-id", "retrained", settings);

  BOOST_TEST(transport->request(0).method == "PUT");
  BOOST_TEST(transport->request(0).url == kEndpoint);
  BOOST_TEST(json::parse(transport->request(0).body) ==
             json({{"WebServiceId", "svc-id"}, {"EndpointName", "retrained"}}));
  BOOST_TEST(json::parse(transport->request(1).body) == json({{"WebServiceId", "svc-id"},
                                                              {"EndpointName", "retrained"},
                                                              {"Description", "nightly"},
                                                              {"ThrottleLevel", "low"},
                                                              {"MaxConcurrentCalls", 7},
                                                              {"PreventUpdate", true}}));
}

BOOST_AUTO_TEST_CASE(update_resource_patches_one_resource_and_leaves_out_a_missing_token) {
  transport->reply_json(200, kEndpointJson).reply_json(200, kEndpointJson);
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  client::ResourceLocation resource{"Model [trained model]", "https://blob.test/", "c/m.ilearner", std::nullopt};
  BOOST_TEST(classic.update_resource(std::nullopt, "svc-id", "retrained", resource) == kEndpointJson);
  resource.sas_blob_token = "?sv=1&sig=x";
  classic.update_resource(std::nullopt, "svc-id", "retrained", resource);

  BOOST_TEST(transport->request(0).method == "PATCH");
  BOOST_TEST(transport->request(0).url == kEndpoint);
  BOOST_TEST(json::parse(transport->request(0).body) ==
             json::parse(R"({"Resources":[{"Name":"Model [trained model]","Location":{
               "BaseLocation":"https://blob.test/","RelativeLocation":"c/m.ilearner"}}]})"));
  BOOST_TEST(json::parse(transport->request(1).body)["Resources"][0]["Location"]["SasBlobToken"] == "?sv=1&sig=x");
}

BOOST_AUTO_TEST_CASE(a_refresh_answered_304_reads_the_endpoint) {
  transport->reply(304).reply_json(200, kEndpointJson).reply_json(200, kEndpointJson);
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  auto unchanged = classic.refresh_endpoint(std::nullopt, "svc-id", "retrained", false);
  BOOST_TEST(!unchanged.refreshed);
  BOOST_TEST(unchanged.endpoint == kEndpointJson);
  auto changed = classic.refresh_endpoint(std::nullopt, "svc-id", "retrained", true);
  BOOST_TEST(changed.refreshed);
  BOOST_TEST(changed.endpoint == kEndpointJson);

  BOOST_REQUIRE_EQUAL(transport->request_count(), 3u);
  BOOST_TEST(transport->request(0).method == "POST");
  BOOST_TEST(transport->request(0).url == kEndpoint + "/refresh");
  BOOST_TEST(json::parse(transport->request(0).body) == json({{"OverwriteResources", false}}));
  BOOST_TEST(transport->request(1).method == "GET");
  BOOST_TEST(transport->request(1).url == kEndpoint);
  BOOST_TEST(json::parse(transport->request(2).body) == json({{"OverwriteResources", true}}));
}

BOOST_AUTO_TEST_CASE(errors_carry_the_service_code_and_status) {
  transport->reply_json(400, R"({"error":{"code":"DefaultEndpointNotUpdatable","message":"patch another one"}})",
                        {{"x-ms-request-id", "rid-1"}})
      .reply_json(404, R"({"error":{"code":"EndpointNotFound","message":"no such endpoint"}})");
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  BOOST_CHECK_EXCEPTION(classic.patch_endpoint(std::nullopt, "svc-id", "default", "{}"), Error, [](const Error& e) {
    return e.code() == ErrorCode::Invalid && e.service_code() == "DefaultEndpointNotUpdatable" &&
           e.http_status() == 400 && e.request_id() == "rid-1" && std::string(e.what()) == "patch another one";
  });
  // Unlike the ARM remove, a classic remove of what is not there is an error.
  BOOST_CHECK_EXCEPTION(classic.remove_endpoint(std::nullopt, "svc-id", "gone"), Error, [](const Error& e) {
    return e.code() == ErrorCode::NotFound && e.service_code() == "EndpointNotFound";
  });
}

BOOST_AUTO_TEST_CASE(a_list_that_is_not_an_array_is_an_error) {
  transport->reply_json(200, R"({"value":[]})");
  client::ManagementClient management(options, transport);
  client::ClassicClient classic(management);
  BOOST_CHECK_EXCEPTION(classic.list_endpoints(std::nullopt, "svc-id"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Http && e.http_status() == 200; });
}

BOOST_AUTO_TEST_SUITE_END()
