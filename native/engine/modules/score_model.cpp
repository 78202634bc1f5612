// Score Model: scores a dataset with a trained model (see scoring.hpp for the columns).
#include "engine/modules/module.hpp"
#include "engine/scoring.hpp"

namespace azml::engine {

std::unique_ptr<Module> make_score_model_module() {
  ModuleInfo info{"Score Model",
                  {"score-model", "score-generic"},
                  {{"Trained model", PortKind::TrainedModel, false}, {"Dataset", PortKind::Dataset, false}},
                  {{"Scored dataset", PortKind::Dataset, false}},
                  {{"Append score columns to output", "True", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    bool append = p.boolean("Append score columns to output");
    return [append](const PortValues& inputs) {
      const auto& model = inputs.at("Trained model").trained_model();
      return PortValues{{"Scored dataset", output_table(score(*model, input_table(inputs, "Dataset"), append))}};
    };
  });
}

}  // namespace azml::engine
