// The fast paths of request-response scoring must give exactly what the general ones give (the
// same tables, to the bit, and the same response bytes), or step aside (nullopt) so the general
// ones decide. Every case here runs both and compares; the common shapes must take the fast path.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "definition/definition.hpp"
#include "engine/graph.hpp"
#include "handlers/responses.hpp"
#include "runtime/rrs_exchange.hpp"
#include "runtime/rrs_fast_request.hpp"
#include "runtime/rrs_response_text.hpp"

using azml::json;
using azml::engine::Column;
using azml::engine::ColumnType;
using azml::engine::Table;
using azml::host::runtime::RrsCall;
using azml::host::runtime::RrsFormat;
using azml::host::runtime::RrsOptions;

namespace {

constexpr size_t kMaxRows = 3;

// input1 (columns d: Number, i: Integer, s: String, b: Boolean) -> Select Columns (all) -> output1.
std::shared_ptr<const azml::engine::CompiledGraph> echo_graph() {
  static const auto graph = azml::engine::compile_graph(json::parse(R"({
    "packageType": "Graph",
    "assets": {"asset1": {"name": "Select Columns in Dataset", "type": "Module",
                          "locationInfo": {"uri": "aml://module/select-columns"}}},
    "parameters": {},
    "input": {"type": "object", "properties": {"input1": {"type": "object", "properties": {
      "d": {"type": "Number", "format": "Double"}, "i": {"type": "Integer", "format": "Int32"},
      "s": {"type": "String"}, "b": {"type": "Boolean"}}}}},
    "output": {"type": "object", "properties": {"output1": {"type": "object", "properties": {}}}},
    "package": {
      "nodes": {
        "node1": {"inputId": "input1"},
        "node2": {"assetId": "asset1", "parameters": {"Select columns": {"value":
          "{\"isFilter\":true,\"rules\":[{\"ruleType\":\"AllColumns\",\"exclude\":false}]}"}}},
        "node3": {"outputId": "output1"}
      },
      "edges": [
        {"sourceNodeId": "node1", "targetNodeId": "node2", "targetPortId": "Dataset"},
        {"sourceNodeId": "node2", "sourcePortId": "Results dataset", "targetNodeId": "node3"}
      ],
      "graphParameters": {}
    }
  })"), [](const std::string& uri) -> std::string { throw azml::Error(azml::ErrorCode::NotFound, uri); });
  return graph;
}

std::string describe(const Table& table) {
  std::string out;
  for (const auto& column : table.columns()) {
    out += column.name() + ":" + azml::engine::to_string(column.type()) + "[";
    for (size_t row = 0; row < column.size(); ++row) {
      if (row > 0) out += ",";
      if (column.is_missing(row)) {
        out += "missing";
      } else if (column.type() == ColumnType::String) {
        out += "'" + column.text(row) + "'";
      } else {
        char text[64];
        std::snprintf(text, sizeof text, "%a", column.number(row));
        out += text;
      }
    }
    out += "] ";
  }
  return out;
}

enum class Path { Fast, General };

// Reads `body` both ways; checks that a fast result equals the general one. Returns which path
// decided the call.
Path check_reads(const std::string& body) {
  const auto& graph = *echo_graph();
  std::optional<RrsCall> fast = azml::host::runtime::read_rrs_request_fast(body, graph, kMaxRows);
  std::optional<RrsCall> general;
  std::string general_error;
  try {
    general = azml::host::runtime::read_rrs_request(azml::definition::parse_json(body, "the request body"), graph,
                                                    RrsFormat::Table, kMaxRows);
  } catch (const azml::Error& e) {
    general_error = e.what();
  }
  // (Anything else escaping the general reader is a bug in it, which the test reports as such.)
  if (!fast) return Path::General;
  BOOST_TEST_REQUIRE(general.has_value(), "the fast path read a body the general one refuses (" << general_error
                                                                                                << "): " << body);
  BOOST_TEST(fast->global_parameters.empty());
  BOOST_TEST_REQUIRE(fast->inputs.size() == general->inputs.size());
  for (const auto& [name, table] : general->inputs) {
    BOOST_TEST_REQUIRE(fast->inputs.count(name) == 1u, name);
    BOOST_TEST(azml::engine::identical(fast->inputs.at(name), table),
               body << "\n  fast:    " << describe(fast->inputs.at(name)) << "\n  general: " << describe(table));
  }
  return Path::Fast;
}

std::string body_with(const std::string& d, const std::string& i, const std::string& s, const std::string& b) {
  return R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[[)" + d + "," + i + "," + s + "," + b +
         R"(]]}},"GlobalParameters":{}})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rrs_fast_path_tests)

BOOST_AUTO_TEST_CASE(common_bodies_take_the_fast_path_and_read_as_the_general_path_does) {
  BOOST_TEST((check_reads(body_with("1.5", "2", "\"x\"", "true")) == Path::Fast));
  BOOST_TEST((check_reads(R"({"Inputs":{"input1":{"ColumnNames":["b","s","i","d"],"Values":[[false,"a b",7,0.25],)"
                          R"([null,null,null,null],["True","","-3","1e3"]]}}})") == Path::Fast));
  BOOST_TEST((check_reads(" {\n \"GlobalParameters\" : null ,\t\"Inputs\":{\"input1\":{\"ColumnNames\":[\"d\",\"i\","
                          "\"s\",\"b\"],\r\n\"Values\":[]}} } \n") == Path::Fast));
}

BOOST_AUTO_TEST_CASE(every_value_in_every_column_type_reads_as_the_general_path_reads_it) {
  const std::vector<std::string> values = {
      "0", "-0", "0.0", "-0.0", "1", "-1", "1.5", "-1.25e+3", "1e2", "1E-2", "0.1", "123456789012345678",
      "1234567890123456789012", "9007199254740993", "18446744073709551616", "-9223372036854775809", "1e400",
      "-1e400", "1e-400", "-1e-400", "5e-324", "2147483647", "2147483648", "-2147483648", "-2147483649", "1.0",
      "3.5", "true", "false", "null", "\"\"", "\" \"", "\"1.5\"", "\" 2 \"", "\"+3\"", "\"-0\"", "\"1e2\"", "\"NaN\"",
      "\"nan\"", "\"inf\"", "\"-Infinity\"", "\"abc\"", "\"true\"", "\"FALSE\"", "\" true \"", "\"2147483648\"",
      "\"caf\xc3\xa9\"", "\"a\\nb\"", "\"a\\u0041\"", "01", "1.", ".5", "+1", "-", "1e", "[1]", "{}", "tru", "nul"};
  size_t fast = 0;
  for (const auto& value : values) {
    fast += check_reads(body_with(value, "1", "\"x\"", "true")) == Path::Fast;
    fast += check_reads(body_with("1", value, "\"x\"", "true")) == Path::Fast;
    fast += check_reads(body_with("1", "1", value, "true")) == Path::Fast;
    fast += check_reads(body_with("1", "1", "\"x\"", value)) == Path::Fast;
  }
  BOOST_TEST_MESSAGE(fast << " of " << 4 * values.size() << " bodies read on the fast path");
  BOOST_TEST(fast > values.size());
}

BOOST_AUTO_TEST_CASE(shapes_it_does_not_know_are_left_to_the_general_path) {
  const std::string row = R"([1,2,"x",true])";
  const std::vector<std::string> bodies = {
      "",
      "null",
      "[]",
      "\xEF\xBB\xBF" + body_with("1", "2", "\"x\"", "true"),
      body_with("1", "2", "\"x\"", "true") + " x",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]}},"GlobalParameters":{"p":1}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]}},"Other":1})",
      R"({"inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]}}})",
      R"({"Inputs":{"Input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]}}})",
      R"({"Inputs":{"input1":{"Values":[)" + row + R"(],"ColumnNames":["d","i","s","b"]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s"],"Values":[[1,2,"x"]]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b","e"],"Values":[[1,2,"x",true,1]]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","d"],"Values":[[1,2,"x",1]]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[[1,2,"x"]]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + "," + row + "," + row + "," + row +
          R"(]}}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]},"input2":{}}})",
      R"({"Inputs":{}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(]}},"Inputs":{}})",
      R"({"GlobalParameters":{}})",
      R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + R"(],}}})",
  };
  for (const auto& body : bodies) BOOST_TEST((check_reads(body) == Path::General), body);
  // The same shapes in the usual form are read fast: what sends the cases above away is their shape.
  BOOST_TEST((check_reads(R"({"Inputs":{"input1":{"ColumnNames":["d","i","s","b"],"Values":[)" + row + "," + row +
                          "," + row + R"(]}}})") == Path::Fast));
}

