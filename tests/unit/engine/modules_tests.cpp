#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "engine/modules/module.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;
using azml::engine::test::check_error;

namespace {

const Module& module_named(const std::string& name) {
  const Module* module = ModuleRegistry::builtin().find_by_name(name);
  BOOST_REQUIRE_MESSAGE(module, "no module " << name);
  return *module;
}

// Runs a one-input module on a table and returns the table on `output`.
Table run_on(const std::string& module, const std::map<std::string, std::string>& parameters, const Table& input,
             const std::string& output) {
  auto operation = configure_module(module_named(module), Parameters(parameters));
  PortValues outputs = operation->run({{"Dataset", Value(input)}});
  return outputs.at(output).table();
}

Table sample() { return read_csv("x,y,s\n1,10,a\n,20,b\n3,,a\n4,40,\n"); }

std::string names(const std::string& csv_list) {
  return R"({"isFilter":true,"rules":[{"ruleType":"ColumnNames","columns":[)" + csv_list + R"(],"exclude":false}]})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(modules_tests)

BOOST_AUTO_TEST_CASE(registry_finds_modules_by_name_and_uri) {
  const auto& registry = ModuleRegistry::builtin();
  const char* expected[] = {"Select Columns in Dataset", "Edit Metadata", "Clean Missing Data", "Normalize Data",
                            "Split Data", "Score Model", "Train Model", "Evaluate Model",
                            "Two-Class Logistic Regression", "Two-Class Boosted Decision Tree", "Linear Regression",
                            "Boosted Decision Tree Regression", "Multiclass Logistic Regression",
                            "Multiclass Decision Forest"};
  for (const char* name : expected) BOOST_TEST(registry.find_by_name(name) != nullptr, name);
  BOOST_TEST(registry.find_by_name("score model") == registry.find_by_name("Score Model"));
  BOOST_TEST(registry.find_by_uri("aml://module/score-model") == registry.find_by_name("Score Model"));
  BOOST_TEST(registry.find_by_uri("aml://module/two-class-boosted-decision-tree") ==
             registry.find_by_name("Two-Class Boosted Decision Tree"));
  BOOST_TEST(registry.find_by_uri("aml://module/506153734175476c4f62416c57734963.6bd1.v1-default-1675") == nullptr);
  BOOST_TEST(registry.find_by_name("Execute R Script") == nullptr);
}

BOOST_AUTO_TEST_CASE(unknown_and_malformed_parameters_are_rejected) {
  check_error([] { configure_module(module_named("Split Data"), Parameters({{"Fraction", "0.5"}})); },
              {"module 'Split Data'", "no parameter 'Fraction'", "'Fraction of rows in the first output dataset'"});
  check_error([] { configure_module(module_named("Split Data"), Parameters({{"Fraction of rows in the first output dataset", "1.5"}})); },
              {"'Fraction of rows in the first output dataset'", "above the maximum"});
  check_error([] { configure_module(module_named("Select Columns in Dataset"), Parameters()); },
              {"'Select columns' is required"});
  check_error([] { configure_module(module_named("Normalize Data"), Parameters({{"Transformation method", "Cubic"}})); },
              {"'Cubic' is not one of"});
  // Names match case-insensitively, as real definitions change their case.
  BOOST_CHECK_NO_THROW(configure_module(module_named("Score Model"), Parameters({{"append score columns to output", "false"}})));
}

BOOST_AUTO_TEST_CASE(select_columns_keeps_the_picked_columns_in_order) {
  Table out = run_on("Select Columns in Dataset", {{"Select columns", names(R"("s","x")")}}, sample(), "Results dataset");
  BOOST_TEST(out.column_names() == (std::vector<std::string>{"s", "x"}), boost::test_tools::per_element());
  BOOST_TEST(out.row_count() == 4u);
  check_error([] { run_on("Select Columns in Dataset", {{"Select columns", names(R"("nope")")}}, sample(), "Results dataset"); },
              {"column 'nope' not found"});
}

BOOST_AUTO_TEST_CASE(edit_metadata_renames_retypes_and_marks) {
  Table out = run_on("Edit Metadata",
                     {{"Column", names(R"("x","s")")}, {"Data type", "String"}, {"Categorical", "Make categorical"},
                      {"Fields", "Label"}, {"New column names", "ex, es"}},
                     sample(), "Results dataset");
  BOOST_TEST(out.column_names() == (std::vector<std::string>{"ex", "y", "es"}), boost::test_tools::per_element());
  BOOST_TEST(out.column("ex").type() == ColumnType::String);
  BOOST_TEST(out.column("ex").categorical());
  BOOST_TEST(out.column("es").role() == ColumnRole::Label);
  check_error([] { run_on("Edit Metadata", {{"Column", "s"}, {"Data type", "Double"}}, sample(), "Results dataset"); },
              {"column 's'", "row 1", "'a'"});
  check_error([] { run_on("Edit Metadata", {{"Column", "x,y"}, {"New column names", "one"}}, sample(), "Results dataset"); },
              {"1 names for 2 selected columns"});
}

struct CleaningCase {
  std::string mode;
  std::string column;
  std::string expected;  // the replaced value of the first missing row, as text; "" = row removed
  size_t rows;
};

std::ostream& operator<<(std::ostream& out, const CleaningCase& c) { return out << c.mode << "/" << c.column; }

static const CleaningCase kCleaning[] = {
    {"Custom substitution value", "x", "0", 4},
    {"Replace with mean", "x", "2.6666666666666665", 4},
    {"Replace with median", "y", "20", 4},
    {"Replace with mode", "s", "a", 4},
    {"Remove entire row", "x", "", 3},
};

BOOST_DATA_TEST_CASE(clean_missing_data_modes, bdata::make(kCleaning), c) {
  Table out = run_on("Clean Missing Data", {{"Columns to be cleaned", c.column}, {"Cleaning mode", c.mode}}, sample(),
                     "Cleaned dataset");
  BOOST_TEST(out.row_count() == c.rows);
  if (c.expected.empty()) {
    BOOST_TEST(out.column(c.column).missing_count() == 0u);
    return;
  }
  const Column& column = out.column(c.column);
  BOOST_TEST(column.missing_count() == 0u);
  size_t missing_row = c.column == "x" ? 1 : (c.column == "y" ? 2 : 3);
  BOOST_TEST(column.to_text(missing_row) == c.expected);
}

BOOST_AUTO_TEST_CASE(clean_missing_data_indicators_ratios_and_errors) {
  Table out = run_on("Clean Missing Data",
                     {{"Columns to be cleaned", "x,y"}, {"Generate missing value indicator column", "True"}}, sample(),
                     "Cleaned dataset");
  BOOST_TEST(out.column("x_IsMissing").to_text(1) == "True");
  BOOST_TEST(out.column("y_IsMissing").to_text(1) == "False");
  // x is 25% missing: outside a 0.3..1 window, so it stays missing.
  Table kept = run_on("Clean Missing Data", {{"Columns to be cleaned", "x"}, {"Minimum missing value ratio", "0.3"}},
                      sample(), "Cleaned dataset");
  BOOST_TEST(kept.column("x").missing_count() == 1u);
  Table dropped = run_on("Clean Missing Data", {{"Cleaning mode", "Remove entire column"}}, sample(), "Cleaned dataset");
  BOOST_TEST(dropped.column_count() == 0u);
  check_error([] { run_on("Clean Missing Data", {{"Columns to be cleaned", "s"}, {"Cleaning mode", "Replace with mean"}}, sample(), "Cleaned dataset"); },
              {"needs numeric columns", "'s'"});
  check_error([] { run_on("Clean Missing Data", {{"Columns to be cleaned", "x"}, {"Replacement value", "abc"}}, sample(), "Cleaned dataset"); },
              {"'abc'", "column 'x'"});
}

struct NormalizeCase {
  std::string method;
  double first;  // the normalised value of x = 1 in {1, 2, 3}
};

std::ostream& operator<<(std::ostream& out, const NormalizeCase& c) { return out << c.method; }

static const NormalizeCase kNormalize[] = {
    {"ZScore", -1.0},
    {"MinMax", 0.0},
    {"Logistic", 1.0 / (1.0 + std::exp(-1.0))},
    {"TanH", std::tanh(1.0)},
    {"LogNormal", 0.5 * std::erfc(-(std::log(1.0) - (std::log(2.0) + std::log(3.0)) / 3.0) /
                                  (std::sqrt((std::pow(std::log(1.0) - (std::log(2.0) + std::log(3.0)) / 3.0, 2) +
                                              std::pow(std::log(2.0) - (std::log(2.0) + std::log(3.0)) / 3.0, 2) +
                                              std::pow(std::log(3.0) - (std::log(2.0) + std::log(3.0)) / 3.0, 2)) /
                                             2.0) *
                                   std::sqrt(2.0)))},
};

BOOST_DATA_TEST_CASE(normalize_data_methods, bdata::make(kNormalize), c) {
  Table input = read_csv("x,c,s\n1,5,a\n2,5,b\n3,5,c\n");
  Table out = run_on("Normalize Data", {{"Transformation method", c.method}}, input, "Transformed dataset");
  BOOST_TEST(out.column("x").number(0) == c.first, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(out.column("s").text(0) == "a");  // the default picks numeric columns only
  if (c.method == "ZScore" || c.method == "MinMax") BOOST_TEST(out.column("c").number(0) == 0.0);
}

BOOST_AUTO_TEST_CASE(normalize_data_rejects_bad_columns) {
  Table input = read_csv("x,s\n-1,a\n2,b\n");
  check_error([&] { run_on("Normalize Data", {{"Columns to transform", "s"}}, input, "Transformed dataset"); },
              {"numeric columns", "'s' is String"});
  check_error([&] { run_on("Normalize Data", {{"Transformation method", "LogNormal"}, {"Columns to transform", "x"}}, input, "Transformed dataset"); },
              {"column 'x'", "row 1", "positive"});
}

BOOST_AUTO_TEST_CASE(split_data_fractions_seeds_and_strata) {
  Table data = azml::engine::test::load_data("breast_cancer.csv");
  auto split = [&](const std::map<std::string, std::string>& parameters) {
    auto operation = configure_module(module_named("Split Data"), Parameters(parameters));
    return operation->run({{"Dataset", Value(data)}});
  };
  PortValues a = split({{"Fraction of rows in the first output dataset", "0.8"}, {"Random seed", "7"}});
  PortValues b = split({{"Fraction of rows in the first output dataset", "0.8"}, {"Random seed", "7"}});
  PortValues c = split({{"Fraction of rows in the first output dataset", "0.8"}, {"Random seed", "8"}});
  BOOST_TEST(a.at("Results dataset1").table().row_count() == 455u);
  BOOST_TEST(a.at("Results dataset2").table().row_count() == 114u);
  BOOST_TEST(write_csv(a.at("Results dataset2").table()) == write_csv(b.at("Results dataset2").table()));
  BOOST_TEST(write_csv(a.at("Results dataset2").table()) != write_csv(c.at("Results dataset2").table()));
  PortValues ordered = split({{"Randomized split", "False"}, {"Fraction of rows in the first output dataset", "0.25"}});
  BOOST_TEST(ordered.at("Results dataset1").table().column("mean radius").number(0) == data.column("mean radius").number(0));

  PortValues stratified = split({{"Fraction of rows in the first output dataset", "0.5"}, {"Stratified split", "True"},
                                 {"Stratification key column", "diagnosis"}});
  const Table& first = stratified.at("Results dataset1").table();
  size_t malignant = 0;
  for (size_t row = 0; row < first.row_count(); ++row) malignant += first.column("diagnosis").text(row) == "malignant";
  BOOST_TEST(malignant == 106u);  // round(212 / 2): each class is split on its own
  check_error([&] { split({{"Stratified split", "True"}}); }, {"'Stratification key column' is required"});
  check_error([&] { split({{"Splitting mode", "Regular Expression"}}); }, {"not implemented by azml"});
}

BOOST_AUTO_TEST_CASE(train_score_evaluate_in_sequence) {
  Table data = azml::engine::test::load_data("wine.csv");
  auto learner = configure_module(module_named("Multiclass Decision Forest"), Parameters())->run({});
  auto trained = configure_module(module_named("Train Model"), Parameters({{"Label column", "cultivar"}}))
                     ->run({{"Untrained model", learner.at("Untrained model")}, {"Dataset", Value(data)}});
  auto scored = configure_module(module_named("Score Model"), Parameters())
                    ->run({{"Trained model", trained.at("Trained model")}, {"Dataset", Value(data)}});
  const Table& table = scored.at("Scored dataset").table();
  BOOST_TEST(table.find("Scored Probabilities for Class \"class_0\"").has_value());
  BOOST_TEST(table.column(table.column_count() - 1).name() == "Scored Labels");
  auto evaluated = configure_module(module_named("Evaluate Model"), Parameters())
                       ->run({{"Scored dataset", scored.at("Scored dataset")}, {"Scored dataset to compare", scored.at("Scored dataset")}});
  const Table& metrics = evaluated.at("Evaluation results").table();
  BOOST_TEST(metrics.row_count() == 2u);
  BOOST_TEST(metrics.column("Overall accuracy").number(0) > 0.95);
  BOOST_TEST(metrics.find("Macro-averaged recall").has_value());

  Table only_scores = configure_module(module_named("Score Model"), Parameters({{"Append score columns to output", "False"}}))
                          ->run({{"Trained model", trained.at("Trained model")}, {"Dataset", Value(data)}})
                          .at("Scored dataset")
                          .table();
  BOOST_TEST(only_scores.column_count() == 4u);
  check_error([&] {
    configure_module(module_named("Evaluate Model"), Parameters())->run({{"Scored dataset", Value(only_scores)}});
  }, {"no label column"});
  check_error([&] {
    configure_module(module_named("Train Model"), Parameters({{"Label column", "alcohol, cultivar"}}))
        ->run({{"Untrained model", learner.at("Untrained model")}, {"Dataset", Value(data)}});
  }, {"exactly one column", "selects 2"});
  check_error([] { configure_module(module_named("Two-Class Boosted Decision Tree"), Parameters({{"Learning rate", "fast"}})); },
              {"module 'Two-Class Boosted Decision Tree'", "'Learning rate'", "'fast' is not a number"});
  check_error([] { configure_module(module_named("Linear Regression"), Parameters({{"Create trainer mode", "ParameterRange"}})); },
              {"ParameterRange", "not implemented by azml"});
}

BOOST_AUTO_TEST_SUITE_END()
