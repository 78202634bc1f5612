// Two-Class Boosted Decision Tree and Boosted Decision Tree Regression: gradient-boosted
// trees grown leaf-wise (XGBoost hist, lossguide), as Azure's FastTree-based modules grew
// them, bounded by a number of leaves rather than a depth.
#include "engine/learners/learner.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

std::vector<ParameterSpec> boosted_tree_parameters(const std::string& trees_name, const std::string& trees_alias) {
  return {trainer_mode_parameter(),
          {"Maximum number of leaves per tree", "20", {}},
          {"Minimum number of samples per leaf node", "10",
           {"Minimum number of training instances required to form a leaf"}},
          {"Learning rate", "0.2", {}},
          {trees_name, "100", {trees_alias}},
          random_seed_parameter(),
          unknown_levels_parameter()};
}

BoosterPlan boosted_tree_plan(const Parameters& p, const std::string& objective, const std::string& trees_name) {
  require_single_parameter_mode(p);
  BoosterPlan plan;
  plan.booster_parameters = {
      {"booster", "gbtree"},
      {"objective", objective},
      {"tree_method", "hist"},
      {"grow_policy", "lossguide"},
      {"max_depth", "0"},
      {"max_leaves", std::to_string(p.integer("Maximum number of leaves per tree", 2, 131072))},
      {"eta", format_number(p.number("Learning rate", 1e-9, 1.0))},
      {"seed", seed_value(p)},
  };
  plan.rounds = static_cast<int>(p.integer(trees_name, 1, 100000));
  plan.min_samples_per_leaf = static_cast<double>(p.integer("Minimum number of samples per leaf node", 1, 1000000));
  plan.allow_unknown_levels = p.boolean("Allow unknown categorical levels");
  return plan;
}

}  // namespace

const LearnerDefinition& two_class_boosted_decision_tree() {
  static const LearnerDefinition definition{
      "Two-Class Boosted Decision Tree", "two-class-boosted-decision-tree", LearnerKind::BinaryClassification,
      boosted_tree_parameters("Number of trees constructed", "Total number of trees constructed"),
      [](const Parameters& p) { return boosted_tree_plan(p, "binary:logistic", "Number of trees constructed"); }};
  return definition;
}

const LearnerDefinition& boosted_decision_tree_regression() {
  static const LearnerDefinition definition{
      "Boosted Decision Tree Regression", "boosted-decision-tree-regression", LearnerKind::Regression,
      boosted_tree_parameters("Total number of trees constructed", "Number of trees constructed"),
      [](const Parameters& p) { return boosted_tree_plan(p, "reg:squarederror", "Total number of trees constructed"); }};
  return definition;
}

}  // namespace azml::engine
