#include "engine/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, "Evaluate Model: " + message); }

double ratio(double a, double b) { return b == 0 ? kNaN : a / b; }

std::optional<size_t> find_role(const Table& table, ColumnRole role) {
  for (size_t i = 0; i < table.column_count(); ++i) {
    if (table.column(i).role() == role) return i;
  }
  return std::nullopt;
}

size_t label_index(const Table& scored) {
  auto label = find_role(scored, ColumnRole::Label);
  if (!label) {
    invalid("the scored dataset has no label column; score a dataset that has the model's label column, with "
            "Score Model's 'Append score columns to output' set to True");
  }
  return *label;
}

Metrics binary_metrics(const Table& scored, size_t label, size_t probability) {
  const Column& labels = scored.column(label);
  const Column& scores = scored.column(probability);
  const auto& classes = scores.classes();
  if (classes.size() != 2) invalid("the column 'Scored Probabilities' does not say which class is positive");
  std::vector<double> values;
  std::vector<bool> positive;
  long long tp = 0, fn = 0, fp = 0, tn = 0;
  double log_loss = 0;
  for (size_t row = 0; row < scored.row_count(); ++row) {
    if (labels.is_missing(row) || scores.is_missing(row)) continue;
    bool is_positive = labels.to_text(row) == classes[1];
    double p = scores.number(row);
    values.push_back(p);
    positive.push_back(is_positive);
    bool predicted = p >= 0.5;
    if (is_positive) {
      predicted ? ++tp : ++fn;
    } else {
      predicted ? ++fp : ++tn;
    }
    double clipped = std::min(std::max(p, 1e-15), 1.0 - 1e-15);
    log_loss -= is_positive ? std::log(clipped) : std::log(1.0 - clipped);
  }
  if (values.empty()) invalid("no row has both a label and a score");
  const double n = static_cast<double>(values.size());
  double precision = ratio(static_cast<double>(tp), static_cast<double>(tp + fp));
  double recall = ratio(static_cast<double>(tp), static_cast<double>(tp + fn));
  double f1 = ratio(2 * precision * recall, precision + recall);
  return {{"True Positive", static_cast<double>(tp)},
          {"False Negative", static_cast<double>(fn)},
          {"False Positive", static_cast<double>(fp)},
          {"True Negative", static_cast<double>(tn)},
          {"Positive Label", classes[1]},
          {"Negative Label", classes[0]},
          {"Accuracy", static_cast<double>(tp + tn) / n},
          {"Precision", precision},
          {"Recall", recall},
          {"F1 Score", f1},
          {"Threshold", 0.5},
          {"AUC", area_under_roc(values, positive)},
          {"Average Log Loss", log_loss / n}};
}

Metrics multiclass_metrics(const Table& scored, size_t label, size_t scored_label) {
  const Column& labels = scored.column(label);
  const Column& predictions = scored.column(scored_label);
  std::vector<std::string> classes = predictions.classes();
  std::vector<long long> true_positive(classes.size()), predicted(classes.size()), actual(classes.size());
  long long correct = 0;
  long long total = 0;
  for (size_t row = 0; row < scored.row_count(); ++row) {
    if (labels.is_missing(row) || predictions.is_missing(row)) continue;
    std::string truth = labels.to_text(row);
    std::string guess = predictions.to_text(row);
    auto position = [&](const std::string& c) {
      auto it = std::find(classes.begin(), classes.end(), c);
      if (it != classes.end()) return static_cast<size_t>(it - classes.begin());
      classes.push_back(c);  // a class the model never saw: still counted
      true_positive.push_back(0);
      predicted.push_back(0);
      actual.push_back(0);
      return classes.size() - 1;
    };
    size_t t = position(truth);
    size_t g = position(guess);
    ++actual[t];
    ++predicted[g];
    if (t == g) {
      ++true_positive[t];
      ++correct;
    }
    ++total;
  }
  if (total == 0) invalid("no row has both a label and a scored label");
  const double n = static_cast<double>(total);
  double accuracy_sum = 0, precision_sum = 0, recall_sum = 0;
  size_t present = 0;
  for (size_t k = 0; k < classes.size(); ++k) {
    // One-vs-rest accuracy of class k: rows where "is k" and "predicted k" agree.
    double wrong = static_cast<double>(predicted[k] - true_positive[k] + actual[k] - true_positive[k]);
    accuracy_sum += (n - wrong) / n;
    precision_sum += predicted[k] ? static_cast<double>(true_positive[k]) / static_cast<double>(predicted[k]) : 0.0;
    recall_sum += actual[k] ? static_cast<double>(true_positive[k]) / static_cast<double>(actual[k]) : 0.0;
    if (actual[k] || predicted[k]) ++present;
  }
  const double classes_count = static_cast<double>(present);
  const double overall = static_cast<double>(correct) / n;
  return {{"Overall accuracy", overall},
          {"Average accuracy", accuracy_sum / static_cast<double>(classes.size())},
          {"Micro-averaged precision", overall},
          {"Macro-averaged precision", precision_sum / classes_count},
          {"Micro-averaged recall", overall},
          {"Macro-averaged recall", recall_sum / classes_count}};
}

