#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "engine/csv.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;
using azml::engine::test::check_error;

BOOST_AUTO_TEST_SUITE(csv_tests)

BOOST_AUTO_TEST_CASE(quoting_follows_rfc_4180) {
  Table table = read_csv("name,comment,n\r\n\"Smith, J\",\"said \"\"hi\"\"\",1\r\nDoe,\"two\r\nlines\",2\r\n");
  BOOST_TEST(table.row_count() == 2u);
  BOOST_TEST(table.column("name").text(0) == "Smith, J");
  BOOST_TEST(table.column("comment").text(0) == "said \"hi\"");
  BOOST_TEST(table.column("comment").text(1) == "two\r\nlines");
  BOOST_TEST(table.column("n").type() == ColumnType::Integer);
}

BOOST_AUTO_TEST_CASE(lf_bom_and_no_final_newline) {
  Table table = read_csv("\xEF\xBB\xBF" "a,b\n1,x\n2,y");
  BOOST_TEST(table.column_names() == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(table.row_count() == 2u);
  BOOST_TEST(table.column("b").text(1) == "y");
}

BOOST_AUTO_TEST_CASE(types_are_inferred_per_column) {
  Table table = read_csv("i,d,s,b,empty\n1,1.5,x,true,\n2,2,y,False,\n,,,,\n");
  BOOST_TEST(table.column("i").type() == ColumnType::Integer);
  BOOST_TEST(table.column("d").type() == ColumnType::Double);
  BOOST_TEST(table.column("s").type() == ColumnType::String);
  BOOST_TEST(table.column("b").type() == ColumnType::Boolean);
  BOOST_TEST(table.column("empty").type() == ColumnType::String);
  BOOST_TEST(table.row_count() == 3u);
  BOOST_TEST(table.column("i").is_missing(2));
  BOOST_TEST(table.column("d").missing_count() == 1u);
  BOOST_TEST(table.column("empty").missing_count() == 3u);
}

BOOST_AUTO_TEST_CASE(tsv_reads_tabs) {
  Table table = read_csv("a\tb\n1,5\tx y\n", CsvReadOptions{'\t'});
  BOOST_TEST(table.column("a").text(0) == "1,5");
  BOOST_TEST(table.column("b").text(0) == "x y");
}

struct BadCsv {
  const char* text;
  std::vector<std::string> fragments;
};

std::ostream& operator<<(std::ostream& out, const BadCsv& c) { return out << c.text; }

static const BadCsv kBadCsv[] = {
    {"a,b\n1,2\n3\n", {"line 3", "row 2", "expected 2 fields, found 1"}},
    {"a,b\n1,2,3\n", {"line 2", "row 1", "found 3"}},
    {"a,b\n1,x\"y\n", {"row 1", "column 'b'", "quote inside an unquoted field"}},
    {"a,b\n\"1\"x,2\n", {"row 1", "column 'a'", "after a closing quote"}},
    {"a,b\n1,\"open\n", {"row 1", "column 'b'", "not closed"}},
    {"a,b\n1,\xC3\x28\n", {"row 1", "column 'b'", "UTF-8"}},
    {"a,,c\n1,2,3\n", {"header", "column 2 has no name"}},
    {"a,b,a\n1,2,3\n", {"'a' appears twice", "columns 1 and 3"}},
    {"", {"empty"}},
};

BOOST_DATA_TEST_CASE(bad_csv_names_row_and_column, bdata::make(kBadCsv), bad) {
  bool thrown = false;
  try {
    read_csv(bad.text);
  } catch (const azml::Error& e) {
    thrown = true;
    BOOST_TEST(e.code() == azml::ErrorCode::Invalid);
    for (const auto& fragment : bad.fragments) {
      BOOST_TEST(std::string(e.what()).find(fragment) != std::string::npos, e.what() << " lacks '" << fragment << "'");
    }
  }
  BOOST_TEST(thrown);
}

BOOST_AUTO_TEST_CASE(writing_quotes_what_needs_it_and_reads_back) {
  Table table = read_csv("text,n,flag\n\"a,b\",1.25,true\n\"say \"\"x\"\"\",,false\n\" padded \",3,\n");
  std::string written = write_csv(table);
  BOOST_TEST(written == "text,n,flag\n\"a,b\",1.25,True\n\"say \"\"x\"\"\",,False\n\" padded \",3,\n");
  Table again = read_csv(written);
  BOOST_TEST(again.column("text").text(2) == " padded ");
  BOOST_TEST(again.column("n").is_missing(1));
  BOOST_TEST(write_csv(again) == written);
  BOOST_TEST(write_csv(table, CsvWriteOptions{'\t', true}).find("text\tn\tflag\r\n") == 0u);
}

BOOST_AUTO_TEST_CASE(data_files_load_with_their_types) {
  Table table = azml::engine::test::load_data("breast_cancer.csv");
  BOOST_TEST(table.row_count() == 569u);
  BOOST_TEST(table.column_count() == 31u);
  BOOST_TEST(table.column("mean radius").type() == ColumnType::Double);
  BOOST_TEST(table.column("diagnosis").type() == ColumnType::String);
  Table diabetes = azml::engine::test::load_data("diabetes.csv");
  BOOST_TEST(diabetes.column("age").type() == ColumnType::Integer);
}

BOOST_AUTO_TEST_CASE(files_round_trip_and_missing_files_fail) {
  azml::engine::test::TemporaryDirectory directory;
  Table table = read_csv("a,b\n1,x\n2,\n");
  write_csv_file(table, directory.file("t.tsv"));
  BOOST_TEST(azml::engine::test::read_file(directory.file("t.tsv")) == "a\tb\n1\tx\n2\t\n");
  Table again = read_csv_file(directory.file("t.tsv"));
  BOOST_TEST(again.column("b").is_missing(1));
  check_error([&] { read_csv_file(directory.file("missing.csv")); }, {"cannot open", "missing.csv"});
}

BOOST_AUTO_TEST_SUITE_END()
