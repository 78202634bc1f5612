// validate(): tables of good documents and of bad ones, each bad one with the exact path reported.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

#include "sample_documents.hpp"

namespace azml::definition {
namespace {

using test::good_web_service;

json& props(json& d) { return d["properties"]; }
json& package(json& d) { return d["properties"]["package"]; }
json& nodes(json& d) { return d["properties"]["package"]["nodes"]; }
json& edges(json& d) { return d["properties"]["package"]["edges"]; }
json& age_column(json& d) { return d["properties"]["input"]["properties"]["input1"]["properties"]["age"]; }

const char* purpose_name(Purpose p) {
  switch (p) {
    case Purpose::Create: return "Create";
    case Purpose::Patch: return "Patch";
    case Purpose::Import: return "Import";
  }
  return "?";
}

struct GoodCase {
  const char* name;
  Purpose purpose;
  std::function<json()> make;
};

std::ostream& operator<<(std::ostream& os, const GoodCase& c) { return os << c.name << " (" << purpose_name(c.purpose) << ")"; }

json good_with(const std::function<void(json&)>& mutate) {
  json d = good_web_service();
  mutate(d);
  return d;
}

const std::vector<GoodCase> good_cases = {
    {"the sample", Purpose::Create, [] { return good_web_service(); }},
    {"the sample as a definition file", Purpose::Import, [] { return good_web_service(); }},
    {"a definition file without location", Purpose::Import,
     [] { return good_with([](json& d) { d.erase("location"); }); }},
    {"the smallest PUT body", Purpose::Create,
     [] { return json::parse(R"({"location": "West US", "properties": {"packageType": "graph"}})"); }},
    {"the PATCH example", Purpose::Patch,
     [] { return json::parse(R"({"location": "West US", "properties": {"title": "New", "packageType": "Graph"}})"); }},
    {"an empty patch", Purpose::Patch, [] { return json::object(); }},
    {"a patch of keys only", Purpose::Patch, [] { return json::parse(R"({"properties": {"keys": {"primary": "x"}}})"); }},
    {"a patch with a package and no assets", Purpose::Patch,
     [] {
       return json::parse(R"({"properties": {"package": {"nodes": {"n1": {"assetId": "stored-asset"}}, "edges": []}}})");
     }},
    {"maxConcurrentCalls 4", Purpose::Create,
     [] { return good_with([](json& d) { props(d)["realtimeConfiguration"]["maxConcurrentCalls"] = 4; }); }},
    {"maxConcurrentCalls 200", Purpose::Create,
     [] { return good_with([](json& d) { props(d)["realtimeConfiguration"]["maxConcurrentCalls"] = 200; }); }},
    {"an empty column format", Purpose::Create, [] { return good_with([](json& d) { age_column(d)["format"] = ""; }); }},
    {"a graph parameter without type", Purpose::Create,
     [] { return good_with([](json& d) { package(d)["graphParameters"]["gp"].erase("type"); }); }},
    {"string-valued 2016 parameters", Purpose::Create,
     [] {
       return good_with([](json& d) {
         props(d)["parameters"] = {{"category", "Trigonometric"}};
         nodes(d)["node2"]["parameters"] = {{"Category", "Trigonometric"}};
       });
     }},
    {"nulls in many places", Purpose::Create,
     [] {
       return good_with([](json& d) {
         props(d)["description"] = nullptr;
         props(d)["keys"] = nullptr;
         props(d)["exampleRequest"]["globalParameters"] = nullptr;
         nodes(d)["node1"]["assetId"] = nullptr;
         edges(d)[0]["sourcePortId"] = nullptr;
         package(d)["graphParameters"] = nullptr;
       });
     }},
    {"no input and output tables: node ids are not checked", Purpose::Create,
     [] {
       return good_with([](json& d) {
         props(d).erase("input");
         props(d).erase("output");
       });
     }},
    {"two edges into the same port (as production has)", Purpose::Create,
     [] {
       return good_with([](json& d) {
         edges(d).push_back({{"sourceNodeId", "node1"}, {"targetNodeId", "node2"}, {"targetPortId", "Dataset1"}});
       });
     }},
    {"a diamond is not a cycle", Purpose::Create,
     [] {
       return good_with([](json& d) {
         edges(d).push_back({{"sourceNodeId", "node1"}, {"targetNodeId", "node3"}, {"targetPortId", "Dataset"}});
       });
     }},
    {"read-only fields the service wrote", Purpose::Create,
     [] {
       return good_with([](json& d) {
         d["id"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearning/webServices/w";
         d["name"] = "w";
         d["type"] = "Microsoft.MachineLearning/webServices";
         props(d)["createdOn"] = "2017-04-26T17:08:47.9139511Z";
         props(d)["modifiedOn"] = "2017-04-26T17:08:56.600043+00:00";
         props(d)["provisioningState"] = "Succeeded";
         props(d)["swaggerLocation"] = "https://ussouthcentral.services.azureml.net/x/swagger.json";
       });
     }},
};

BOOST_AUTO_TEST_SUITE(validate_tests)

BOOST_DATA_TEST_CASE(good_documents_are_valid, boost::unit_test::data::make(good_cases), c) {
  const json normalized = normalize(c.make(), c.purpose);
  const auto issues = validate(normalized, c.purpose);
  BOOST_TEST(issues.empty(), "issues:" << test::describe(issues));
  BOOST_CHECK_NO_THROW(parse_and_check(c.make(), c.purpose));
}

struct BadCase {
  const char* name;
  Purpose purpose;
  std::function<void(json&)> mutate;
  const char* expected_path;
  const char* message_part;  // a piece of the message that says what is wrong
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name << " (" << purpose_name(c.purpose) << ")"; }

const std::vector<BadCase> bad_cases = {
    // required fields
    {"PUT without location", Purpose::Create, [](json& d) { d.erase("location"); }, "location", "required"},
    {"PUT with a null location", Purpose::Create, [](json& d) { d["location"] = nullptr; }, "location", "required"},
    {"PUT without properties", Purpose::Create, [](json& d) { d.erase("properties"); }, "properties", "required"},
    {"import without properties", Purpose::Import, [](json& d) { d.erase("properties"); }, "properties", "required"},
    {"PUT without packageType", Purpose::Create, [](json& d) { props(d).erase("packageType"); },
     "properties.packageType", "required"},
    {"import without packageType", Purpose::Import, [](json& d) { props(d).erase("packageType"); },
     "properties.packageType", "required"},
    {"diagnostics without level", Purpose::Create, [](json& d) { props(d)["diagnostics"].erase("level"); },
     "properties.diagnostics.level", "required"},
    {"asset without locationInfo", Purpose::Create, [](json& d) { props(d)["assets"]["asset1"].erase("locationInfo"); },
     "properties.assets.asset1.locationInfo", "required"},
    {"asset location without uri", Purpose::Create,
     [](json& d) { props(d)["assets"]["asset1"]["locationInfo"].erase("uri"); },
     "properties.assets.asset1.locationInfo.uri", "required"},
    {"asset without name", Purpose::Create, [](json& d) { props(d)["assets"]["asset2"].erase("name"); },
     "properties.assets.asset2.name", "required"},
    {"workspace without id", Purpose::Create, [](json& d) { props(d)["machineLearningWorkspace"].erase("id"); },
     "properties.machineLearningWorkspace.id", "required"},
    {"input spec without properties", Purpose::Create, [](json& d) { props(d)["input"].erase("properties"); },
     "properties.input.properties", "required"},
    {"column without type", Purpose::Create, [](json& d) { age_column(d).erase("type"); },
     "properties.input.properties.input1.properties.age.type", "required"},
    {"graph parameter without links", Purpose::Create, [](json& d) { package(d)["graphParameters"]["gp"].erase("links"); },
     "properties.package.graphParameters.gp.links", "required"},
    {"graph parameter link without parameterKey", Purpose::Create,
     [](json& d) { package(d)["graphParameters"]["gp"]["links"][0].erase("parameterKey"); },
     "properties.package.graphParameters.gp.links[0].parameterKey", "required"},
    // wrong types
    {"title is a number", Purpose::Create, [](json& d) { props(d)["title"] = 42; }, "properties.title", "string"},
    {"a patch with a title that is a number", Purpose::Patch,
     [](json& d) { d = json::parse(R"({"properties": {"title": 5}})"); }, "properties.title", "string"},
    {"exposeSampleData is an object", Purpose::Create, [](json& d) { props(d)["exposeSampleData"] = json::object(); },
     "properties.exposeSampleData", "boolean"},
    {"assets is an array", Purpose::Create, [](json& d) { props(d)["assets"] = json::array(); },
     "properties.assets", "object"},
    // enums
    {"packageType is not Graph", Purpose::Create, [](json& d) { props(d)["packageType"] = "Code"; },
     "properties.packageType", "Graph"},
    {"a patch with packageType Code", Purpose::Patch,
     [](json& d) { d = json::parse(R"({"properties": {"packageType": "Code"}})"); }, "properties.packageType", "Graph"},
    {"asset type is unknown", Purpose::Create, [](json& d) { props(d)["assets"]["asset1"]["type"] = "Widget"; },
     "properties.assets.asset1.type", "Module, Resource"},
    {"column type is unknown", Purpose::Create, [](json& d) { age_column(d)["type"] = "Text"; },
     "properties.input.properties.input1.properties.age.type", "Boolean"},
    {"column format is unknown", Purpose::Create, [](json& d) { age_column(d)["format"] = "Int128"; },
     "properties.input.properties.input1.properties.age.format", "Int32"},
    {"diagnostics level is unknown", Purpose::Create, [](json& d) { props(d)["diagnostics"]["level"] = "Verbose"; },
     "properties.diagnostics.level", "None, Error, All"},
    {"graph parameter type is unknown", Purpose::Create,
     [](json& d) { package(d)["graphParameters"]["gp"]["type"] = "Number"; },
     "properties.package.graphParameters.gp.type", "ColumnPicker"},
    // ranges and formats
    {"maxConcurrentCalls 3", Purpose::Create, [](json& d) { props(d)["realtimeConfiguration"]["maxConcurrentCalls"] = 3; },
     "properties.realtimeConfiguration.maxConcurrentCalls", "between 4 and 200"},
    {"maxConcurrentCalls 201", Purpose::Create,
     [](json& d) { props(d)["realtimeConfiguration"]["maxConcurrentCalls"] = 201; },
     "properties.realtimeConfiguration.maxConcurrentCalls", "between 4 and 200"},
    {"maxConcurrentCalls 0 in a patch", Purpose::Patch,
     [](json& d) { d = json::parse(R"({"properties": {"realtimeConfiguration": {"maxConcurrentCalls": 0}}})"); },
     "properties.realtimeConfiguration.maxConcurrentCalls", "between 4 and 200"},
    {"diagnostics expiry is not a date", Purpose::Create, [](json& d) { props(d)["diagnostics"]["expiry"] = "tomorrow"; },
     "properties.diagnostics.expiry", "ISO 8601"},
    {"diagnostics expiry has month 13", Purpose::Create,
     [](json& d) { props(d)["diagnostics"]["expiry"] = "2030-13-01T00:00:00Z"; }, "properties.diagnostics.expiry",
     "ISO 8601"},
    // graph integrity
    {"node with assetId and inputId", Purpose::Create, [](json& d) { nodes(d)["node2"]["inputId"] = "input1"; },
     "properties.package.nodes.node2", "exactly one"},
    {"node with none of assetId, inputId, outputId", Purpose::Create, [](json& d) { nodes(d)["node2"].erase("assetId"); },
     "properties.package.nodes.node2", "exactly one"},
    {"node naming a missing asset", Purpose::Create, [](json& d) { nodes(d)["node2"]["assetId"] = "asset9"; },
     "properties.package.nodes.node2.assetId", "asset9"},
    {"node naming an asset when there are no assets", Purpose::Create,
     [](json& d) {
       props(d).erase("assets");
       nodes(d).erase("node3");
       edges(d).erase(1);
       edges(d).erase(1);
     },
     "properties.package.nodes.node2.assetId", "asset1"},
    {"node naming a missing input", Purpose::Create, [](json& d) { nodes(d)["node1"]["inputId"] = "input9"; },
     "properties.package.nodes.node1.inputId", "input9"},
    {"node naming a missing output", Purpose::Create, [](json& d) { nodes(d)["node4"]["outputId"] = "output9"; },
     "properties.package.nodes.node4.outputId", "output9"},
    {"edge from a missing node", Purpose::Create, [](json& d) { edges(d)[0]["sourceNodeId"] = "node9"; },
     "properties.package.edges[0].sourceNodeId", "node9"},
    {"edge to a missing node", Purpose::Create, [](json& d) { edges(d)[1]["targetNodeId"] = "node9"; },
     "properties.package.edges[1].targetNodeId", "node9"},
    {"edge without target", Purpose::Create, [](json& d) { edges(d)[2].erase("targetNodeId"); },
     "properties.package.edges[2].targetNodeId", "target"},
    {"edge into an input node", Purpose::Create,
     [](json& d) {
       nodes(d)["node5"] = {{"inputId", "input1"}};
       edges(d).push_back({{"sourceNodeId", "node2"}, {"sourcePortId", "Results dataset"}, {"targetNodeId", "node5"}});
     },
     "properties.package.edges[3].targetNodeId", "input node"},
    {"edge out of an output node", Purpose::Create,
     [](json& d) {
       nodes(d)["node6"] = {{"outputId", "output1"}};
       edges(d).push_back({{"sourceNodeId", "node6"}, {"targetNodeId", "node3"}, {"targetPortId", "Dataset"}});
     },
     "properties.package.edges[3].sourceNodeId", "output node"},
    {"edge into a port the asset does not declare", Purpose::Create,
     [](json& d) { edges(d)[1]["targetPortId"] = "Model"; }, "properties.package.edges[1].targetPortId", "Model"},
    {"edge out of a port the asset does not declare", Purpose::Create,
     [](json& d) { edges(d)[2]["sourcePortId"] = "Scores"; }, "properties.package.edges[2].sourcePortId", "Scores"},
    {"graph parameter link to a missing node", Purpose::Create,
     [](json& d) { package(d)["graphParameters"]["gp"]["links"][0]["nodeId"] = "node9"; },
     "properties.package.graphParameters.gp.links[0].nodeId", "node9"},
    {"a cycle", Purpose::Create,
     [](json& d) {
       edges(d).push_back(
           {{"sourceNodeId", "node3"}, {"sourcePortId", "Scored dataset"}, {"targetNodeId", "node2"}});
     },
     "properties.package.edges[3]", "node2 -> node3 -> node2"},
    {"a self loop", Purpose::Create,
     [](json& d) { edges(d).push_back({{"sourceNodeId", "node2"}, {"targetNodeId", "node2"}}); },
     "properties.package.edges[3]", "cycle"},
    {"a cycle in a patch", Purpose::Patch,
     [](json& d) {
       d = json::parse(R"({"properties": {"package": {"nodes": {"a": {"assetId": "x"}, "b": {"assetId": "y"}},
                          "edges": [{"sourceNodeId": "a", "targetNodeId": "b"}, {"sourceNodeId": "b", "targetNodeId": "a"}]}}})");
     },
     "properties.package.edges[1]", "a -> b -> a"},
};

