// A shortcut for the graph nearly every predictive web service is:
//
//   input -> Score Model (a trained model's asset) -> Select Columns in Dataset (none or more) -> output
//
// where what the output keeps is score columns only. For such a graph a request's rows never
// need to become a table: a caller reads each cell of a feature column straight into the
// model's row of features (encode()), and score() returns what CompiledGraph::execute would
// return for those rows. Executing the graph builds an input table, one table per node and a
// map of port values per node; on a single-row call that was most of the scoring work.
//
// ScoringPlan::of() takes a graph only when the shortcut cannot differ from executing it:
// - one input with a declared schema, one output, no global parameters;
// - the needed modules are one Score Model, fed straight by the input and by a trained-model
//   asset, and any number of Select Columns after it;
// - every feature the model reads is a Double or Integer column of the schema, not
//   categorical (other schema columns are read and dropped);
// - executing the graph and the plan on probe rows (missing, zero and one in every column, the
//   schema's columns in its order and reversed) gives the same output tables, to the bit.
// What Score Model and Select Columns make of a dataset depends on its columns' names, types
// and roles, never on its values, so agreeing on the probe rows is agreeing on every row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/graph.hpp"
#include "engine/rrs_table.hpp"
#include "engine/trained_model.hpp"

namespace azml::engine {

class ScoringPlan {
 public:
  // nullptr when the graph is not of the shape above (which is no error: it executes as usual).
  static std::unique_ptr<const ScoringPlan> of(const CompiledGraph& graph);

  // Distinct for every plan this process makes, never 0: a key for what callers keep per plan.
  std::uint64_t id() const noexcept { return id_; }
  const std::string& input_name() const noexcept { return input_name_; }
  const TableSchema& input_schema() const noexcept { return schema_; }
  // Floats per row of features.
  size_t width() const noexcept { return model_->header().features.width(); }
  // The slot of a row of features that input_schema()[column] fills; nullopt for a column the
  // model does not read.
  std::optional<size_t> slot_of(size_t column) const noexcept { return slots_[column]; }
  // What that slot holds for a cell whose value, as its Double or Integer column holds it, is
  // `value` (NaN: missing).
  float encode(size_t column, double value) const { return model_->header().features.encode_number(*slots_[column], value); }

  // The outputs CompiledGraph::execute returns for these rows: rows x width() floats, each
  // slot filled with encode().
  std::map<std::string, Value> score(const std::vector<float>& features, size_t rows) const;

 private:
  ScoringPlan() = default;

  std::uint64_t id_ = 0;
  std::string input_name_;
  TableSchema schema_;
  std::vector<std::optional<size_t>> slots_;  // per schema column
  std::shared_ptr<const TrainedModel> model_;
  std::vector<size_t> kept_;  // the score columns the output keeps, in its order
  std::string output_name_;
};

}  // namespace azml::engine
