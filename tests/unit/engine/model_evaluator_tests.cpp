// azml's own evaluator of XGBoost models (engine/xgboost/model_evaluator.*) against XGBoost
// itself: every learner, trained on its data set, must give exactly XGBoost's floats, bit for bit,
// on every row of the data and on random rows with missing values, thresholds and extremes.
// A model the evaluator does not repeat keeps XGBoost; a model that is not a model is refused.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "common/json.hpp"
#include "engine/learners/learner.hpp"
#include "engine/trained_model.hpp"
#include "engine/xgboost/booster.hpp"
#include "engine/xgboost/model_evaluator.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;
using azml::engine::xgb::ModelEvaluator;

namespace {

struct Case {
  const LearnerDefinition* learner;
  const char* data;
  const char* label;
  std::vector<std::pair<std::string, std::string>> parameters;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
  out << c.learner->name;
  for (const auto& [name, value] : c.parameters) out << ", " << name << "=" << value;
  return out;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {&two_class_boosted_decision_tree(), "breast_cancer.csv", "diagnosis", {}},
      {&two_class_boosted_decision_tree(),
       "breast_cancer.csv",
       "diagnosis",
       {{"Number of trees constructed", "300"}, {"Maximum number of leaves per tree", "64"},
        {"Minimum number of samples per leaf node", "1"}}},
      {&two_class_logistic_regression(), "breast_cancer.csv", "diagnosis", {}},
      {&boosted_decision_tree_regression(), "diabetes.csv", "progression", {}},
      {&linear_regression(), "diabetes.csv", "progression", {}},
      {&multiclass_logistic_regression(), "wine.csv", "cultivar", {}},
      {&multiclass_decision_forest(), "wine.csv", "cultivar", {}},
      {&multiclass_decision_forest(), "wine.csv", "cultivar", {{"Number of decision trees", "40"}}},
  };
  return all;
}

std::shared_ptr<const TrainedModel> train_case(const Case& c) {
  Parameters parameters;
  for (const auto& [name, value] : c.parameters) parameters.set(name, value);
  return train(UntrainedModel(*c.learner, parameters), azml::engine::test::load_data(c.data), c.label);
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// XGBoost's own prediction, the way TrainedModel asks for it when it has no evaluator.
std::vector<float> xgboost_predictions(const TrainedModel& model, const std::vector<float>& matrix, size_t rows) {
  auto booster = xgb::Booster::from_bytes(model.booster_bytes());
  booster.set_parameter("nthread", "1");
  size_t per_row = 0;
  const size_t width = model.header().features.width();
  if (model.header().booster_parameters.at("booster") == "gblinear") {
    xgb::DMatrix data(matrix, rows, width);
    return booster.predict_matrix(data, per_row);
  }
  return booster.predict_in_place(matrix, rows, width, per_row);
}

std::unique_ptr<ModelEvaluator> evaluator_of(const TrainedModel& model) {
  std::string why_not;
  auto evaluator = ModelEvaluator::from_ubjson(xgb::Booster::from_bytes(model.booster_bytes()).save(), why_not);
  BOOST_REQUIRE_MESSAGE(evaluator, why_not);
  return evaluator;
}

std::vector<float> evaluator_predictions(const TrainedModel& model, const std::vector<float>& matrix, size_t rows) {
  auto evaluator = evaluator_of(model);
  std::vector<float> out(rows * evaluator->outputs_per_row());
  evaluator->predict(matrix.data(), rows, out.data());
  return out;
}

// Rows unlike the data: missing values, zeros of both signs, huge, tiny and subnormal values,
// and values at and around the model's own thresholds. A seed of its own, unlike the probe
// rows TrainedModel checks at load.
std::vector<float> hostile_rows(const TrainedModel& model, size_t rows) {
  const auto splits = evaluator_of(model)->splits();
  const size_t width = model.header().features.width();
  const float specials[] = {std::nanf(""), 0.0f, -0.0f, 1e30f, -1e30f, 1e-30f, std::numeric_limits<float>::denorm_min(),
                            std::numeric_limits<float>::max(), -std::numeric_limits<float>::max()};
  std::mt19937 generator(7);
  std::vector<float> matrix(rows * width);
  for (float& value : matrix) {
    const unsigned pick = generator() % 4;
    if (pick == 0) {
      value = specials[generator() % std::size(specials)];
    } else if (pick == 1 && !splits.empty()) {
      const auto& split = splits[generator() % splits.size()];
      value = generator() % 2 ? std::nextafter(split.threshold, INFINITY) : split.threshold;
    } else {
      value = std::normal_distribution<float>(0.0f, 50.0f)(generator);
    }
  }
  return matrix;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_evaluator_tests)

BOOST_DATA_TEST_CASE(every_learner_scores_with_the_evaluator_and_xgboost_floats, bdata::make(cases()), c) {
  std::shared_ptr<const TrainedModel> trained = train_case(c);
  TrainedModel fast(trained->header(), trained->booster_bytes());
  TrainedModel reference(trained->header(), trained->booster_bytes(), ModelOptions{1, false});
  BOOST_TEST(fast.scorer() == "azml");
  BOOST_TEST(reference.scorer().rfind("XGBoost", 0) == 0);

  // Every row of the data, through the whole scoring path (encoding included).
  Table data = azml::engine::test::load_data(c.data);
  Predictions got = fast.predict(data);
  Predictions want = reference.predict(data);
  BOOST_REQUIRE_EQUAL(got.values.size(), want.values.size());
  BOOST_TEST(std::memcmp(got.values.data(), want.values.data(), got.values.size() * sizeof(double)) == 0);

  // Rows no data set has.
  const size_t rows = 2000;
  const std::vector<float> matrix = hostile_rows(*trained, rows);
  const std::vector<float> expected = xgboost_predictions(*trained, matrix, rows);
  const std::vector<float> actual = evaluator_predictions(*trained, matrix, rows);
  BOOST_REQUIRE_EQUAL(actual.size(), expected.size());
  size_t differing = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (std::memcmp(&actual[i], &expected[i], sizeof(float)) != 0 && ++differing <= 3) {
      BOOST_TEST_MESSAGE("value " << i << ": azml " << actual[i] << ", XGBoost " << expected[i]);
    }
  }
  BOOST_TEST(differing == 0u);
  BOOST_TEST(same_bits(actual, expected));
}

