#include "engine/scoring.hpp"

#include "engine/column_builder.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

// The scored labels as a column of the label's own type.
Column label_column(const ModelHeader& header, const std::vector<TextCell>& labels) {
  Column column = build_column("Scored Labels", labels, header.label.type);
  column.set_role(ColumnRole::ScoredLabel);
  column.set_classes(header.label.classes);
  return column;
}

Column probability_column(const std::string& name, ColumnRole role, const std::vector<std::string>& classes) {
  Column column(name, ColumnType::Double);
  column.set_role(role);
  column.set_classes(classes);
  return column;
}

}  // namespace

std::string class_probability_column(const std::string& class_name) {
  return "Scored Probabilities for Class \"" + class_name + "\"";
}

std::vector<Column> score_columns(const ModelHeader& header, const Predictions& predictions) {
  const size_t rows = predictions.rows;
  const auto& classes = header.label.classes;

  std::vector<Column> scores;
  scores.reserve(classes.size() + 1);
  std::vector<TextCell> labels(rows);
  switch (header.kind) {
    case LearnerKind::BinaryClassification: {
      Column probabilities = probability_column("Scored Probabilities", ColumnRole::ScoredProbability, classes);
      for (size_t row = 0; row < rows; ++row) {
        double p = predictions.at(row);
        probabilities.push_number(p);
        labels[row] = classes[p >= 0.5 ? 1 : 0];
      }
      scores.push_back(label_column(header, labels));
      scores.push_back(std::move(probabilities));
      break;
    }
    case LearnerKind::MulticlassClassification: {
      for (const auto& class_name : classes) {
        scores.push_back(probability_column(class_probability_column(class_name), ColumnRole::ClassProbability, classes));
      }
      for (size_t row = 0; row < rows; ++row) {
        size_t best = 0;
        for (size_t k = 0; k < classes.size(); ++k) {
          scores[k].push_number(predictions.at(row, k));
          if (predictions.at(row, k) > predictions.at(row, best)) best = k;
        }
        labels[row] = classes[best];
      }
      scores.push_back(label_column(header, labels));
      break;
    }
    case LearnerKind::Regression: {
      Column values("Scored Labels", ColumnType::Double);
      values.set_role(ColumnRole::ScoredLabel);
      for (size_t row = 0; row < rows; ++row) values.push_number(predictions.at(row));
      scores.push_back(std::move(values));
      break;
    }
  }
  return scores;
}

Table score(const TrainedModel& model, const Table& input, bool append_to_input) {
  const ModelHeader& header = model.header();
  std::vector<Column> scores = score_columns(header, model.predict(input));

  Table out;
  if (append_to_input) {
    out = input;
    std::vector<size_t> replaced;
    for (const auto& column : scores) {
      if (auto existing = out.find(column.name())) replaced.push_back(*existing);
    }
    out.remove_columns(replaced);
    if (auto label = out.find(header.label.name)) out.column(*label).set_role(ColumnRole::Label);
  }
  for (auto& column : scores) out.add_column(std::move(column));
  return out;
}

}  // namespace azml::engine
