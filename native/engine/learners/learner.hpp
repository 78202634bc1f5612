// The learners: Azure ML Studio's initialize-model modules, trained with XGBoost. Each
// learner maps Azure's parameters (by Azure's names) to an XGBoost booster plan; train()
// runs the plan on a table and returns a loaded TrainedModel.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model_header.hpp"
#include "engine/parameters.hpp"
#include "engine/table.hpp"
#include "engine/trained_model.hpp"

namespace azml::engine {

// How XGBoost trains a learner once Azure's parameters are read.
struct BoosterPlan {
  std::map<std::string, std::string> booster_parameters;  // passed to XGBoost as they are
  int rounds = 1;  // boosting rounds; with a tolerance, the most rounds
  // > 0: stop once a round changes the training loss by less than tolerance x the loss
  // (Azure's "Optimization tolerance" for the linear learners).
  double tolerance = 0;
  // Azure's "Minimum number of samples per leaf node". XGBoost bounds a leaf by its hessian
  // sum (min_child_weight), so the count becomes count x the hessian of one sample at the
  // start of training (1 for squared error, 0.25 for logistic, 2p(1-p) with p = 1/classes
  // for softmax): a leaf must hold at least that many samples' worth of curvature.
  double min_samples_per_leaf = 0;
  // Azure's L1/L2 weights penalise the summed loss; XGBoost's gblinear alpha/lambda
  // penalise the mean loss, so they are divided by the training row count.
  double l1_weight = 0;
  double l2_weight = 0;
  bool regularize_linear = false;
  bool standardize = false;          // linear learners: zero-mean, unit-variance numeric features
  bool allow_unknown_levels = true;  // unseen categorical levels score as missing
  bool random_forest = false;        // colsample_bynode = sqrt(features) / features
};

struct LearnerDefinition {
  std::string name;  // Azure's module name
  std::string slug;  // "two-class-boosted-decision-tree", for aml://module/<slug>
  LearnerKind kind;
  std::vector<ParameterSpec> parameters;
  // Reads resolved parameters; throws azml::Error(Invalid) naming a bad one.
  BoosterPlan (*plan)(const Parameters& parameters);
};

// The six learners, in a stable order.
const std::vector<const LearnerDefinition*>& learner_definitions();
// By Azure name (case-insensitively) or slug; nullptr when unknown.
const LearnerDefinition* find_learner(std::string_view name_or_slug);

const LearnerDefinition& two_class_boosted_decision_tree();
const LearnerDefinition& boosted_decision_tree_regression();
const LearnerDefinition& two_class_logistic_regression();
const LearnerDefinition& multiclass_logistic_regression();
const LearnerDefinition& linear_regression();
const LearnerDefinition& multiclass_decision_forest();

// A learner with its parameters checked: what a learner module hands to Train Model.
class UntrainedModel {
 public:
  // Resolves the parameters against the learner's specs and builds the plan; throws
  // azml::Error(Invalid) naming the learner and the parameter.
  UntrainedModel(const LearnerDefinition& definition, const Parameters& given);

  const LearnerDefinition& definition() const noexcept { return *definition_; }
  const Parameters& parameters() const noexcept { return parameters_; }
  const BoosterPlan& plan() const noexcept { return plan_; }

 private:
  const LearnerDefinition* definition_;
  Parameters parameters_;
  BoosterPlan plan_;
};

struct TrainingOptions {
  int threads = 1;  // XGBoost threads while training
  ModelOptions model;  // for the returned model
};

// Trains on every row whose label is present, using every column except the label (and
// columns marked as scores, labels or weights) as features. Throws azml::Error(Invalid) for
// a missing label column, a label unsuited to the learner (a two-class learner needs exactly
// two label values; regression needs numbers), no feature columns or no rows.
std::shared_ptr<const TrainedModel> train(const UntrainedModel& learner, const Table& table,
                                          const std::string& label_column, const TrainingOptions& options = {});

// Shared parameter specs.
ParameterSpec trainer_mode_parameter();
ParameterSpec random_seed_parameter();
ParameterSpec unknown_levels_parameter();
// Checks "Create trainer mode": only SingleParameter is implemented.
void require_single_parameter_mode(const Parameters& parameters);
// "seed" from "Random number seed" (blank -> 0, so training is repeatable).
std::string seed_value(const Parameters& parameters);

}  // namespace azml::engine
