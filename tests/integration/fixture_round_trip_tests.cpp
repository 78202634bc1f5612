// Every web service body in the fixtures goes in with PUT, comes back from GET with nothing
// lost but the read-only and secret fields, and survives GET -> PATCH -> GET unchanged.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "compat_support.hpp"
#include "support/running_host.hpp"

using azml::test::json;
using azml::test::compat::describe;
using azml::test::compat::load_fixture;
using azml::test::compat::missing_from;

namespace {

// The web service body a fixture file holds.
struct FixtureBody {
  const char* description;
  json (*extract)();
};

std::ostream& operator<<(std::ostream& out, const FixtureBody& body) { return out << body.description; }

json recorded_put_body(const char* recording) {
  json session = load_fixture(std::string("azure-powershell-recordings/") + recording);
  for (const auto& entry : session["Entries"]) {
    const std::string uri = entry["RequestUri"];
    if (entry["RequestMethod"] == "PUT" && uri.find("/Microsoft.MachineLearning/webServices/") != std::string::npos) {
      return json::parse(entry["RequestBody"].get<std::string>());
    }
  }
  throw std::runtime_error(std::string("no web service PUT in ") + recording);
}

const FixtureBody kBodies[] = {
    {"EX-PUT request (createOrUpdatePayload)",
     [] { return load_fixture("arm-2017-01-01/putWebService.json")["parameters"]["createOrUpdatePayload"]; }},
    {"EX-PUT 201 response", [] { return load_fixture("arm-2017-01-01/putWebService.json")["responses"]["201"]["body"]; }},
    {"EX-GET response", [] { return load_fixture("arm-2017-01-01/getWebService.json")["responses"]["200"]["body"]; }},
    {"EX-PATCH response",
     [] { return load_fixture("arm-2017-01-01/patchWebService.json")["responses"]["200"]["body"]; }},
    {"EX-LISTRG first item",
     [] { return load_fixture("arm-2017-01-01/getWebServicesByResourceGroup.json")["responses"]["200"]["body"]["value"][0]; }},
    {"EX-LISTRG second item",
     [] { return load_fixture("arm-2017-01-01/getWebServicesByResourceGroup.json")["responses"]["200"]["body"]["value"][1]; }},
    {"EX-LISTSUB first item",
     [] { return load_fixture("arm-2017-01-01/getWebServicesBySubscriptionId.json")["responses"]["200"]["body"]["value"][0]; }},
    {"REC1 PUT request body", [] { return recorded_put_body("TestCreateGetRemoveWebService.json"); }},
    {"REC2 PUT request body", [] { return recorded_put_body("TestCreateAndGetRegionalProperties.json"); }},
    {"GraphWebServiceDefinition_Prod.json",
     [] { return load_fixture("azure-powershell-recordings/GraphWebServiceDefinition_Prod.json"); }},
    {"GraphWebServiceDefinition_Dogfood.json",
     [] { return load_fixture("azure-powershell-recordings/GraphWebServiceDefinition_Dogfood.json"); }},
};

// Not expected back from GET: read-only fields the host computes (the body's own values are
// ignored) and secrets GET never returns (contract §1.5).
const std::vector<std::string> kNotReturned = {
    "id",
    "name",
    "type",
    "properties.createdOn",
    "properties.modifiedOn",
    "properties.provisioningState",
    "properties.swaggerLocation",
    "properties.keys",
    "properties.commitmentPlan",
    "properties.storageAccount.key",
};

json without_read_only_fields(json resource) {
  for (const char* field : {"id", "name", "type"}) resource.erase(field);
  for (const char* field : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) {
    resource["properties"].erase(field);
  }
  return resource;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fixture_round_trip_tests)

BOOST_DATA_TEST_CASE(fixture_bodies_round_trip_through_put_get_and_patch, boost::unit_test::data::make(kBodies),
                     fixture) {
  azml::test::RunningHost host(AZML_HOST_EXECUTABLE);
  auto& client = host.client();
  json body = fixture.extract();
  // As New-AzMlWebService does: the command line's location wins, and a definition file
  // without one gets it from there.
  if (!body.contains("location") && !body.contains("Location")) body["location"] = "South Central US";
  const std::string path = host.web_service_path("compat-rg", "compat-service");

  auto created = client.put(path, body);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  auto got = client.get(path);
  BOOST_TEST_REQUIRE(got.status == 200, got.body);
  const json first = got.json_body();

  auto lost = missing_from(body, first, kNotReturned);
  BOOST_TEST(lost.empty(), "lost or changed on the way through PUT and GET:" << describe(lost));
  BOOST_TEST(first["name"] == "compat-service");
  BOOST_TEST(first["type"] == "Microsoft.MachineLearning/webServices");
  BOOST_TEST(!first["properties"].contains("keys"));
  BOOST_TEST(!first["properties"].contains("commitmentPlan"));
  if (first["properties"].contains("storageAccount")) {
    BOOST_TEST(!first["properties"]["storageAccount"].contains("key"));
  }

  // Keys given on PUT come back unchanged from listKeys (REC1, PSTEST).
  auto keys = client.get(host.web_service_path("compat-rg", "compat-service/listKeys"));
  BOOST_TEST_REQUIRE(keys.status == 200);
  const json properties = body["properties"];
  for (const char* name : {"keys", "Keys"}) {
    if (properties.contains(name)) {
      auto sent_keys = missing_from(properties[name], keys.json_body(), {});
      BOOST_TEST(sent_keys.empty(), describe(sent_keys));
    }
  }

  // What GET returned, less its read-only fields, is a valid PATCH that changes nothing.
  auto patched = client.patch(path, without_read_only_fields(first));
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  json second = client.get(path).json_body();
  json first_compared = first;
  first_compared["properties"].erase("modifiedOn");
  second["properties"].erase("modifiedOn");
  BOOST_TEST(second == first_compared, "changed by GET -> PATCH -> GET:\n" << first_compared.dump(1) << "\n"
                                                                         << second.dump(1));
  BOOST_TEST(client.get(host.web_service_path("compat-rg", "compat-service/listKeys")).json_body() ==
             keys.json_body());
}

BOOST_AUTO_TEST_SUITE_END()
