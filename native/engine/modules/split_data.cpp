// Split Data, "Split Rows" mode: a fraction of the rows to the first output, the rest to the
// second; randomized with a seed, optionally stratified on a key column.
#include "common/error.hpp"
#include "engine/modules/module.hpp"
#include "engine/row_split.hpp"

namespace azml::engine {

namespace {

struct Splitting {
  double fraction = 0.5;
  bool randomized = true;
  std::uint64_t seed = 0;
  bool stratified = false;
  std::optional<ColumnPicker> strata;
};

PortValues split(const Splitting& s, const Table& input) {
  const Column* strata = nullptr;
  if (s.stratified) {
    std::vector<size_t> key = s.strata->select(input);
    if (key.size() != 1) {
      throw Error(ErrorCode::Invalid, "parameter 'Stratification key column' must select exactly one column; it selects " +
                                          std::to_string(key.size()));
    }
    strata = &input.column(key.front());
  }
  RowSplit rows = split_rows(input.row_count(), s.fraction, s.randomized, s.seed, strata);
  return PortValues{{"Results dataset1", output_table(input.take_rows(rows.first))},
                    {"Results dataset2", output_table(input.take_rows(rows.second))}};
}

}  // namespace

std::unique_ptr<Module> make_split_data_module() {
  ModuleInfo info{"Split Data",
                  {"split-data", "split"},
                  {{"Dataset", PortKind::Dataset, false}},
                  {{"Results dataset1", PortKind::Dataset, false}, {"Results dataset2", PortKind::Dataset, false}},
                  {{"Splitting mode", "Split Rows", {}},
                   {"Fraction of rows in the first output dataset", "0.5", {}},
                   {"Randomized split", "True", {}},
                   {"Random seed", "0", {}},
                   {"Stratified split", "False", {}},
                   {"Stratification key column", "", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    std::string mode = p.choice("Splitting mode", {"Split Rows", "Recommender Split", "Regular Expression",
                                                   "Relative Expression"});
    if (mode != "Split Rows") {
      throw Error(ErrorCode::Invalid, "parameter 'Splitting mode': '" + mode + "' is not implemented by azml");
    }
    Splitting s;
    s.fraction = p.number("Fraction of rows in the first output dataset", 0.0, 1.0);
    s.randomized = p.boolean("Randomized split");
    s.seed = static_cast<std::uint64_t>(p.integer("Random seed", 0));
    s.stratified = p.boolean("Stratified split");
    if (s.stratified) {
      if (p.text("Stratification key column").empty()) {
        throw Error(ErrorCode::Invalid, "parameter 'Stratification key column' is required for a stratified split");
      }
      s.strata = p.columns("Stratification key column");
    }
    return [s](const PortValues& inputs) { return split(s, input_table(inputs, "Dataset")); };
  });
}

}  // namespace azml::engine
