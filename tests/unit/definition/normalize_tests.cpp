// normalize(): casing, data keys, unknown fields, enum spelling, coercions and shape errors.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "sample_documents.hpp"

namespace azml::definition {
namespace {

using test::good_web_service;

BOOST_AUTO_TEST_SUITE(normalize_tests)

BOOST_AUTO_TEST_CASE(pascal_case_keys_become_camel_case_and_data_keys_stay) {
  const json pascal = json::parse(R"({
    "Location": "West US",
    "Tags": {"Env": "Prod"},
    "Properties": {
      "Title": "t",
      "ReadOnly": false,
      "RealtimeConfiguration": {"MaxConcurrentCalls": 8},
      "Diagnostics": {"Level": "All"},
      "PackageType": "Graph",
      "Keys": {"Primary": "a", "Secondary": "b"},
      "Assets": {"Asset1": {"Name": "Import Data", "Type": "Module",
                            "LocationInfo": {"Uri": "aml://module/x", "Credentials": ""},
                            "InputPorts": {"Dataset1": {"Type": "Dataset"}},
                            "Metadata": {"Some Key": "v"}}},
      "Input": {"Type": "object", "Properties": {"Input1": {"Type": "object",
                "Properties": {"Age": {"Type": "Integer", "Format": "Int32", "X-MS-IsNullable": true}}}}},
      "ExampleRequest": {"Inputs": {"Input1": [[1]]}, "GlobalParameters": {"Some Param": 1}},
      "Parameters": {"R Script": {"Value": "x", "CertificateThumbprint": ""}},
      "Package": {
        "Nodes": {"Node1": {"InputId": "Input1"},
                  "Node2": {"AssetId": "Asset1", "Parameters": {"Account Key": {"Value": "k", "CertificateThumbprint": "t"}}}},
        "Edges": [{"SourceNodeId": "Node1", "TargetNodeId": "Node2", "TargetPortId": "Dataset1"}],
        "GraphParameters": {"Gp": {"Description": "d", "Type": "String",
                                   "Links": [{"NodeId": "Node2", "ParameterKey": "Account Key"}]}}
      }
    }
  })");
  const json expected = json::parse(R"({
    "location": "West US",
    "tags": {"Env": "Prod"},
    "properties": {
      "title": "t",
      "readOnly": false,
      "realtimeConfiguration": {"maxConcurrentCalls": 8},
      "diagnostics": {"level": "All"},
      "packageType": "Graph",
      "keys": {"primary": "a", "secondary": "b"},
      "assets": {"Asset1": {"name": "Import Data", "type": "Module",
                            "locationInfo": {"uri": "aml://module/x", "credentials": ""},
                            "inputPorts": {"Dataset1": {"type": "Dataset"}},
                            "metadata": {"Some Key": "v"}}},
      "input": {"type": "object", "properties": {"Input1": {"type": "object",
                "properties": {"Age": {"type": "Integer", "format": "Int32", "x-ms-isnullable": true}}}}},
      "exampleRequest": {"inputs": {"Input1": [[1]]}, "globalParameters": {"Some Param": 1}},
      "parameters": {"R Script": {"value": "x", "certificateThumbprint": ""}},
      "package": {
        "nodes": {"Node1": {"inputId": "Input1"},
                  "Node2": {"assetId": "Asset1", "parameters": {"Account Key": {"value": "k", "certificateThumbprint": "t"}}}},
        "edges": [{"sourceNodeId": "Node1", "targetNodeId": "Node2", "targetPortId": "Dataset1"}],
        "graphParameters": {"Gp": {"description": "d", "type": "String",
                                   "links": [{"nodeId": "Node2", "parameterKey": "Account Key"}]}}
      }
    }
  })");
  const json normalized = normalize(pascal, Purpose::Create);
  BOOST_TEST(normalized == expected, "got " << normalized.dump(2));
  BOOST_TEST(validate(normalized, Purpose::Create).empty(), test::describe(validate(normalized, Purpose::Create)));
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_kept_and_not_looked_into) {
  json doc = good_web_service();
  doc["Etag"] = "W/\"1\"";
  doc["Sku"] = {{"Name", "S1"}, {"Tier", nullptr}};
  doc["properties"]["CustomThing"] = {{"Title", 1}, {"PackageType", "not checked"}};
  doc["properties"]["package"]["nodes"]["node2"]["Position"] = {{"X", 10}, {"Y", 20}};
  doc["properties"]["assets"]["asset1"]["locationInfo"]["Sas"] = "?sv=1";

  const json normalized = normalize(doc, Purpose::Create);
  BOOST_TEST(normalized["Etag"] == doc["Etag"]);
  BOOST_TEST(normalized["Sku"] == doc["Sku"]);
  BOOST_TEST(normalized["properties"]["CustomThing"] == doc["properties"]["CustomThing"]);
  BOOST_TEST(normalized["properties"]["package"]["nodes"]["node2"]["Position"] ==
             doc["properties"]["package"]["nodes"]["node2"]["Position"]);
  BOOST_TEST(normalized["properties"]["assets"]["asset1"]["locationInfo"]["Sas"] == "?sv=1");
  BOOST_TEST(validate(normalized, Purpose::Create).empty());
}

