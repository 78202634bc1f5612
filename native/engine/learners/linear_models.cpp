// Two-Class and Multiclass Logistic Regression and Linear Regression: XGBoost's linear
// booster (gblinear) with cyclic coordinate descent, which is deterministic and converges on
// these convex losses, on standardised features. Azure trained the logistic regressions with
// L-BFGS; "Memory size for L-BFGS" is accepted and has no effect here.
#include "common/error.hpp"
#include "engine/learners/learner.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

// Coordinate descent passes before giving up on the tolerance.
constexpr int kMaxLinearRounds = 1000;

std::vector<ParameterSpec> logistic_parameters() {
  return {trainer_mode_parameter(),
          {"Optimization tolerance", "1E-07", {}},
          {"L1 regularization weight", "1", {}},
          {"L2 regularization weight", "1", {}},
          {"Memory size for L-BFGS", "20", {}},
          random_seed_parameter(),
          unknown_levels_parameter()};
}

BoosterPlan coordinate_descent_plan(const std::string& objective) {
  BoosterPlan plan;
  plan.booster_parameters = {{"booster", "gblinear"},     {"objective", objective},
                             {"updater", "coord_descent"}, {"feature_selector", "cyclic"},
                             {"eta", "1"}};
  plan.rounds = kMaxLinearRounds;
  plan.standardize = true;
  plan.regularize_linear = true;
  return plan;
}

BoosterPlan logistic_plan(const Parameters& p, const std::string& objective) {
  require_single_parameter_mode(p);
  BoosterPlan plan = coordinate_descent_plan(objective);
  plan.tolerance = p.number("Optimization tolerance", 0.0, 1.0);
  plan.l1_weight = p.number("L1 regularization weight", 0.0);
  plan.l2_weight = p.number("L2 regularization weight", 0.0);
  p.integer("Memory size for L-BFGS", 1);
  plan.booster_parameters["seed"] = seed_value(p);
  plan.allow_unknown_levels = p.boolean("Allow unknown categorical levels");
  return plan;
}

BoosterPlan linear_regression_plan(const Parameters& p) {
  require_single_parameter_mode(p);
  if (!p.boolean("Include intercept term")) {
    throw Error(ErrorCode::Invalid,
                "parameter 'Include intercept term': False is not implemented by azml (XGBoost's linear booster "
                "always fits an intercept)");
  }
  std::string method = p.choice("Solution method", {"Ordinary Least Squares", "Online Gradient Descent"});
  BoosterPlan plan = coordinate_descent_plan("reg:squarederror");
  plan.l2_weight = p.number("L2 regularization weight", 0.0);
  plan.booster_parameters["seed"] = seed_value(p);
  plan.allow_unknown_levels = p.boolean("Allow unknown categorical levels");
  if (method == "Ordinary Least Squares") {
    // Exact per-coordinate Newton steps, until the fit stops improving.
    plan.tolerance = 1e-10;
    return plan;
  }
  // Online Gradient Descent: a fixed number of passes at Azure's learning rate, on
  // standardised features when "Normalize features" is set.
  plan.tolerance = 0;
  plan.rounds = static_cast<int>(p.integer("Number of training epochs", 1, 100000));
  plan.booster_parameters["eta"] = format_number(p.number("Learning rate", 1e-9, 1.0));
  plan.standardize = p.boolean("Normalize features");
  p.boolean("Average final hypothesis");
  p.boolean("Decrease learning rate");
  return plan;
}

}  // namespace

const LearnerDefinition& two_class_logistic_regression() {
  static const LearnerDefinition definition{
      "Two-Class Logistic Regression", "two-class-logistic-regression", LearnerKind::BinaryClassification,
      logistic_parameters(), [](const Parameters& p) { return logistic_plan(p, "binary:logistic"); }};
  return definition;
}

const LearnerDefinition& multiclass_logistic_regression() {
  static const LearnerDefinition definition{
      "Multiclass Logistic Regression", "multiclass-logistic-regression", LearnerKind::MulticlassClassification,
      logistic_parameters(), [](const Parameters& p) { return logistic_plan(p, "multi:softprob"); }};
  return definition;
}

const LearnerDefinition& linear_regression() {
  static const LearnerDefinition definition{
      "Linear Regression",
      "linear-regression",
      LearnerKind::Regression,
      {trainer_mode_parameter(),
       {"Solution method", "Ordinary Least Squares", {}},
       {"L2 regularization weight", "0.001", {}},
       {"Include intercept term", "True", {}},
       {"Learning rate", "0.1", {}},
       {"Number of training epochs", "10", {}},
       {"Normalize features", "True", {}},
       {"Average final hypothesis", "True", {}},
       {"Decrease learning rate", "True", {}},
       random_seed_parameter(),
       unknown_levels_parameter()},
      linear_regression_plan};
  return definition;
}

}  // namespace azml::engine
