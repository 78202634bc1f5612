#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/learners/learner.hpp"

namespace azml::engine {

const std::vector<const LearnerDefinition*>& learner_definitions() {
  static const std::vector<const LearnerDefinition*> all{
      &two_class_logistic_regression(), &two_class_boosted_decision_tree(), &linear_regression(),
      &boosted_decision_tree_regression(), &multiclass_logistic_regression(), &multiclass_decision_forest()};
  return all;
}

const LearnerDefinition* find_learner(std::string_view name_or_slug) {
  for (const auto* definition : learner_definitions()) {
    if (iequals(definition->name, name_or_slug) || iequals(definition->slug, name_or_slug)) return definition;
  }
  return nullptr;
}

UntrainedModel::UntrainedModel(const LearnerDefinition& definition, const Parameters& given)
    : definition_(&definition), parameters_(given.resolved(definition.parameters, "module '" + definition.name + "'")) {
  try {
    plan_ = definition.plan(parameters_);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Invalid) throw;
    throw Error(ErrorCode::Invalid, "module '" + definition.name + "': " + e.what());
  }
}

}  // namespace azml::engine