BOOST_AUTO_TEST_CASE(enum_values_take_the_schema_spelling) {
  json doc = good_web_service();
  auto& p = doc["properties"];
  p["packageType"] = "graph";
  p["diagnostics"]["level"] = "ERROR";
  p["assets"]["asset1"]["type"] = "module";
  p["input"]["properties"]["input1"]["properties"]["age"]["type"] = "integer";
  p["input"]["properties"]["input1"]["properties"]["age"]["format"] = "INT64";
  p["package"]["graphParameters"]["gp"]["type"] = "columnpicker";
  p["provisioningState"] = "succeeded";

  const json n = normalize(doc, Purpose::Create);
  const auto& np = n["properties"];
  BOOST_TEST(np["packageType"] == "Graph");
  BOOST_TEST(np["diagnostics"]["level"] == "Error");
  BOOST_TEST(np["assets"]["asset1"]["type"] == "Module");
  BOOST_TEST(np["input"]["properties"]["input1"]["properties"]["age"]["type"] == "Integer");
  BOOST_TEST(np["input"]["properties"]["input1"]["properties"]["age"]["format"] == "Int64");
  BOOST_TEST(np["package"]["graphParameters"]["gp"]["type"] == "ColumnPicker");
  BOOST_TEST(np["provisioningState"] == "Succeeded");
}

BOOST_AUTO_TEST_CASE(values_outside_an_enum_are_left_for_validate) {
  json doc = good_web_service();
  doc["properties"]["packageType"] = "Code";
  doc["properties"]["provisioningState"] = "Deleting";  // read-only, the service's own value
  const json n = normalize(doc, Purpose::Create);
  BOOST_TEST(n["properties"]["packageType"] == "Code");
  BOOST_TEST(n["properties"]["provisioningState"] == "Deleting");
  const auto issues = validate(n, Purpose::Create);
  BOOST_TEST_REQUIRE(issues.size() == 1u, test::describe(issues));
  BOOST_TEST(issues[0].path == "properties.packageType");
}

BOOST_AUTO_TEST_CASE(parameters_keep_the_form_they_were_given_in) {
  json doc = good_web_service();
  auto& p = doc["properties"];
  p["parameters"] = {{"category", "Trigonometric"},  // 2016-05-01-preview: a string
                     {"Secret", {{"Value", {{"Inner Key", 1}}}, {"CertificateThumbprint", "AB"}}},
                     {"Plain", {{"value", 5}}}};
  p["package"]["nodes"]["node2"]["parameters"] = {{"Column Set", "{\"isFilter\":true}"}};

  const json n = normalize(doc, Purpose::Create);
  BOOST_TEST(n["properties"]["parameters"]["category"] == "Trigonometric");
  BOOST_TEST(n["properties"]["parameters"]["Secret"] ==
             json::parse(R"({"value": {"Inner Key": 1}, "certificateThumbprint": "AB"})"));
  BOOST_TEST(n["properties"]["parameters"]["Plain"] == json::parse(R"({"value": 5})"));
  BOOST_TEST(n["properties"]["package"]["nodes"]["node2"]["parameters"]["Column Set"] == "{\"isFilter\":true}");
}

