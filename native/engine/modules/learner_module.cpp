// The learner modules ("Two-Class Boosted Decision Tree", ...): no inputs, one output, the
// learner with its parameters checked, for Train Model.
#include "engine/modules/module.hpp"

namespace azml::engine {

std::unique_ptr<Module> make_learner_module(const LearnerDefinition& learner) {
  ModuleInfo info{learner.name, {learner.slug}, {}, {{"Untrained model", PortKind::UntrainedModel, false}},
                  learner.parameters};
  const LearnerDefinition* definition = &learner;
  return make_module(std::move(info), [definition](const Parameters& p) -> RunFunction {
    auto configured = std::make_shared<const UntrainedModel>(*definition, p);
    return [configured](const PortValues&) { return PortValues{{"Untrained model", Value(configured)}}; };
  });
}

}  // namespace azml::engine