Metrics regression_metrics(const Table& scored, size_t label, size_t scored_label) {
  const Column& truth_column = scored.column(label);
  if (!truth_column.is_numeric()) invalid("the label column '" + truth_column.name() + "' is not numeric");
  const Column& predictions = scored.column(scored_label);
  std::vector<double> truth, guess;
  for (size_t row = 0; row < scored.row_count(); ++row) {
    if (truth_column.is_missing(row) || predictions.is_missing(row)) continue;
    truth.push_back(truth_column.number(row));
    guess.push_back(predictions.number(row));
  }
  if (truth.empty()) invalid("no row has both a label and a scored label");
  const double n = static_cast<double>(truth.size());
  const double mean = std::accumulate(truth.begin(), truth.end(), 0.0) / n;
  double absolute = 0, squared = 0, absolute_spread = 0, squared_spread = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    double error = truth[i] - guess[i];
    absolute += std::fabs(error);
    squared += error * error;
    absolute_spread += std::fabs(truth[i] - mean);
    squared_spread += (truth[i] - mean) * (truth[i] - mean);
  }
  double relative_squared = ratio(squared, squared_spread);
  return {{"Mean Absolute Error", absolute / n},
          {"Root Mean Squared Error", std::sqrt(squared / n)},
          {"Relative Absolute Error", ratio(absolute, absolute_spread)},
          {"Relative Squared Error", relative_squared},
          {"Coefficient of Determination", 1.0 - relative_squared}};
}

}  // namespace

double area_under_roc(const std::vector<double>& scores, const std::vector<bool>& positive) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  // Mann-Whitney: sum of the positives' ranks, tied scores sharing their average rank.
  double positive_rank_sum = 0;
  double positives = 0;
  size_t i = 0;
  while (i < order.size()) {
    size_t j = i;
    while (j + 1 < order.size() && scores[order[j + 1]] == scores[order[i]]) ++j;
    double average_rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (size_t k = i; k <= j; ++k) {
      if (positive[order[k]]) {
        positive_rank_sum += average_rank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) return kNaN;
  return (positive_rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

Metrics evaluate_scored(const Table& scored) {
  if (auto probability = find_role(scored, ColumnRole::ScoredProbability)) {
    return binary_metrics(scored, label_index(scored), *probability);
  }
  auto scored_label = find_role(scored, ColumnRole::ScoredLabel);
  if (!scored_label) {
    invalid("the dataset has no score columns; connect the output of Score Model");
  }
  if (find_role(scored, ColumnRole::ClassProbability) || !scored.column(*scored_label).classes().empty()) {
    return multiclass_metrics(scored, label_index(scored), *scored_label);
  }
  return regression_metrics(scored, label_index(scored), *scored_label);
}

Table metrics_table(const std::vector<Metrics>& rows) {
  Table table;
  if (rows.empty()) return table;
  for (size_t m = 0; m < rows.front().size(); ++m) {
    const auto& [name, first] = rows.front()[m];
    bool text = std::holds_alternative<std::string>(first);
    Column column(name, text ? ColumnType::String : ColumnType::Double);
    for (const auto& row : rows) {
      if (row.size() != rows.front().size() || row[m].first != name) {
        invalid("the datasets to compare were scored by different kinds of model");
      }
      if (text) {
        column.push_text(std::get<std::string>(row[m].second));
      } else {
        column.push_number(std::get<double>(row[m].second));
      }
    }
    table.add_column(std::move(column));
  }
  return table;
}

json metrics_json(const Metrics& metrics) {
  json out = json::object();
  for (const auto& [name, value] : metrics) {
    if (std::holds_alternative<std::string>(value)) {
      out[name] = std::get<std::string>(value);
    } else {
      double number = std::get<double>(value);
      out[name] = std::isfinite(number) ? json(number) : json(nullptr);
    }
  }
  return out;
}

}  // namespace azml::engine
