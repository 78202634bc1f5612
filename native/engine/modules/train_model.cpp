// Train Model: trains an untrained model (a learner module's output) on a dataset, the label
// column given by a column picker that must select exactly one column.
#include "common/error.hpp"
#include "engine/modules/module.hpp"
#include "engine/run_context.hpp"

namespace azml::engine {

std::unique_ptr<Module> make_train_model_module() {
  ModuleInfo info{"Train Model",
                  {"train-model", "train-generic"},
                  {{"Untrained model", PortKind::UntrainedModel, false}, {"Dataset", PortKind::Dataset, false}},
                  {{"Trained model", PortKind::TrainedModel, false}},
                  {{"Label column", std::nullopt, {"Label Column"}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    ColumnPicker label = p.columns("Label column");
    return [label](const PortValues& inputs) {
      const Table& table = input_table(inputs, "Dataset");
      std::vector<size_t> selected = label.select(table);
      if (selected.size() != 1) {
        throw Error(ErrorCode::Invalid, "parameter 'Label column' must select exactly one column; it selects " +
                                            std::to_string(selected.size()));
      }
      TrainingOptions options;
      if (const RunContext* context = current_run_context()) options.threads = context->training_threads;
      auto model =
          train(inputs.at("Untrained model").untrained_model(), table, table.column(selected[0]).name(), options);
      return PortValues{{"Trained model", Value(std::move(model))}};
    };
  });
}

}  // namespace azml::engine
