// Evaluate Model's metrics, with Azure's names, for a dataset scored by Score Model (the
// label column and the score columns are found by the marks Score Model leaves).
//   binary:     True Positive, False Negative, False Positive, True Negative, Positive Label,
//               Negative Label, Accuracy, Precision, Recall, F1 Score, Threshold, AUC,
//               Average Log Loss
//   multiclass: Overall accuracy, Average accuracy, Micro-averaged precision,
//               Macro-averaged precision, Micro-averaged recall, Macro-averaged recall
//   regression: Mean Absolute Error, Root Mean Squared Error, Relative Absolute Error,
//               Relative Squared Error, Coefficient of Determination
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/json.hpp"
#include "engine/table.hpp"

namespace azml::engine {

using MetricValue = std::variant<double, std::string>;
using Metrics = std::vector<std::pair<std::string, MetricValue>>;

// Throws azml::Error(Invalid) when the dataset has no label column or no score columns.
Metrics evaluate_scored(const Table& scored);

// One row per Metrics (all of one kind), the columns in metric order.
Table metrics_table(const std::vector<Metrics>& rows);
json metrics_json(const Metrics& metrics);

// Area under the ROC curve, ties counted half; NaN when either class is absent.
double area_under_roc(const std::vector<double>& scores, const std::vector<bool>& positive);

}  // namespace azml::engine