BOOST_DATA_TEST_CASE(bad_documents_report_the_exact_path, boost::unit_test::data::make(bad_cases), c) {
  json doc = good_web_service();
  c.mutate(doc);
  const auto issues = validate(doc, c.purpose);
  BOOST_TEST_REQUIRE(issues.size() == 1u, "issues:" << test::describe(issues));
  BOOST_TEST(issues[0].path == c.expected_path);
  BOOST_TEST(issues[0].message.find(c.message_part) != std::string::npos, "message: " << issues[0].message);

  try {
    parse_and_check(doc, c.purpose);
    BOOST_FAIL("parse_and_check accepted the document");
  } catch (const Error& e) {
    BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
    BOOST_TEST(e.target() == c.expected_path);
    BOOST_TEST(std::string(e.what()) == std::string(c.expected_path) + ": " + issues[0].message);
  }
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_not_only_the_first) {
  json doc = good_web_service();
  doc.erase("location");
  props(doc)["packageType"] = "Code";
  nodes(doc)["node2"]["assetId"] = "asset9";
  edges(doc)[0]["targetNodeId"] = "node9";
  const auto issues = validate(doc, Purpose::Create);
  const auto paths = test::issue_paths(issues);
  // Shape and rule problems in document order (an object's missing fields after its members),
  // then the graph's.
  const std::vector<std::string> expected = {"properties.packageType", "location",
                                             "properties.package.nodes.node2.assetId",
                                             "properties.package.edges[0].targetNodeId"};
  BOOST_TEST(paths == expected, test::describe(issues));
}