BOOST_AUTO_TEST_CASE(strings_holding_booleans_and_numbers_are_read_as_json_net_reads_them) {
  json doc = good_web_service();
  doc["properties"]["readOnly"] = "false";
  doc["properties"]["exposeSampleData"] = "TRUE";
  doc["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] = "20";
  doc["properties"]["payloadsInBlobStorage"] = "False";
  const json n = normalize(doc, Purpose::Create);
  BOOST_TEST(n["properties"]["readOnly"] == false);
  BOOST_TEST(n["properties"]["exposeSampleData"] == true);
  BOOST_TEST(n["properties"]["payloadsInBlobStorage"] == false);
  BOOST_TEST(n["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] == 20);
  BOOST_TEST(n["properties"]["realtimeConfiguration"]["maxConcurrentCalls"].is_number_integer());

  doc["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] = 20.0;
  BOOST_TEST(normalize(doc, Purpose::Create)["properties"]["realtimeConfiguration"]["maxConcurrentCalls"]
                 .is_number_integer());
}

BOOST_AUTO_TEST_CASE(nulls_are_accepted_anywhere_and_kept) {
  json doc = good_web_service();
  doc["tags"]["empty"] = nullptr;
  doc["properties"]["description"] = nullptr;
  doc["properties"]["commitmentPlan"] = nullptr;
  doc["properties"]["exampleRequest"]["globalParameters"] = nullptr;
  doc["properties"]["package"]["nodes"]["node2"]["outputId"] = nullptr;
  doc["properties"]["package"]["edges"][0]["sourcePortId"] = nullptr;
  const json n = normalize(doc, Purpose::Create);
  BOOST_TEST(n["properties"]["description"].is_null());
  BOOST_TEST(n["properties"].contains("commitmentPlan"));
  BOOST_TEST(n["tags"].contains("empty"));
  BOOST_TEST(validate(n, Purpose::Create).empty(), test::describe(validate(n, Purpose::Create)));
}

BOOST_AUTO_TEST_CASE(normalize_is_idempotent) {
  const json once = normalize(good_web_service(), Purpose::Create);
  BOOST_TEST(normalize(once, Purpose::Create) == once);
  BOOST_TEST(once == good_web_service());  // the sample is already in normal form
}

// --- documents normalize() refuses: a value of the wrong JSON type, named by its path.

struct ShapeCase {
  const char* name;
  std::function<void(json&)> mutate;
  const char* expected_path;
};

std::ostream& operator<<(std::ostream& os, const ShapeCase& c) { return os << c.name; }

const std::vector<ShapeCase> shape_cases = {
    {"title is a number", [](json& d) { d["properties"]["title"] = 42; }, "properties.title"},
    {"readOnly is not a boolean", [](json& d) { d["properties"]["readOnly"] = "maybe"; }, "properties.readOnly"},
    {"edges is an object", [](json& d) { d["properties"]["package"]["edges"] = json::object(); },
     "properties.package.edges"},
    {"nodes is an array", [](json& d) { d["properties"]["package"]["nodes"] = json::array(); },
     "properties.package.nodes"},
    {"a tag value is a number", [](json& d) { d["tags"]["env"] = 5; }, "tags.env"},
    {"a global parameter is a number", [](json& d) { d["properties"]["parameters"]["Account Key"] = 5; },
     "properties.parameters.Account Key"},
    {"a node parameter is an array",
     [](json& d) { d["properties"]["package"]["nodes"]["node2"]["parameters"]["R Script"] = json::array(); },
     "properties.package.nodes.node2.parameters.R Script"},
    {"maxConcurrentCalls is a word",
     [](json& d) { d["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] = "many"; },
     "properties.realtimeConfiguration.maxConcurrentCalls"},
    {"maxConcurrentCalls is a fraction",
     [](json& d) { d["properties"]["realtimeConfiguration"]["maxConcurrentCalls"] = 4.5; },
     "properties.realtimeConfiguration.maxConcurrentCalls"},
    {"example rows are a string", [](json& d) { d["properties"]["exampleRequest"]["inputs"]["input1"] = "rows"; },
     "properties.exampleRequest.inputs.input1"},
    {"an example row is a number", [](json& d) { d["properties"]["exampleRequest"]["inputs"]["input1"][1] = 5; },
     "properties.exampleRequest.inputs.input1[1]"},
    {"an edge is a string", [](json& d) { d["properties"]["package"]["edges"][1] = "edge"; },
     "properties.package.edges[1]"},
    {"a nested module parameter name is a number",
     [](json& d) {
       d["properties"]["assets"]["asset2"]["parameters"][0]["modeValuesInfo"]["Fast"]["parameters"][0]["name"] = 7;
     },
     "properties.assets.asset2.parameters[0].modeValuesInfo.Fast.parameters[0].name"},
    {"a column type is a number",
     [](json& d) { d["properties"]["input"]["properties"]["input1"]["properties"]["age"]["type"] = 5; },
     "properties.input.properties.input1.properties.age.type"},
    {"a field is given twice in different casing", [](json& d) { d["properties"]["Title"] = "again"; },
     "properties.title"},
    {"properties is a string", [](json& d) { d["properties"] = "none"; }, "properties"},
    {"the document is an array", [](json& d) { d = json::array(); }, ""},
    {"a date-time is a number", [](json& d) { d["properties"]["createdOn"] = 2017; }, "properties.createdOn"},
};

BOOST_DATA_TEST_CASE(a_value_of_the_wrong_type_is_refused_with_its_path, boost::unit_test::data::make(shape_cases),
                     c) {
  json doc = good_web_service();
  c.mutate(doc);
  try {
    normalize(doc, Purpose::Create);
    BOOST_FAIL("normalize accepted the document");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    BOOST_TEST(e.target() == c.expected_path);
    BOOST_TEST_REQUIRE(e.details().size() == 1u);
    BOOST_TEST(e.details()[0].target == c.expected_path);
    BOOST_TEST(std::string(e.what()).find(c.expected_path) != std::string::npos, e.what());
  }
  const auto issues = validate(doc, Purpose::Create);
  BOOST_TEST_REQUIRE(issues.size() == 1u, test::describe(issues));
  BOOST_TEST(issues[0].path == c.expected_path);
}

BOOST_AUTO_TEST_CASE(every_shape_problem_is_listed) {
  json doc = good_web_service();
  doc["properties"]["title"] = 1;
  doc["properties"]["description"] = 2;
  try {
    normalize(doc, Purpose::Create);
    BOOST_FAIL("normalize accepted the document");
  } catch (const Error& e) {
    BOOST_TEST(e.details().size() == 2u);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
