#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "engine/column_builder.hpp"
#include "engine/value_text.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;
using azml::engine::test::check_error;

BOOST_AUTO_TEST_SUITE(table_tests)

static const char* const kNumbers[] = {"1", "0.1", "-2.5", "1e-07", "+3", " 42 ", "1001"};
static const double kNumberValues[] = {1, 0.1, -2.5, 1e-07, 3, 42, 1001};

BOOST_DATA_TEST_CASE(numbers_parse, bdata::make(kNumbers) ^ bdata::make(kNumberValues), text, expected) {
  auto parsed = parse_number(text);
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(*parsed == expected);
}

static const char* const kNotNumbers[] = {"", "abc", "1,5", "--1", "1e", "0x10", "+-1", "1 2"};

BOOST_DATA_TEST_CASE(non_numbers_are_rejected, bdata::make(kNotNumbers), text) {
  BOOST_TEST(!parse_number(text).has_value());
}

BOOST_AUTO_TEST_CASE(numbers_print_shortest_round_trip) {
  BOOST_TEST(format_number(0.1) == "0.1");
  BOOST_TEST(format_number(1001.0) == "1001");
  BOOST_TEST(format_number(-0.5) == "-0.5");
  BOOST_TEST(*parse_number(format_number(1.0 / 3.0)) == 1.0 / 3.0);
  BOOST_TEST(std::isnan(*parse_number("NaN")));
}

static const char* const kValidUtf8[] = {"plain", "caf\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
static const char* const kInvalidUtf8[] = {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xFF", "a\x80"};

BOOST_DATA_TEST_CASE(valid_utf8, bdata::make(kValidUtf8), text) { BOOST_TEST(is_valid_utf8(text)); }
BOOST_DATA_TEST_CASE(invalid_utf8, bdata::make(kInvalidUtf8), text) { BOOST_TEST(!is_valid_utf8(text)); }

BOOST_AUTO_TEST_CASE(type_inference) {
  BOOST_TEST(infer_column_type({TextCell("1"), TextCell("2"), TextCell{}}) == ColumnType::Integer);
  BOOST_TEST(infer_column_type({TextCell("1"), TextCell("2.5")}) == ColumnType::Double);
  BOOST_TEST(infer_column_type({TextCell("3000000000")}) == ColumnType::Double);
  BOOST_TEST(infer_column_type({TextCell("True"), TextCell("false")}) == ColumnType::Boolean);
  BOOST_TEST(infer_column_type({TextCell("1"), TextCell("x")}) == ColumnType::String);
  BOOST_TEST(infer_column_type({TextCell{}, TextCell("")}) == ColumnType::String);
}

BOOST_AUTO_TEST_CASE(columns_keep_missing_values) {
  Column column = build_column("x", {TextCell("1.5"), TextCell{}, TextCell("2")}, ColumnType::Double);
  BOOST_TEST(column.size() == 3u);
  BOOST_TEST(column.missing_count() == 1u);
  BOOST_TEST(column.is_missing(1));
  BOOST_TEST(std::isnan(column.number(1)));
  BOOST_TEST(column.to_text(1) == "");
  BOOST_TEST(column.to_text(2) == "2");
}

BOOST_AUTO_TEST_CASE(conversion_errors_name_column_and_row) {
  Column column = build_column("age", {TextCell("1"), TextCell("old")}, ColumnType::String);
  check_error([&] { column.converted_to(ColumnType::Double); }, {"column 'age'", "row 2", "'old'", "Double"});
  Column fractional = build_column("n", {TextCell("1.5")}, ColumnType::Double);
  check_error([&] { fractional.converted_to(ColumnType::Integer); }, {"column 'n'", "row 1"});
  Column flags = build_column("f", {TextCell("true"), TextCell("FALSE")}, ColumnType::String).converted_to(ColumnType::Boolean);
  BOOST_TEST(flags.to_text(0) == "True");
  BOOST_TEST(flags.number(1) == 0.0);
}

BOOST_AUTO_TEST_CASE(table_checks_names_and_lengths) {
  Table table;
  table.add_column(build_column("a", {TextCell("1"), TextCell("2")}, ColumnType::Integer));
  check_error([&] { table.add_column(build_column("a", {TextCell("1"), TextCell("2")}, ColumnType::Integer)); },
              {"already has a column named 'a'"});
  check_error([&] { table.add_column(build_column("b", {TextCell("1")}, ColumnType::Integer)); }, {"'b'", "1 rows", "2"});
  check_error([&] { table.column("zzz"); }, {"column 'zzz' not found", "'a'"});
  table.add_column(build_column("b", {TextCell("x"), TextCell("y")}, ColumnType::String));
  Table picked = table.take_rows({1});
  BOOST_TEST(picked.row_count() == 1u);
  BOOST_TEST(picked.column("b").text(0) == "y");
  Table selected = table.select_columns({1, 0});
  BOOST_TEST(selected.column_names() == (std::vector<std::string>{"b", "a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_table_made_of_columns_checks_them_as_add_column_does) {
  auto column = [](const std::string& name, size_t rows) {
    return build_column(name, std::vector<TextCell>(rows, TextCell("1")), ColumnType::Integer);
  };
  Table table({column("c", 2), column("a", 2), column("b", 2)});
  BOOST_TEST(table.column_names() == (std::vector<std::string>{"c", "a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(table.row_count() == 2u);
  check_error([&] { Table({column("c", 2), column("a", 2), column("c", 2)}); }, {"already has a column named 'c'"});
  check_error([&] { Table({column("a", 2), column("b", 1)}); }, {"'b'", "1 rows", "2"});
  BOOST_TEST(Table(std::vector<Column>{}).column_count() == 0u);
}

BOOST_AUTO_TEST_CASE(identical_tables_agree_in_every_column_property_and_every_bit) {
  auto table = [](double number, ColumnRole role) {
    Column scores("Scored Probabilities", ColumnType::Double);
    scores.set_role(role);
    scores.set_classes({"no", "yes"});
    scores.push_number(number);
    scores.push_missing();
    Column labels("Scored Labels", ColumnType::String);
    labels.push_text("yes");
    labels.push_missing();
    return Table({labels, scores});
  };
  BOOST_TEST(identical(table(0.25, ColumnRole::ScoredProbability), table(0.25, ColumnRole::ScoredProbability)));
  BOOST_TEST(!identical(table(0.0, ColumnRole::ScoredProbability), table(-0.0, ColumnRole::ScoredProbability)));
  BOOST_TEST(!identical(table(0.25, ColumnRole::ScoredProbability), table(0.25, ColumnRole::Feature)));
  Table fewer = table(0.25, ColumnRole::ScoredProbability);
  fewer.remove_columns({0});
  BOOST_TEST(!identical(table(0.25, ColumnRole::ScoredProbability), fewer));
  Table other_classes = table(0.25, ColumnRole::ScoredProbability);
  other_classes.column(1).set_classes({"yes", "no"});
  BOOST_TEST(!identical(table(0.25, ColumnRole::ScoredProbability), other_classes));
}

BOOST_AUTO_TEST_SUITE_END()
