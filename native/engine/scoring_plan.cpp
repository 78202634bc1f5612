#include "engine/scoring_plan.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "common/error.hpp"
#include "engine/scoring.hpp"

namespace azml::engine {

namespace {

using Node = CompiledGraph::Node;

constexpr const char* kScoreModel = "Score Model";
constexpr const char* kSelectColumns = "Select Columns in Dataset";

bool is_module(const Node& node, const char* name) {
  return node.kind == Node::Kind::Module && node.module && node.module->info().name == name;
}

// The trained model of the graph's one Score Model, when the graph is input -> Score Model
// -> Select Columns* -> output; nullptr otherwise.
std::shared_ptr<const TrainedModel> scored_model(const CompiledGraph& graph) {
  const auto& nodes = graph.nodes();
  const Node* score_model = nullptr;
  size_t score_model_index = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if (!node.needed || node.kind != Node::Kind::Module) continue;
    if (!node.operation) return nullptr;
    if (is_module(node, kScoreModel)) {
      if (score_model) return nullptr;
      score_model = &node;
      score_model_index = i;
    } else if (!is_module(node, kSelectColumns)) {
      return nullptr;
    }
  }
  if (!score_model) return nullptr;

  // Its dataset comes straight from the input: a selection before it could depend on the
  // order a request gives the columns in. Every selection is after it, in a chain.
  std::shared_ptr<const TrainedModel> model;
  for (const auto& link : score_model->incoming) {
    const Node& source = nodes[link.source];
    if (link.target_port == "Dataset" && source.kind != Node::Kind::Input) return nullptr;
    if (link.target_port == "Trained model") {
      if (source.kind != Node::Kind::Resource || source.resource.empty() ||
          source.resource.kind() != PortKind::TrainedModel) {
        return nullptr;
      }
      model = source.resource.trained_model();
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].needed || !is_module(nodes[i], kSelectColumns)) continue;
    for (const auto& link : nodes[i].incoming) {
      if (link.source < score_model_index) return nullptr;
    }
  }
  return model;
}

bool same_outputs(const std::map<std::string, Value>& a, const std::map<std::string, Value>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [name, value] : a) {
    auto other = b.find(name);
    if (other == b.end() || value.kind() != PortKind::Dataset || other->second.kind() != PortKind::Dataset) return false;
    if (!identical(value.table(), other->second.table())) return false;
  }
  return true;
}

// Probe rows: every column missing, then whole numbers that differ from column to column (so
// that reading one column for another shows), positive in one row and negative in the other; a
// String column holds their text.
constexpr size_t kProbeRows = 3;

double probe_value(size_t row, size_t column) {
  const double magnitude = static_cast<double>(column + 1);
  return row == 0 ? std::nan("") : row == 1 ? magnitude : -2 * magnitude;
}

Column probe_column(const ColumnSpec& spec, size_t column) {
  Column probe(spec.name, spec.type);
  for (size_t row = 0; row < kProbeRows; ++row) {
    const double value = probe_value(row, column);
    if (std::isnan(value)) {
      probe.push_missing();
    } else if (spec.type == ColumnType::String) {
      probe.push_text(std::to_string(static_cast<long long>(value)));
    } else if (spec.type == ColumnType::Boolean) {
      probe.push_number(value > 0 ? 1 : 0);
    } else {
      probe.push_number(value);
    }
  }
  return probe;
}

}  // namespace

std::unique_ptr<const ScoringPlan> ScoringPlan::of(const CompiledGraph& graph) {
  if (graph.inputs().size() != 1 || graph.outputs().size() != 1 || !graph.global_parameter_names().empty()) {
    return nullptr;
  }
  const auto& input = graph.inputs().front();
  if (!input.schema || input.schema->empty()) return nullptr;
  std::shared_ptr<const TrainedModel> model = scored_model(graph);
  if (!model) return nullptr;

  static std::atomic<std::uint64_t> last_id{0};
  std::unique_ptr<ScoringPlan> plan(new ScoringPlan());
  plan->id_ = ++last_id;
  plan->input_name_ = input.name;
  plan->schema_ = *input.schema;
  plan->model_ = model;
  plan->output_name_ = graph.outputs().front().name;

  // Each feature from its own numeric, non-categorical column of the schema, one slot each.
  const FeatureSchema& features = model->header().features;
  if (features.width() != features.features().size()) return nullptr;
  plan->slots_.assign(plan->schema_.size(), std::nullopt);
  for (size_t f = 0; f < features.features().size(); ++f) {
    const FeatureSpec& feature = features.features()[f];
    if (feature.categorical) return nullptr;
    size_t matches = 0;
    for (size_t c = 0; c < plan->schema_.size(); ++c) {
      if (plan->schema_[c].name != feature.name) continue;
      ++matches;
      const ColumnType type = plan->schema_[c].type;
      if (type != ColumnType::Double && type != ColumnType::Integer) return nullptr;
      plan->slots_[c] = f;
    }
    if (matches != 1) return nullptr;
  }

  // Which score columns the output keeps, read off the graph's own output for probe rows; then
  // the same probe rows, in both column orders, must come out of both the same.
  std::vector<float> probe_features(kProbeRows * plan->width());
  for (size_t row = 0; row < kProbeRows; ++row) {
    for (size_t c = 0; c < plan->schema_.size(); ++c) {
      if (plan->slots_[c]) probe_features[row * plan->width() + *plan->slots_[c]] = plan->encode(c, probe_value(row, c));
    }
  }
  try {
    const std::vector<Column> scores =
        score_columns(model->header(), model->predict_encoded(probe_features, kProbeRows));
    for (const bool reversed : {false, true}) {
      std::vector<Column> columns;
      for (size_t c = 0; c < plan->schema_.size(); ++c) columns.push_back(probe_column(plan->schema_[c], c));
      if (reversed) std::reverse(columns.begin(), columns.end());
      std::map<std::string, Table> inputs;
      inputs.emplace(plan->input_name_, Table(std::move(columns)));
      const auto expected = graph.execute(std::move(inputs));
      if (!reversed) {
        auto output = expected.find(plan->output_name_);
        if (output == expected.end() || output->second.kind() != PortKind::Dataset) return nullptr;
        for (const auto& column : output->second.table().columns()) {
          auto kept = std::find_if(scores.begin(), scores.end(),
                                   [&](const Column& score) { return score.name() == column.name(); });
          if (kept == scores.end()) return nullptr;  // the output keeps an input column
          plan->kept_.push_back(static_cast<size_t>(kept - scores.begin()));
        }
      }
      if (!same_outputs(expected, plan->score(probe_features, kProbeRows))) return nullptr;
    }
  } catch (const std::exception&) {
    // A graph that fails on well-formed rows is left to fail as it does; and a plan is only
    // ever a shortcut, so nothing about it may stop a revision from compiling.
    return nullptr;
  }
  return plan;
}

std::map<std::string, Value> ScoringPlan::score(const std::vector<float>& features, size_t rows) const {
  std::vector<Column> scores = score_columns(model_->header(), model_->predict_encoded(features, rows));
  std::vector<Column> kept;
  kept.reserve(kept_.size());
  for (size_t index : kept_) kept.push_back(std::move(scores[index]));  // each index once: names are distinct
  std::map<std::string, Value> outputs;
  outputs.emplace(output_name_, Value(Table(std::move(kept), Table::DistinctNames{})));
  return outputs;
}

}  // namespace azml::engine
