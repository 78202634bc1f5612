// The management client against production traffic recorded by the Azure PowerShell tests on
// 2017-04-26 (TestCreateGetRemoveWebService): create (201 + async polling), get, list keys,
// remove (202 + polling), then get answering 404. Every request must match a recorded one by
// method and URI; every web service exchange of the recording must be used.
#include <boost/test/unit_test.hpp>

#include "error_printing.hpp"
#include "client/management_client.hpp"
#include "common/json.hpp"
#include "fake_time.hpp"
#include "recorded_session.hpp"

using namespace azml;
using namespace std::chrono;
using azml::test::FakeTime;
using azml::test::RecordedSession;

namespace {

const std::string kRecording =
    std::string(AZML_TEST_FIXTURES_DIR) + "/azure-powershell-recordings/TestCreateGetRemoveWebService.json";
const std::string kResourceGroup = "onesdk4711";
const std::string kServiceName = "onesdk3495";

struct RecordedFixture {
  FakeTime time;
  std::shared_ptr<RecordedSession> session = std::make_shared<RecordedSession>(
      kRecording, std::vector<std::string>{"Microsoft.MachineLearning/webServices", "operationsStatus"});

  client::ManagementClient make() {
    client::ManagementClientOptions options;
    options.endpoint = "https://management.azure.com";
    options.token = "recorded-test-token";
    options.subscription_id = session->variable("SubscriptionId");
    options.time = time.source();
    return client::ManagementClient(options, session);
  }

  std::string service_uri() const {
    return "/subscriptions/" + session->variable("SubscriptionId") + "/resourceGroups/" + kResourceGroup +
           "/providers/Microsoft.MachineLearning/webServices/" + kServiceName + "?api-version=2017-01-01";
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(recorded_session_tests, RecordedFixture)

BOOST_AUTO_TEST_CASE(create_get_keys_remove_replays_the_recorded_exchange) {
  BOOST_REQUIRE_EQUAL(session->entry_count(), 8u);
  auto client = make();
  const std::string definition = session->recorded_request_body("PUT", service_uri());

  // Create: PUT answered 201 + Azure-AsyncOperation, polled Provisioning then Succeeded, then GET.
  json created = json::parse(client.create_or_update(kResourceGroup, kServiceName, definition));
  BOOST_TEST(created["properties"]["provisioningState"] == "Succeeded");
  BOOST_TEST(created["properties"]["title"] == "Some title (new contract)");
  BOOST_TEST(time.sleeps().size() == 2u);

  json keys = json::parse(client.list_keys(kResourceGroup, kServiceName));
  BOOST_TEST(keys["primary"].get<std::string>().size() == 88u);
  BOOST_TEST(keys["secondary"].get<std::string>().size() == 88u);

  client.remove(kResourceGroup, kServiceName);

  BOOST_CHECK_EXCEPTION(client.get(kResourceGroup, kServiceName), Error, [](const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::NotFound);
    BOOST_TEST(e.http_status() == 404);
    BOOST_TEST(e.service_code() == "NotFound");
    BOOST_TEST(std::string(e.what()) == "The specified resource was not found.");
    BOOST_TEST(e.request_id() == "90597833-bf28-4252-9e9f-7a0c4aca8fb6");
    BOOST_REQUIRE_EQUAL(e.details().size(), 1u);
    BOOST_TEST(e.details()[0].code == "WebServiceNotFound");
    return true;
  });

  BOOST_TEST(session->unused().empty(), "unused recorded entries: " << session->unused().size());

  // The requests, in the order the client sent them.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"PUT", "/webServices/onesdk3495?"}, {"GET", "/operationsStatus/7ac22bb4"},
      {"GET", "/operationsStatus/7ac22bb4"}, {"GET", "/webServices/onesdk3495?"},
      {"GET", "/webServices/onesdk3495/listKeys?"}, {"DELETE", "/webServices/onesdk3495?"},
      {"GET", "/operationsStatus/e753f0f8"}, {"GET", "/webServices/onesdk3495?"}};
  auto sent = session->requests();
  BOOST_REQUIRE_EQUAL(sent.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST_CONTEXT("request " << i) {
      BOOST_TEST(sent[i].method == expected[i].first);
      BOOST_TEST(sent[i].url.find(expected[i].second) != std::string::npos);
      BOOST_TEST(sent[i].headers.get("Authorization").value() == "Bearer recorded-test-token");
      BOOST_TEST(sent[i].headers.has("x-ms-client-request-id"));
    }
  }
  BOOST_TEST(sent[0].body == definition);
  BOOST_TEST(sent[0].headers.get("Content-Type").value() == "application/json; charset=utf-8");
}

BOOST_AUTO_TEST_SUITE_END()