BOOST_AUTO_TEST_CASE(responses_are_written_byte_for_byte_as_the_json_document_dumps_them) {
  const auto& graph = *echo_graph();
  Column d("d", ColumnType::Double);
  Column i("i", ColumnType::Integer);
  Column s("s \"quoted\" \\ \t\n\r\b\f\x01\x1f\x7f", ColumnType::String);
  Column b("b", ColumnType::Boolean);
  const std::vector<double> numbers = {0.0, -0.0, 1.5, 1e21, 1e-7, 123456789.125, -2.5e-300, 5e-324,
                                       1.0 / 3, std::nan(""), HUGE_VAL, -HUGE_VAL};
  for (double value : numbers) {
    d.push_number(value);
    i.push_number(std::isfinite(value) ? std::round(value) : value);
    s.push_text(value > 1 ? "text with \"quotes\", \\ and \x02" : "");
    b.push_number(value > 0 ? 1 : 0);
  }
  d.push_missing();
  i.push_missing();
  s.push_missing();
  b.push_missing();
  Table table;
  for (auto* column : {&d, &i, &s, &b}) table.add_column(*column);
  const std::map<std::string, azml::engine::Value> results = {{"output1", azml::engine::Value(table)}};

  for (RrsFormat format : {RrsFormat::Table, RrsFormat::Swagger}) {
    for (bool details : {false, true}) {
      RrsOptions options;
      options.format = format;
      options.details = details;
      auto text = azml::host::runtime::rrs_response_text(results, graph, options);
      BOOST_TEST_REQUIRE(text.has_value());
      const std::string general =
          azml::host::handlers::json_response(200, azml::host::runtime::write_rrs_response(results, graph, options))
              .body;
      BOOST_TEST(*text == general);
    }
  }

  // Text beyond ASCII is left to the JSON library's UTF-8 handling.
  Column accented("s", ColumnType::String);
  accented.push_text("caf\xc3\xa9");
  Table other;
  other.add_column(accented);
  BOOST_TEST(!azml::host::runtime::rrs_response_text({{"output1", azml::engine::Value(other)}}, graph, RrsOptions{})
                  .has_value());
}

BOOST_AUTO_TEST_SUITE_END()
