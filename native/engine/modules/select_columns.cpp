// Select Columns in Dataset: keeps the columns the picker selects, in the picker's order.
#include "common/error.hpp"
#include "engine/modules/module.hpp"

namespace azml::engine {

std::unique_ptr<Module> make_select_columns_module() {
  ModuleInfo info{"Select Columns in Dataset",
                  {"select-columns", "select-columns-in-dataset", "project-columns"},
                  {{"Dataset", PortKind::Dataset, false}},
                  {{"Results dataset", PortKind::Dataset, false}},
                  {{"Select columns", std::nullopt, {"Column Selector", "Selected columns"}}}};
  return make_module(std::move(info), [](const Parameters& parameters) -> RunFunction {
    ColumnPicker picker = parameters.columns("Select columns");
    return [picker](const PortValues& inputs) {
      const Table& table = input_table(inputs, "Dataset");
      std::vector<size_t> selected = picker.select(table);
      if (selected.empty()) throw Error(ErrorCode::Invalid, "the column selection selects no column of the dataset");
      // Every column in its own order is the dataset itself: pass it on rather than copy it (a
      // scoring service typically keeps exactly the columns Score Model made).
      bool whole = selected.size() == table.column_count();
      for (size_t i = 0; whole && i < selected.size(); ++i) whole = selected[i] == i;
      if (whole) return PortValues{{"Results dataset", inputs.at("Dataset")}};
      return PortValues{{"Results dataset", output_table(table.select_columns(selected))}};
    };
  });
}

}  // namespace azml::engine