BOOST_AUTO_TEST_CASE(validate_reads_pascal_case_documents_too) {
  const json doc = json::parse(R"({"Location": "x", "Properties": {"PackageType": "Graph",
      "Package": {"Nodes": {"n1": {"AssetId": "missing"}}}}})");
  const auto issues = validate(doc, Purpose::Create);
  BOOST_TEST_REQUIRE(issues.size() == 1u, test::describe(issues));
  BOOST_TEST(issues[0].path == "properties.package.nodes.n1.assetId");
}

BOOST_AUTO_TEST_CASE(a_long_cycle_is_reported_briefly) {
  json doc = json::parse(R"({"location": "x", "properties": {"packageType": "Graph", "assets": {
      "a": {"name": "a", "type": "Module", "locationInfo": {"uri": "aml://a"}}}, "package": {"nodes": {}, "edges": []}}})");
  auto& graph = doc["properties"]["package"];
  const int n = 1000;
  for (int i = 0; i < n; ++i) {
    graph["nodes"]["n" + std::to_string(i)] = {{"assetId", "a"}};
    graph["edges"].push_back({{"sourceNodeId", "n" + std::to_string(i)}, {"targetNodeId", "n" + std::to_string((i + 1) % n)}});
  }
  const auto issues = validate(doc, Purpose::Create);
  BOOST_TEST_REQUIRE(issues.size() == 1u, test::describe(issues));
  BOOST_TEST(issues[0].path.rfind("properties.package.edges[", 0) == 0u);
  BOOST_TEST(issues[0].message.size() < 300u, issues[0].message);
  BOOST_TEST(issues[0].message.find("more") != std::string::npos, issues[0].message);
}

