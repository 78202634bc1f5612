// Accuracy of the learners on real data, against fixed thresholds and, when the xgboost
// command-line tool is installed, against XGBoost itself trained on the same rows with the
// same parameters (read from the model's header) and the same number of rounds.
//
// Thresholds (80/20 split of each data set, seed 42):
//   breast_cancer.csv, binary:      AUC >= 0.95, and within 0.02 of the xgboost CLI
//   diabetes.csv, regression:       R^2 >= 0.35 (Linear Regression) / 0.2 (Boosted Decision
//                                   Tree Regression), and within 0.02 of the xgboost CLI
//   wine.csv, multiclass:           overall accuracy >= 0.9
#define BOOST_TEST_MODULE azml_engine_accuracy_tests
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

#include "engine/evaluation.hpp"
#include "engine/learners/learner.hpp"
#include "engine/row_split.hpp"
#include "engine/scoring.hpp"
#include "engine/value_text.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;

namespace {

constexpr std::uint64_t kSeed = 42;

struct Split {
  Table training;
  Table held_out;
};

Split split_data(const std::string& file) {
  Table data = azml::engine::test::load_data(file);
  RowSplit rows = split_rows(data.row_count(), 0.8, true, kSeed);
  return {data.take_rows(rows.first), data.take_rows(rows.second)};
}

double metric(const Metrics& metrics, const std::string& name) {
  for (const auto& [key, value] : metrics) {
    if (key == name) return std::get<double>(value);
  }
  BOOST_FAIL("no metric " << name);
  return 0;
}

// The rows as the model encodes them, in libsvm format, with the label as XGBoost saw it.
void write_libsvm(const TrainedModel& model, const Table& table, const std::string& path) {
  const ModelHeader& header = model.header();
  std::vector<float> matrix = header.features.encode(table);
  const size_t width = header.features.width();
  const Column& label = table.column(header.label.name);
  std::ofstream out(path);
  for (size_t row = 0; row < table.row_count(); ++row) {
    if (header.kind == LearnerKind::Regression) {
      out << format_number(label.number(row));
    } else {
      auto it = std::find(header.label.classes.begin(), header.label.classes.end(), label.to_text(row));
      out << (it - header.label.classes.begin());
    }
    for (size_t j = 0; j < width; ++j) {
      float value = matrix[row * width + j];
      if (!std::isnan(value)) out << ' ' << j << ':' << format_number(value);
    }
    out << '\n';
  }
}

// Trains the xgboost CLI like the model was trained and returns its predictions on `held_out`.
std::vector<double> cli_predictions(const TrainedModel& model, const Split& split) {
  azml::engine::test::TemporaryDirectory directory;
  write_libsvm(model, split.training, directory.file("train.libsvm"));
  write_libsvm(model, split.held_out, directory.file("test.libsvm"));
  {
    std::ofstream config(directory.file("train.conf"));
    for (const auto& [name, value] : model.header().booster_parameters) config << name << " = " << value << "\n";
    config << "num_round = " << model.header().boosting_rounds << "\nnthread = 1\n";
    config << "data = \"" << directory.file("train.libsvm") << "?format=libsvm\"\n";
    config << "model_out = \"" << directory.file("cli.model") << "\"\n";
  }
  const std::string cli = AZML_XGBOOST_CLI;
  const std::string log = " >>\"" + directory.file("cli.log") + "\" 2>&1";
  int trained = std::system(("\"" + cli + "\" \"" + directory.file("train.conf") + "\"" + log).c_str());
  BOOST_REQUIRE_MESSAGE(trained == 0, "xgboost CLI training failed: " << azml::engine::test::read_file(directory.file("cli.log")));
  int predicted = std::system(("\"" + cli + "\" \"" + directory.file("train.conf") + "\" task=pred model_in=\"" +
                               directory.file("cli.model") + "\" test:data=\"" + directory.file("test.libsvm") +
                               "?format=libsvm\" name_pred=\"" + directory.file("pred.txt") + "\"" + log)
                                  .c_str());
  BOOST_REQUIRE_MESSAGE(predicted == 0, "xgboost CLI prediction failed: " << azml::engine::test::read_file(directory.file("cli.log")));
  std::vector<double> values;
  std::ifstream in(directory.file("pred.txt"));
  for (std::string line; std::getline(in, line);) values.push_back(*parse_number(line));
  return values;
}

bool have_cli() { return std::string(AZML_XGBOOST_CLI).size() > 0; }

const LearnerDefinition* const kBinaryLearners[] = {&two_class_boosted_decision_tree(), &two_class_logistic_regression()};
const LearnerDefinition* const kRegressionLearners[] = {&linear_regression(), &boosted_decision_tree_regression()};
const double kRegressionThresholds[] = {0.35, 0.2};
const LearnerDefinition* const kMulticlassLearners[] = {&multiclass_logistic_regression(), &multiclass_decision_forest()};

}  // namespace

