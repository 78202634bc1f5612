// The request-response service as a client sees it (contract §4.1, §4.2).
#include <boost/test/unit_test.hpp>

#include "scoring_support.hpp"

using azml::test::json;
using azml::test::TestRequest;
using azml::test::TestResponse;

namespace {

struct ScoringFixture {
  std::unique_ptr<azml::test::LoopbackHttpServer> model_server = azml::test::serve_bytes(azml::test::boosted_tree_model());
  azml::test::ScoringHost scoring;
  std::string url;

  ScoringFixture() {
    auto created = scoring.put_service("scorer", azml::test::predictive_service(model_server->base_url() + "/models/bdt.ilearner"));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST_REQUIRE(created.json_body()["properties"]["provisioningState"] == "Succeeded", created.body);
    url = scoring.service_url("scorer");
  }

  TestResponse execute(const json& body, const std::string& query = "", const std::string& key = azml::test::kPrimaryKey) {
    return scoring.execute(url, body, query, key);
  }
};

json error_of(const TestResponse& response) { return response.json_body().at("error"); }

// The message of a 400 and the status, for checks that name what is wrong.
void check_bad_request(const TestResponse& response, std::initializer_list<const char*> fragments) {
  BOOST_TEST_REQUIRE(response.status == 400, response.body);
  const std::string message = error_of(response).at("message").get<std::string>();
  for (const char* fragment : fragments) {
    BOOST_TEST(message.find(fragment) != std::string::npos, "'" << fragment << "' not in: " << message);
  }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(rrs_api_tests, ScoringFixture)

BOOST_AUTO_TEST_CASE(table_form_with_details_returns_names_types_and_the_engines_scores) {
  auto response = execute(azml::test::table_request(5), "&details=true");
  BOOST_TEST_REQUIRE(response.status == 200, response.body);
  const json value = response.json_body().at("Results").at("output1");
  BOOST_TEST(value.at("type") == "table");
  BOOST_TEST(value.at("value").at("ColumnNames") == json::parse(R"(["Scored Labels","Scored Probabilities"])"));
  BOOST_TEST(value.at("value").at("ColumnTypes") == json::parse(R"(["String","Double"])"));
  BOOST_TEST(value.at("value").at("Values") == azml::test::expected_values(azml::test::boosted_tree_model(), 5));
  // Values are strings, as Azure's were.
  BOOST_TEST(value.at("value").at("Values").at(0).at(1).is_string());
}

BOOST_AUTO_TEST_CASE(table_form_without_details_returns_only_the_values) {
  auto response = execute(azml::test::table_request(3));
  BOOST_TEST_REQUIRE(response.status == 200, response.body);
  const json value = response.json_body().at("Results").at("output1").at("value");
  BOOST_TEST(!value.contains("ColumnNames"));
  BOOST_TEST(!value.contains("ColumnTypes"));
  BOOST_TEST(value.at("Values") == azml::test::expected_values(azml::test::boosted_tree_model(), 3));
}

BOOST_AUTO_TEST_CASE(swagger_form_takes_and_returns_row_objects) {
  auto response = execute(azml::test::swagger_request(4), "&format=swagger");
  BOOST_TEST_REQUIRE(response.status == 200, response.body);
  const json rows = response.json_body().at("Results").at("output1");
  const json expected = azml::test::expected_values(azml::test::boosted_tree_model(), 4);
  BOOST_TEST_REQUIRE(rows.is_array());
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  for (size_t row = 0; row < rows.size(); ++row) {
    BOOST_TEST(rows[row].at("Scored Labels") == expected[row][0]);
    BOOST_TEST(rows[row].at("Scored Probabilities") == expected[row][1]);
  }
}

BOOST_AUTO_TEST_CASE(both_url_shapes_reach_the_service_by_workspace_or_subscription) {
  const std::string service_id = url.substr(url.rfind('/') + 1);
  const std::string& endpoint = scoring.host().info().endpoint;
  for (const std::string& base : {endpoint + "/workspaces/" + azml::test::kWorkspaceId + "/services/" + service_id,
                                  endpoint + "/subscriptions/" + azml::test::kWorkspaceId + "/services/" + service_id,
                                  endpoint + "/workspaces/" + scoring.host().info().subscription_id + "/services/" + service_id,
                                  endpoint + "/subscriptions/" + scoring.host().info().subscription_id + "/services/" + service_id}) {
    auto response = scoring.execute(base, azml::test::table_request(1));
    BOOST_TEST(response.status == 200, base << ": " << response.body);
  }
  auto other_workspace = scoring.execute(endpoint + "/workspaces/another/services/" + service_id, azml::test::table_request(1));
  BOOST_TEST(other_workspace.status == 404);
  BOOST_TEST(error_of(other_workspace).at("code") == "WebServiceNotFound");
  auto unknown = scoring.execute(endpoint + "/workspaces/local/services/0123456789abcdef0123456789abcdef",
                                 azml::test::table_request(1));
  BOOST_TEST(unknown.status == 404);
}

BOOST_AUTO_TEST_CASE(calls_need_the_primary_or_secondary_key) {
  auto none = execute(azml::test::table_request(1), "", "");
  BOOST_TEST(none.status == 401);
  BOOST_TEST(none.header("www-authenticate").has_value());
  BOOST_TEST(error_of(none).at("code") == "AuthenticationFailed");

  auto wrong = execute(azml::test::table_request(1), "", "not-the-key");
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(error_of(wrong).at("code") == "InvalidAuthenticationToken");
  BOOST_TEST(wrong.body.find("not-the-key") == std::string::npos);

  TestRequest admin("POST", url + "/execute?api-version=2.0");
  admin.body = azml::test::table_request(1).dump();  // the admin token is not a service key
  BOOST_TEST(scoring.client().send(admin).status == 401);

  BOOST_TEST(execute(azml::test::table_request(1), "", azml::test::kSecondaryKey).status == 200);

  // New keys take effect with the update that sets them; the old ones stop working.
  auto patched = scoring.patch_service("scorer", json{{"properties", {{"keys", {{"primary", "rotated-primary"}}}}}});
  BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
  BOOST_TEST(execute(azml::test::table_request(1)).status == 401);
  BOOST_TEST(execute(azml::test::table_request(1), "", "rotated-primary").status == 200);
  BOOST_TEST(execute(azml::test::table_request(1), "", azml::test::kSecondaryKey).status == 200);
}

BOOST_AUTO_TEST_CASE(bad_requests_name_what_is_wrong_and_the_service_keeps_serving) {
  json wrong_count = azml::test::table_request(3);
  wrong_count["Inputs"]["input1"]["Values"][1].erase(4);
  check_bad_request(execute(wrong_count), {"input 'input1'", "row 2", "29 values for 30 columns"});

  json not_numeric = azml::test::table_request(3);
  not_numeric["Inputs"]["input1"]["Values"][2][0] = "abc";
  check_bad_request(execute(not_numeric), {"row 3", "'mean radius'", "abc"});

  json missing_column = azml::test::table_request(2);
  missing_column["Inputs"]["input1"]["ColumnNames"].erase(0);
  for (auto& row : missing_column["Inputs"]["input1"]["Values"]) row.erase(0);
  check_bad_request(execute(missing_column), {"'mean radius'", "required"});

  json unknown_column = azml::test::table_request(1);
  unknown_column["Inputs"]["input1"]["ColumnNames"].push_back("colour");
  unknown_column["Inputs"]["input1"]["Values"][0].push_back("red");
  check_bad_request(execute(unknown_column), {"'colour'", "not in the service's input schema"});

  check_bad_request(execute(json{{"GlobalParameters", json::object()}}), {"Inputs"});
  check_bad_request(execute(json{{"Inputs", json::object()}}), {"Inputs.input1 is required"});
  json extra = azml::test::table_request(1);
  extra["Inputs"]["input2"] = extra["Inputs"]["input1"];
  check_bad_request(execute(extra), {"input2", "not an input"});

  json swagger_bad = azml::test::swagger_request(2);
  swagger_bad["Inputs"]["input1"][1]["worst area"] = "lots";
  check_bad_request(execute(swagger_bad, "&format=swagger"), {"row 2", "'worst area'"});

  auto oversized = execute(azml::test::table_request(1001));
  check_bad_request(oversized, {"1001 rows", "at most 1000"});
  BOOST_TEST(error_of(oversized).at("details").at(0).at("code") == "BatchSizeExceeded");

  TestRequest malformed("POST", url + "/execute?api-version=2.0");
  malformed.body = "{\"Inputs\": ";
  malformed.authorization = std::string("Bearer ") + azml::test::kPrimaryKey;
  check_bad_request(scoring.client().send(malformed), {"not valid JSON"});

  TestRequest wrong_version("POST", url + "/execute?api-version=2014-01-01");
  wrong_version.body = azml::test::table_request(1).dump();
  wrong_version.authorization = std::string("Bearer ") + azml::test::kPrimaryKey;
  check_bad_request(scoring.client().send(wrong_version), {"api-version", "2.0"});
  check_bad_request(execute(azml::test::table_request(1), "&format=csv"), {"format"});

  auto good = execute(azml::test::table_request(2));
  BOOST_TEST(good.status == 200, good.body);
}

BOOST_AUTO_TEST_CASE(global_parameters_reach_the_linked_node_and_unknown_ones_are_refused) {
  json service = azml::test::predictive_service(model_server->base_url() + "/models/bdt.ilearner");
  service["properties"]["package"]["graphParameters"] = {
      {"Output columns",
       {{"type", "ColumnPicker"}, {"links", json::array({{{"nodeId", "node4"}, {"parameterKey", "Select columns"}}})}}}};
  BOOST_TEST_REQUIRE(scoring.put_service("scorer", service).status == 200);

  json request = azml::test::table_request(2);
  request["GlobalParameters"] = {{"Output columns", "Scored Labels"}};
  auto chosen = execute(request, "&details=true");
  BOOST_TEST_REQUIRE(chosen.status == 200, chosen.body);
  BOOST_TEST(chosen.json_body().at("Results").at("output1").at("value").at("ColumnNames") ==
             json::parse(R"(["Scored Labels"])"));
  // Without it, the node's own value applies.
  auto defaulted = execute(azml::test::table_request(2), "&details=true");
  BOOST_TEST(defaulted.json_body().at("Results").at("output1").at("value").at("ColumnNames").size() == 2u);

  request["GlobalParameters"] = {{"Threshold", "0.3"}};
  check_bad_request(execute(request), {"Threshold"});
  request["GlobalParameters"] = {{"Output columns", json::array({"Scored Labels"})}};
  check_bad_request(execute(request), {"GlobalParameters.Output columns", "string, a number or a boolean"});
}

BOOST_AUTO_TEST_CASE(swagger_location_serves_a_swagger_2_document_of_the_schema) {
  auto document = scoring.client().send(TestRequest("GET", url + "/swagger.json"));
  BOOST_TEST_REQUIRE(document.status == 200, document.body);
  const json swagger = document.json_body();
  BOOST_TEST(swagger.at("swagger") == "2.0");
  const std::string& endpoint = scoring.host().info().endpoint;
  BOOST_TEST(swagger.at("host") == endpoint.substr(endpoint.find("://") + 3));
  BOOST_TEST(url == endpoint + swagger.at("basePath").get<std::string>());
  const json& post = swagger.at("paths").at("/execute").at("post");
  BOOST_TEST(post.at("parameters").at(2).at("schema").at("$ref") == "#/definitions/ExecutionRequest");
  const json& row = swagger.at("definitions").at("input1Item").at("properties");
  BOOST_TEST(row.size() == 30u);
  BOOST_TEST(row.at("mean radius") == json::parse(R"({"type":"number","format":"double","x-ms-isnullable":false})"));
  BOOST_TEST(swagger.at("definitions").at("ExecutionRequest").at("properties").at("Inputs").at("properties")
                 .at("input1").at("items").at("$ref") == "#/definitions/input1Item");
  BOOST_TEST(swagger.at("definitions").contains("output1Item"));
}

BOOST_AUTO_TEST_CASE(a_deleted_service_is_not_found) {
  BOOST_TEST_REQUIRE(scoring.client().del(scoring.service_path("scorer")).status == 202);
  auto response = execute(azml::test::table_request(1));
  BOOST_TEST(response.status == 404);
  BOOST_TEST(error_of(response).at("code") == "WebServiceNotFound");
}

BOOST_AUTO_TEST_CASE(the_health_probe_answers_without_credentials) {
  TestRequest health("GET", "/health");
  health.authorization = std::string();
  auto response = scoring.client().send(health);
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.json_body().at("status") == "Healthy");
}

BOOST_AUTO_TEST_CASE(the_health_probe_takes_a_scoring_request_and_ignores_it) {
  // The benchmark's no-op route for the request a scoring call carries.
  TestRequest health("POST", "/health");
  health.body = azml::test::table_request(1).dump();
  health.authorization = "Bearer " + std::string(azml::test::kPrimaryKey);
  auto response = scoring.client().send(health);
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.json_body().at("status") == "Healthy");
}

BOOST_AUTO_TEST_SUITE_END()
