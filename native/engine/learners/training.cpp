// The one training loop every learner shares: label and feature preparation, the XGBoost
// rounds, and the model header.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "common/error.hpp"
#include "common/time_util.hpp"
#include "engine/learners/learner.hpp"
#include "engine/run_context.hpp"
#include "engine/value_text.hpp"
#include "engine/xgboost/booster.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, message); }

// Classes in a stable order: numerically when every value is a number, as text otherwise
// (which puts False before True). The positive class of a binary label is the second.
std::vector<std::string> ordered_classes(const Column& label) {
  std::set<std::string> distinct;
  for (size_t row = 0; row < label.size(); ++row) {
    if (!label.is_missing(row)) distinct.insert(label.to_text(row));
  }
  std::vector<std::string> classes(distinct.begin(), distinct.end());
  bool numeric = std::all_of(classes.begin(), classes.end(), [](const std::string& c) { return parse_number(c).has_value(); });
  if (numeric) {
    std::stable_sort(classes.begin(), classes.end(),
                     [](const std::string& a, const std::string& b) { return *parse_number(a) < *parse_number(b); });
  }
  return classes;
}

// The hessian of one sample at the start of training, for min_child_weight.
double initial_hessian(LearnerKind kind, size_t classes) {
  switch (kind) {
    case LearnerKind::Regression: return 1.0;
    case LearnerKind::BinaryClassification: return 0.25;  // p(1-p) at p = 0.5
    case LearnerKind::MulticlassClassification: {
      double p = 1.0 / static_cast<double>(classes);
      return 2.0 * p * (1.0 - p);  // XGBoost's softmax hessian at uniform probabilities
    }
  }
  return 1.0;
}

std::string format_parameter(double value) { return format_number(value); }

}  // namespace

std::shared_ptr<const TrainedModel> train(const UntrainedModel& learner, const Table& table,
                                          const std::string& label_column, const TrainingOptions& options) {
  const LearnerDefinition& definition = learner.definition();
  const BoosterPlan& plan = learner.plan();
  const std::string who = "training '" + definition.name + "'";

  auto label_index = table.find(label_column);
  if (!label_index) {
    invalid(who + ": the label column '" + label_column + "' is not in the dataset, whose columns are " +
            quote_names(table.column_names()));
  }
  std::vector<size_t> labelled_rows;
  for (size_t row = 0; row < table.row_count(); ++row) {
    if (!table.column(*label_index).is_missing(row)) labelled_rows.push_back(row);
  }
  if (labelled_rows.empty()) invalid(who + ": no row has a value in the label column '" + label_column + "'");
  const Table training =
      labelled_rows.size() == table.row_count() ? table : table.take_rows(labelled_rows);
  const Column& label = training.column(*label_index);

  std::vector<size_t> feature_columns;
  for (size_t i = 0; i < training.column_count(); ++i) {
    if (i != *label_index && training.column(i).role() == ColumnRole::Feature) feature_columns.push_back(i);
  }
  if (feature_columns.empty()) invalid(who + ": the dataset has no feature column besides the label '" + label_column + "'");

  const size_t rows = training.row_count();
  LabelSpec label_spec{label.name(), label.type(), {}};
  std::vector<float> labels(rows);
  if (definition.kind == LearnerKind::Regression) {
    Column numeric = label.is_numeric() ? label : label.converted_to(ColumnType::Double);
    for (size_t row = 0; row < rows; ++row) labels[row] = static_cast<float>(numeric.number(row));
  } else {
    label_spec.classes = ordered_classes(label);
    const size_t count = label_spec.classes.size();
    if (definition.kind == LearnerKind::BinaryClassification && count != 2) {
      invalid(who + ": a two-class learner needs a label column with exactly two values; '" + label_column +
              "' has " + std::to_string(count) + ": " + quote_names(label_spec.classes));
    }
    if (definition.kind == LearnerKind::MulticlassClassification && count < 2) {
      invalid(who + ": the label column '" + label_column + "' has a single value, " +
              quote_names(label_spec.classes) + "; a classifier needs at least two");
    }
    std::unordered_map<std::string, size_t> class_index;
    for (size_t k = 0; k < count; ++k) class_index.emplace(label_spec.classes[k], k);
    for (size_t row = 0; row < rows; ++row) labels[row] = static_cast<float>(class_index.at(label.to_text(row)));
  }

  FeatureSchema schema = FeatureSchema::learn(training, feature_columns, plan.standardize, plan.allow_unknown_levels);
  if (schema.width() == 0) invalid(who + ": the feature columns have no values to learn from");
  std::vector<float> matrix = schema.encode(training);
  xgb::DMatrix data(matrix, rows, schema.width());
  data.set_labels(labels);

  std::map<std::string, std::string> booster_parameters = plan.booster_parameters;
  if (definition.kind == LearnerKind::MulticlassClassification) {
    booster_parameters["num_class"] = std::to_string(label_spec.classes.size());
  }
  if (plan.min_samples_per_leaf > 0) {
    booster_parameters["min_child_weight"] =
        format_parameter(plan.min_samples_per_leaf * initial_hessian(definition.kind, label_spec.classes.size()));
  }
  if (plan.regularize_linear) {
    booster_parameters["alpha"] = format_parameter(plan.l1_weight / static_cast<double>(rows));
    booster_parameters["lambda"] = format_parameter(plan.l2_weight / static_cast<double>(rows));
  }
  if (plan.random_forest) {
    double width = static_cast<double>(schema.width());
    booster_parameters["colsample_bynode"] = format_parameter(std::min(1.0, std::sqrt(width) / width));
  }

  xgb::Booster booster(data);
  for (const auto& [name, value] : booster_parameters) booster.set_parameter(name, value);
  booster.set_parameter("nthread", std::to_string(std::max(1, options.threads)));
  booster.set_parameter("verbosity", "0");

  int rounds_done = 0;
  double previous_loss = 0;
  for (int round = 0; round < plan.rounds; ++round) {
    // A batch job can be cancelled mid-training; a round is the smallest step XGBoost offers.
    throw_if_cancelled();
    booster.update(round, data);
    rounds_done = round + 1;
    if (const RunContext* context = current_run_context(); context && context->on_boosting_round) {
      context->on_boosting_round(rounds_done, plan.rounds);
    }
    if (plan.tolerance > 0) {
      double loss = booster.evaluate(round, data, "train");
      // The loss alone may rise while the regularised objective falls, so the test is on
      // the size of the change, not its sign.
      if (round > 0 && std::fabs(previous_loss - loss) < plan.tolerance * std::max(previous_loss, 1e-12)) break;
      previous_loss = loss;
    }
  }
  const double training_loss = booster.evaluate(rounds_done - 1, data, "train");

  ModelHeader header;
  header.learner = definition.name;
  header.kind = definition.kind;
  for (const auto& [name, value] : learner.parameters().items()) header.parameters.emplace(name, value);
  header.booster_parameters = booster_parameters;
  header.boosting_rounds = rounds_done;
  header.features = std::move(schema);
  header.label = std::move(label_spec);
  header.training_rows = rows;
  const char* loss_name = definition.kind == LearnerKind::Regression ? "Root Mean Squared Error" : "Average Log Loss";
  header.metrics = json{{"training", {{loss_name, training_loss}}}};
  header.created_on = now_iso8601();
  header.azml_version = AZML_VERSION_STRING;
  header.xgboost_version = xgb::library_version();

  return std::make_shared<const TrainedModel>(std::move(header), booster.save(), options.model);
}

}  // namespace azml::engine
