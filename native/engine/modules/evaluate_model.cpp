// Evaluate Model: metrics for one scored dataset, or two side by side (one row each).
#include "engine/evaluation.hpp"
#include "engine/modules/module.hpp"

namespace azml::engine {

std::unique_ptr<Module> make_evaluate_model_module() {
  ModuleInfo info{"Evaluate Model",
                  {"evaluate-model", "evaluate-generic"},
                  {{"Scored dataset", PortKind::Dataset, false}, {"Scored dataset to compare", PortKind::Dataset, true}},
                  {{"Evaluation results", PortKind::Dataset, false}},
                  {}};
  return make_module(std::move(info), [](const Parameters&) -> RunFunction {
    return [](const PortValues& inputs) {
      std::vector<Metrics> rows{evaluate_scored(input_table(inputs, "Scored dataset"))};
      auto compare = inputs.find("Scored dataset to compare");
      if (compare != inputs.end() && !compare->second.empty()) {
        rows.push_back(evaluate_scored(input_table(inputs, "Scored dataset to compare")));
      }
      return PortValues{{"Evaluation results", output_table(metrics_table(rows))}};
    };
  });
}

}  // namespace azml::engine
