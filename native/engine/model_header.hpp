// What an .ilearner header records about a trained model, besides the XGBoost bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json.hpp"
#include "engine/feature_schema.hpp"
#include "engine/table.hpp"

namespace azml::engine {

enum class LearnerKind { BinaryClassification, MulticlassClassification, Regression };
const char* to_string(LearnerKind kind) noexcept;  // "binary", "multiclass", "regression"
std::optional<LearnerKind> parse_learner_kind(std::string_view text);

struct LabelSpec {
  std::string name;
  ColumnType type = ColumnType::String;
  // Classification: the classes in model order (binary: negative first, positive second).
  std::vector<std::string> classes;
};

struct ModelHeader {
  std::string learner;   // Azure's module name, "Two-Class Boosted Decision Tree"
  LearnerKind kind = LearnerKind::BinaryClassification;
  std::map<std::string, std::string> parameters;         // Azure's parameter names, as trained
  std::map<std::string, std::string> booster_parameters;  // what XGBoost was given
  int boosting_rounds = 0;
  FeatureSchema features;
  LabelSpec label;
  size_t training_rows = 0;
  json metrics = json::object();  // {"training": {...}, "evaluation": {...}} when known
  std::string created_on;         // ISO 8601 UTC
  std::string azml_version;
  std::string xgboost_version;

  json to_json() const;
  // Throws azml::Error(Invalid) naming the field when the header is malformed.
  static ModelHeader from_json(const json& value);
};

}  // namespace azml::engine