BOOST_AUTO_TEST_CASE(invalid_definition_builds_one_error_from_all_issues) {
  const Error e = invalid_definition({{"properties.title", "expected a string, got an integer"},
                                      {"location", "WebService.location is required"}});
  BOOST_TEST((e.code() == ErrorCode::Invalid), "error code " << to_string(e.code()));
  BOOST_TEST(std::string(e.what()) == "properties.title: expected a string, got an integer");
  BOOST_TEST(e.target() == "properties.title");
  BOOST_TEST_REQUIRE(e.details().size() == 2u);
  BOOST_TEST(e.details()[1].target == "location");
  BOOST_TEST(e.details()[1].message == "location: WebService.location is required");
  BOOST_TEST(!e.details()[0].code.empty());
}

BOOST_AUTO_TEST_CASE(api_versions) {
  BOOST_TEST((parse_api_version("2017-01-01") == ApiVersion::V2017_01_01));
  BOOST_TEST((parse_api_version("2016-05-01-preview") == ApiVersion::V2016_05_01_Preview));
  BOOST_TEST((parse_api_version("2016-05-01-PREVIEW") == ApiVersion::V2016_05_01_Preview));
  BOOST_TEST(!parse_api_version("2018-01-01").has_value());
  BOOST_TEST(!parse_api_version("").has_value());
  BOOST_TEST(std::string(to_string(ApiVersion::V2017_01_01)) == "2017-01-01");
  BOOST_TEST(std::string(to_string(ApiVersion::V2016_05_01_Preview)) == "2016-05-01-preview");
}

BOOST_AUTO_TEST_CASE(read_only_fields) {
  for (const char* f : {"id", "name", "type"}) BOOST_TEST(is_read_only_resource_field(f), f);
  for (const char* f : {"location", "tags", "properties", "Id"}) BOOST_TEST(!is_read_only_resource_field(f), f);
  for (const char* f : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) {
    BOOST_TEST(is_read_only_property_field(f), f);
  }
  for (const char* f : {"keys", "storageAccount", "commitmentPlan", "title", "readOnly"}) {
    BOOST_TEST(!is_read_only_property_field(f), f);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
