// Multiclass Decision Forest: a random forest in one XGBoost round (num_parallel_tree trees,
// learning rate 1), each tree on a row sample and choosing among a random subset of
// features at every split.
#include "engine/learners/learner.hpp"

namespace azml::engine {

namespace {

BoosterPlan forest_plan(const Parameters& p) {
  require_single_parameter_mode(p);
  std::string resampling = p.choice("Resampling method", {"Bagging", "Replicate"});
  BoosterPlan plan;
  plan.booster_parameters = {
      {"booster", "gbtree"},
      {"objective", "multi:softprob"},
      {"tree_method", "hist"},
      {"eta", "1"},
      {"num_parallel_tree", std::to_string(p.integer("Number of decision trees", 1, 10000))},
      {"max_depth", std::to_string(p.integer("Maximum depth of the decision trees", 1, 64))},
      // Azure drew this many random split candidates per feature; XGBoost's hist method
      // considers at most max_bin thresholds per feature.
      {"max_bin", std::to_string(std::max<long long>(2, p.integer("Number of random splits per node", 1, 65536)))},
      // Bagging: each tree sees a sample of the rows (XGBoost samples without replacement;
      // 0.632 is the share of distinct rows in a bootstrap sample). Replicate: every row.
      {"subsample", resampling == "Bagging" ? "0.632" : "1"},
      {"seed", seed_value(p)},
  };
  plan.rounds = 1;
  plan.random_forest = true;
  plan.min_samples_per_leaf = static_cast<double>(p.integer("Minimum number of samples per leaf node", 1, 1000000));
  plan.allow_unknown_levels = p.boolean("Allow unknown values for categorical features");
  return plan;
}

}  // namespace

const LearnerDefinition& multiclass_decision_forest() {
  static const LearnerDefinition definition{
      "Multiclass Decision Forest",
      "multiclass-decision-forest",
      LearnerKind::MulticlassClassification,
      {trainer_mode_parameter(),
       {"Resampling method", "Bagging", {}},
       {"Number of decision trees", "8", {}},
       {"Maximum depth of the decision trees", "32", {}},
       {"Number of random splits per node", "128", {}},
       {"Minimum number of samples per leaf node", "1", {}},
       random_seed_parameter(),
       {"Allow unknown values for categorical features", "True", {"Allow unknown categorical levels"}}},
      forest_plan};
  return definition;
}

}  // namespace azml::engine