namespace azml::engine {
std::ostream& operator<<(std::ostream& out, const LearnerDefinition* learner) { return out << learner->name; }
}  // namespace azml::engine

BOOST_AUTO_TEST_SUITE(accuracy_tests)

BOOST_DATA_TEST_CASE(binary_learners_on_breast_cancer, bdata::make(kBinaryLearners), learner) {
  Split split = split_data("breast_cancer.csv");
  auto model = train(UntrainedModel(*learner, Parameters()), split.training, "diagnosis");
  Metrics metrics = evaluate_scored(score(*model, split.held_out, true));
  const double auc = metric(metrics, "AUC");
  BOOST_TEST_MESSAGE(learner->name << ": AUC " << auc << ", accuracy " << metric(metrics, "Accuracy"));
  BOOST_TEST(auc >= 0.95);
  if (!have_cli()) {
    BOOST_TEST_MESSAGE("xgboost CLI not found: comparison skipped, threshold only");
    return;
  }
  std::vector<double> reference = cli_predictions(*model, split);
  std::vector<bool> positive;
  for (size_t row = 0; row < split.held_out.row_count(); ++row) {
    positive.push_back(split.held_out.column("diagnosis").text(row) == "malignant");
  }
  BOOST_REQUIRE(reference.size() == positive.size());
  const double reference_auc = area_under_roc(reference, positive);
  BOOST_TEST_MESSAGE(learner->name << ": xgboost CLI AUC " << reference_auc);
  BOOST_TEST(std::fabs(auc - reference_auc) <= 0.02);
}

BOOST_DATA_TEST_CASE(regression_learners_on_diabetes,
                     bdata::make(kRegressionLearners) ^ bdata::make(kRegressionThresholds), learner, threshold) {
  Split split = split_data("diabetes.csv");
  auto model = train(UntrainedModel(*learner, Parameters()), split.training, "progression");
  Metrics metrics = evaluate_scored(score(*model, split.held_out, true));
  const double r2 = metric(metrics, "Coefficient of Determination");
  BOOST_TEST_MESSAGE(learner->name << ": R^2 " << r2 << ", RMSE " << metric(metrics, "Root Mean Squared Error"));
  BOOST_TEST(r2 >= threshold);
  if (!have_cli()) return;
  std::vector<double> reference = cli_predictions(*model, split);
  const Column& truth = split.held_out.column("progression");
  BOOST_REQUIRE(reference.size() == truth.size());
  double mean = 0;
  for (size_t row = 0; row < truth.size(); ++row) mean += truth.number(row) / static_cast<double>(truth.size());
  double residual = 0, spread = 0;
  for (size_t row = 0; row < truth.size(); ++row) {
    residual += std::pow(truth.number(row) - reference[row], 2);
    spread += std::pow(truth.number(row) - mean, 2);
  }
  const double reference_r2 = 1 - residual / spread;
  BOOST_TEST_MESSAGE(learner->name << ": xgboost CLI R^2 " << reference_r2);
  BOOST_TEST(std::fabs(r2 - reference_r2) <= 0.02);
}

BOOST_DATA_TEST_CASE(multiclass_learners_on_wine, bdata::make(kMulticlassLearners), learner) {
  Split split = split_data("wine.csv");
  auto model = train(UntrainedModel(*learner, Parameters()), split.training, "cultivar");
  Metrics metrics = evaluate_scored(score(*model, split.held_out, true));
  const double accuracy = metric(metrics, "Overall accuracy");
  BOOST_TEST_MESSAGE(learner->name << ": overall accuracy " << accuracy);
  BOOST_TEST(accuracy >= 0.9);
}

BOOST_AUTO_TEST_SUITE_END()