BOOST_AUTO_TEST_CASE(a_model_the_evaluator_does_not_repeat_keeps_xgboost) {
  // A Poisson objective and a dart booster: read, but not evaluated by azml.
  Table data = azml::engine::test::load_data("diabetes.csv");
  std::vector<float> matrix;
  std::vector<float> labels;
  for (size_t row = 0; row < data.row_count(); ++row) {
    matrix.push_back(static_cast<float>(data.column("age").number(row)));
    matrix.push_back(static_cast<float>(data.column("bmi").number(row)));
    labels.push_back(static_cast<float>(data.column("progression").number(row)));
  }
  xgb::DMatrix training(matrix, data.row_count(), 2);
  training.set_labels(labels);
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"objective", "count:poisson"}, {"booster", "dart"}}) {
    xgb::Booster booster(training);
    booster.set_parameter(name, value);
    booster.set_parameter("nthread", "1");
    for (int i = 0; i < 3; ++i) booster.update(i, training);
    std::string why_not;
    BOOST_TEST(!ModelEvaluator::from_ubjson(booster.save(), why_not));
    BOOST_TEST(why_not.find(value) != std::string::npos, why_not);
  }
}

BOOST_AUTO_TEST_CASE(bytes_it_cannot_read_leave_the_model_to_xgboost) {
  for (const std::string& bytes : {std::string("not a model"), std::string(), std::string("{}")}) {
    std::string why_not;
    BOOST_TEST(!ModelEvaluator::from_ubjson(bytes, why_not));
    BOOST_TEST(!why_not.empty());
  }
}

BOOST_AUTO_TEST_CASE(broken_trees_are_refused_not_walked) {
  std::shared_ptr<const TrainedModel> trained = train_case(cases().front());
  const std::string bytes = xgb::Booster::from_bytes(trained->booster_bytes()).save();
  using azml::json;
  auto edited = [&](auto&& edit) {
    json model = json::from_ubjson(bytes);
    json& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
    edit(tree);
    std::vector<std::uint8_t> out = json::to_ubjson(model);
    return std::string(out.begin(), out.end());
  };
  std::string why_not;
  // Node 1 made a split whose left child is itself: a walk that never ends.
  const std::string cycle = edited([](json& tree) {
    tree["left_children"][1] = 1;
    tree["right_children"][1] = 2;
    tree["split_indices"][1] = 0;
  });
  // A split on a feature the rows do not have.
  const std::string feature = edited([](json& tree) { tree["split_indices"][0] = 100000; });
  // A child past the end of the tree.
  const std::string child = edited([](json& tree) { tree["left_children"][0] = 1000000; });
  // Arrays of different lengths.
  const std::string lengths = edited([](json& tree) { tree["split_conditions"].erase(0); });
  azml::engine::test::check_error([&] { ModelEvaluator::from_ubjson(cycle, why_not); }, {"tree 0", "cycle"});
  azml::engine::test::check_error([&] { ModelEvaluator::from_ubjson(feature, why_not); }, {"tree 0", "broken node 0"});
  azml::engine::test::check_error([&] { ModelEvaluator::from_ubjson(child, why_not); }, {"tree 0", "broken node 0"});
  azml::engine::test::check_error([&] { ModelEvaluator::from_ubjson(lengths, why_not); }, {"tree 0", "lengths"});
}

BOOST_AUTO_TEST_CASE(the_evaluator_can_be_turned_off) {
  std::shared_ptr<const TrainedModel> trained = train_case(cases().front());
  TrainedModel model(trained->header(), trained->booster_bytes(), ModelOptions{1, false});
  BOOST_TEST(model.scorer() == "XGBoost: azml's evaluator is turned off");
}

BOOST_AUTO_TEST_SUITE_END()
