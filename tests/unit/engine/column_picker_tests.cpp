#include <boost/test/unit_test.hpp>

#include "engine/column_picker.hpp"
#include "engine_test_support.hpp"

using namespace azml::engine;
using azml::engine::test::check_error;

namespace {

Table sample() {
  Table table = read_csv("a,b,s,flag,label\n1,2.5,x,true,y\n");
  table.column(4).set_role(ColumnRole::Label);
  return table;
}

std::vector<std::string> names_of(const Table& table, const std::vector<size_t>& indices) {
  std::vector<std::string> names;
  for (size_t i : indices) names.push_back(table.column(i).name());
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(column_picker_tests)

BOOST_AUTO_TEST_CASE(rules_apply_in_order) {
  Table table = sample();
  struct Case {
    const char* selection;
    std::vector<std::string> expected;
  } cases[] = {
      {R"({"isFilter":true,"rules":[{"ruleType":"ColumnNames","columns":["s","a"],"exclude":false}]})", {"s", "a"}},
      {R"({"isFilter":true,"rules":[{"ruleType":"AllColumns","exclude":false},{"ruleType":"ColumnNames","columns":["b"],"exclude":true}]})",
       {"a", "s", "flag", "label"}},
      {R"({"isFilter":true,"rules":[{"ruleType":"ColumnTypes","exclude":false,"columnTypes":["Numeric"],"columnKinds":["All"]}]})",
       {"a", "b"}},
      {R"({"isFilter":true,"rules":[{"ruleType":"ColumnTypes","exclude":false,"columnTypes":["String"],"columnKinds":["Feature"]}]})",
       {"s"}},
      {R"({"isFilter":true,"rules":[{"ruleType":"ColumnNames","columns":["a"],"exclude":true}]})", {"b", "s", "flag", "label"}},
      {R"({"isFilter":true,"rules":[{"ruleType":"ColumnIndexes","columns":["2-3","5"],"exclude":false}]})", {"b", "s", "label"}},
      {"label", {"label"}},
      {"a, flag", {"a", "flag"}},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.selection) {
      BOOST_TEST(names_of(table, ColumnPicker::parse(c.selection).select(table)) == c.expected,
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_selections_are_explained) {
  Table table = sample();
  check_error([&] { ColumnPicker::parse(R"({"isFilter":true,"rules":[{"ruleType":"ColumnNames","columns":["zz"]}]})").select(table); },
              {"column 'zz' not found", "'a'"});
  check_error([] { ColumnPicker::parse(R"({"rules":[{"ruleType":"Bogus"}]})"); }, {"ruleType 'Bogus'"});
  check_error([] { ColumnPicker::parse(R"({"rules":[{"ruleType":"ColumnTypes","columnTypes":["Weird"]}]})"); }, {"'Weird'"});
  check_error([] { ColumnPicker::parse("{not json"); }, {"not valid JSON"});
  check_error([] { ColumnPicker::parse(R"({"rules":[]})"); }, {"non-empty"});
  check_error([&] { ColumnPicker::parse(R"({"rules":[{"ruleType":"ColumnIndexes","columns":["9"]}]})").select(table); },
              {"outside 1..5"});
  check_error([] { ColumnPicker::parse(""); }, {"no columns"});
}

BOOST_AUTO_TEST_CASE(json_round_trip) {
  ColumnPicker picker = ColumnPicker::names({"a", "b"});
  Table table = sample();
  BOOST_TEST(names_of(table, ColumnPicker::parse(picker.to_json()).select(table)) == (std::vector<std::string>{"a", "b"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
