// What Score Model adds to a dataset, with Azure's column names:
//   binary      "Scored Labels", "Scored Probabilities" (of the positive class)
//   multiclass  "Scored Probabilities for Class \"<class>\"" per class, then "Scored Labels"
//   regression  "Scored Labels"
#pragma once

#include "engine/table.hpp"
#include "engine/trained_model.hpp"

namespace azml::engine {

// Scores every row. With append_to_input the input's columns come first (a column already
// named like a score column is replaced, so a scored dataset can be scored again), and the
// model's label column, when present, is marked as the label for Evaluate Model; without it
// only the score columns are returned.
Table score(const TrainedModel& model, const Table& input, bool append_to_input);

// The score columns alone, in that order, for the model's predictions: what score() adds.
std::vector<Column> score_columns(const ModelHeader& header, const Predictions& predictions);

// "Scored Probabilities for Class \"x\"".
std::string class_probability_column(const std::string& class_name);

}  // namespace azml::engine
