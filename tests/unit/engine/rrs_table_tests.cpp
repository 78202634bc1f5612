#include <boost/test/unit_test.hpp>

#include "engine/rrs_table.hpp"
#include "engine_test_support.hpp"

using namespace azml::engine;
using azml::json;
using azml::engine::test::check_error;

BOOST_AUTO_TEST_SUITE(rrs_table_tests)

BOOST_AUTO_TEST_CASE(strings_and_numbers_both_arrive) {
  json input = json::parse(R"({"ColumnNames":["x","name","flag"],"Values":[[1.5,"a",true],["2","b",null]]})");
  Table table = table_from_rrs(input, "input1");
  BOOST_TEST(table.column("x").type() == ColumnType::Double);
  BOOST_TEST(table.column("x").number(1) == 2.0);
  BOOST_TEST(table.column("flag").type() == ColumnType::Boolean);
  BOOST_TEST(table.column("flag").is_missing(1));
}

BOOST_AUTO_TEST_CASE(schema_types_are_enforced_with_row_and_column) {
  TableSchema schema{{"age", ColumnType::Integer}, {"income", ColumnType::Double}, {"name", ColumnType::String}};
  json good = json::parse(R"({"ColumnNames":["name","age","income"],"Values":[["a","50",1000.5],[7,51,"2"]]})");
  Table table = table_from_rrs(good, "input1", &schema);
  BOOST_TEST(table.column("name").text(1) == "7");
  BOOST_TEST(table.column("age").type() == ColumnType::Integer);
  json bad = json::parse(R"({"ColumnNames":["name","age","income"],"Values":[["a",50,1],["b",51,"lots"]]})");
  check_error([&] { table_from_rrs(bad, "input1", &schema); }, {"input 'input1'", "row 2", "column 'income'", "'lots'"});
  json missing = json::parse(R"({"ColumnNames":["name","age"],"Values":[]})");
  check_error([&] { table_from_rrs(missing, "input1", &schema); }, {"'income'", "required"});
  json extra = json::parse(R"({"ColumnNames":["name","age","income","zip"],"Values":[]})");
  check_error([&] { table_from_rrs(extra, "input1", &schema); }, {"'zip'", "not in the service's input schema"});
  json positional = json::parse(R"({"Values":[[50, 1.5, "a"]]})");
  check_error([&] { table_from_rrs(positional, "input1", &schema); }, {"\"ColumnNames\" is required"});
}

BOOST_AUTO_TEST_CASE(malformed_requests_are_rejected) {
  check_error([&] { table_from_rrs(json::array(), "input1"); }, {"must be an object"});
  check_error([&] { table_from_rrs(json::parse(R"({"ColumnNames":["a"]})"), "input1"); }, {"\"Values\""});
  check_error([&] { table_from_rrs(json::parse(R"({"ColumnNames":["a","b"],"Values":[[1]]})"), "input1"); },
              {"row 1", "1 values for 2 columns"});
  check_error([&] { table_from_rrs(json::parse(R"({"ColumnNames":["a","a"],"Values":[]})"), "input1"); }, {"given twice"});
  check_error([&] { table_from_rrs(json::parse(R"({"ColumnNames":["a"],"Values":[[{"x":1}]]})"), "input1"); },
              {"row 1", "column 'a'", "object"});
}

BOOST_AUTO_TEST_CASE(responses_carry_strings_and_types) {
  Table table = table_from_rrs(json::parse(R"({"ColumnNames":["n","s"],"Values":[[1,"x"],[null,"y"]]})"), "input1");
  json out = table_to_rrs(table);
  BOOST_TEST(out["ColumnTypes"] == json::parse(R"(["Int32","String"])"));
  BOOST_TEST(out["Values"] == json::parse(R"([["1","x"],[null,"y"]])"));
  BOOST_TEST(table_to_rrs_rows(table) == json::parse(R"([{"n":"1","s":"x"},{"n":null,"s":"y"}])"));
}

BOOST_AUTO_TEST_CASE(swagger_rows_and_specifications) {
  json spec = json::parse(R"({"type":"object","properties":{"a":{"type":"Number","format":"Double"},"b":{"type":"String","format":""},"c":{"type":"Integer"}}})");
  TableSchema schema = schema_from_specification(spec);
  BOOST_REQUIRE(schema.size() == 3u);
  BOOST_TEST(schema[0].name == "a");
  BOOST_TEST(schema[0].type == ColumnType::Double);
  BOOST_TEST(schema[2].type == ColumnType::Integer);
  Table rows = table_from_rrs_rows(json::parse(R"([{"a":"1.5","b":"x","c":3},{"a":2,"c":4}])"), "input1", &schema);
  BOOST_TEST(rows.row_count() == 2u);
  BOOST_TEST(rows.column("b").is_missing(1));
  check_error([&] { table_from_rrs_rows(json::parse(R"([{"a":"x"}])"), "input1", &schema); }, {"row 1", "column 'a'"});
}

BOOST_AUTO_TEST_SUITE_END()
