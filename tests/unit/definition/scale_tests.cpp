// Large definitions: everything stays near-linear. Times are printed (--log_level=message),
// never asserted.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "sample_documents.hpp"

namespace azml::definition {
namespace {

// input -> asset node 1 -> ... -> asset node (n-2) -> output, with a skip edge every tenth node,
// a few parameters per node and 50 shared assets.
json large_web_service(int node_count) {
  json doc = json::parse(R"({"location": "West US", "properties": {"packageType": "Graph",
      "input": {"type": "object", "properties": {"input1": {"type": "object", "properties": {"x": {"type": "Number"}}}}},
      "output": {"type": "object", "properties": {"output1": {"type": "object", "properties": {"y": {"type": "Number"}}}}},
      "assets": {}, "package": {"nodes": {}, "edges": [], "graphParameters": {}}}})");
  auto& p = doc["properties"];
  for (int a = 0; a < 50; ++a) {
    p["assets"]["asset" + std::to_string(a)] = {
        {"name", "Module " + std::to_string(a)}, {"type", "Module"}, {"locationInfo", {{"uri", "aml://module/" + std::to_string(a)}}}};
  }
  auto& nodes = p["package"]["nodes"];
  auto& edges = p["package"]["edges"];
  auto node_id = [](int i) { return "node" + std::to_string(i); };
  nodes[node_id(0)] = {{"inputId", "input1"}};
  for (int i = 1; i < node_count - 1; ++i) {
    nodes[node_id(i)] = {{"assetId", "asset" + std::to_string(i % 50)},
                         {"parameters", {{"Column Set", {{"value", "all"}, {"certificateThumbprint", ""}}},
                                         {"Seed", {{"value", std::to_string(i)}, {"certificateThumbprint", ""}}},
                                         {"Mode", "Fast"}}}};
    if (i % 10 == 0) {
      p["package"]["graphParameters"]["seed" + std::to_string(i)] = {
          {"type", "Int"}, {"links", json::array({{{"nodeId", node_id(i)}, {"parameterKey", "Seed"}}})}};
    }
  }
  nodes[node_id(node_count - 1)] = {{"outputId", "output1"}};
  for (int i = 0; i + 1 < node_count; ++i) {
    edges.push_back({{"sourceNodeId", node_id(i)}, {"sourcePortId", "Results dataset"},
                     {"targetNodeId", node_id(i + 1)}, {"targetPortId", "Dataset1"}});
    if (i % 10 == 1 && i + 2 < node_count - 1) {
      edges.push_back({{"sourceNodeId", node_id(i)}, {"targetNodeId", node_id(i + 2)}, {"targetPortId", "Dataset2"}});
    }
  }
  return doc;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

BOOST_AUTO_TEST_SUITE(scale_tests)

BOOST_AUTO_TEST_CASE(a_5000_node_definition_round_trips) {
  const json doc = large_web_service(5000);
  auto start = std::chrono::steady_clock::now();
  const json normalized = normalize(doc, Purpose::Create);
  const double normalize_ms = milliseconds_since(start);

  start = std::chrono::steady_clock::now();
  const auto issues = validate(normalized, Purpose::Create);
  const double validate_ms = milliseconds_since(start);
  BOOST_TEST(issues.empty(), test::describe(issues));

  start = std::chrono::steady_clock::now();
  const std::string text = export_text(normalized);
  const double export_ms = milliseconds_since(start);

  start = std::chrono::steady_clock::now();
  const json imported = import_text(text);
  const double import_ms = milliseconds_since(start);

  // Baselines for reading the figures on a busy machine: a plain copy and a plain parse.
  start = std::chrono::steady_clock::now();
  const json copy = doc;
  const double copy_ms = milliseconds_since(start);
  start = std::chrono::steady_clock::now();
  const json parsed = json::parse(text);
  const double parse_ms = milliseconds_since(start);
  BOOST_TEST(copy == doc);
  BOOST_TEST(parsed.size() == 2u);

  BOOST_TEST(imported == test::without_read_only_and_nulls(normalized));
  BOOST_TEST(imported["properties"]["package"]["nodes"].size() == 5000u);
  BOOST_TEST_MESSAGE("5000 nodes, " << text.size() << " bytes: normalize " << normalize_ms << " ms, validate "
                                    << validate_ms << " ms, export " << export_ms << " ms, import " << import_ms
                                    << " ms (baseline: copy " << copy_ms << " ms, parse " << parse_ms << " ms)");
}

BOOST_AUTO_TEST_CASE(a_cycle_closing_a_5000_node_chain_is_found) {
  json doc = large_web_service(5000);
  // The output's predecessor feeds the first asset node back.
  doc["properties"]["package"]["edges"].push_back(
      {{"sourceNodeId", "node4998"}, {"targetNodeId", "node1"}, {"targetPortId", "Dataset2"}});
  const size_t closing_edge = doc["properties"]["package"]["edges"].size() - 1;
  const auto issues = validate(doc, Purpose::Create);
  BOOST_TEST_REQUIRE(issues.size() == 1u, test::describe(issues));
  BOOST_TEST(issues[0].path == "properties.package.edges[" + std::to_string(closing_edge) + "]");
  BOOST_TEST(issues[0].message.find("cycle") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_100000_node_chain_does_not_exhaust_the_stack) {
  json doc = json::parse(R"({"location": "x", "properties": {"packageType": "Graph", "assets": {
      "a": {"name": "a", "type": "Module", "locationInfo": {"uri": "aml://a"}}}, "package": {"nodes": {}, "edges": []}}})");
  auto& nodes = doc["properties"]["package"]["nodes"];
  auto& edges = doc["properties"]["package"]["edges"];
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    nodes["n" + std::to_string(i)] = {{"assetId", "a"}};
    if (i + 1 < n) edges.push_back({{"sourceNodeId", "n" + std::to_string(i)}, {"targetNodeId", "n" + std::to_string(i + 1)}});
  }
  auto start = std::chrono::steady_clock::now();
  const auto issues = validate(doc, Purpose::Create);
  BOOST_TEST(issues.empty(), test::describe(issues));
  BOOST_TEST_MESSAGE("100000-node chain validated in " << milliseconds_since(start) << " ms");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace azml::definition
