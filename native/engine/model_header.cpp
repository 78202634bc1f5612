#include "engine/model_header.hpp"

#include "common/error.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void malformed(const std::string& field) {
  throw Error(ErrorCode::Invalid, "model header: '" + field + "' is missing or malformed");
}

const json& member(const json& object, const char* name, bool (json::*is_type)() const noexcept) {
  auto it = object.find(name);
  if (it == object.end() || !((*it).*is_type)()) malformed(name);
  return *it;
}

std::map<std::string, std::string> string_map(const json& object, const char* name) {
  const json& value = member(object, name, &json::is_object);
  std::map<std::string, std::string> out;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!it.value().is_string()) malformed(std::string(name) + "." + it.key());
    out.emplace(it.key(), it.value().get<std::string>());
  }
  return out;
}

}  // namespace

const char* to_string(LearnerKind kind) noexcept {
  switch (kind) {
    case LearnerKind::BinaryClassification: return "binary";
    case LearnerKind::MulticlassClassification: return "multiclass";
    case LearnerKind::Regression: return "regression";
  }
  return "binary";
}

std::optional<LearnerKind> parse_learner_kind(std::string_view text) {
  if (text == "binary") return LearnerKind::BinaryClassification;
  if (text == "multiclass") return LearnerKind::MulticlassClassification;
  if (text == "regression") return LearnerKind::Regression;
  return std::nullopt;
}

json ModelHeader::to_json() const {
  json label_json{{"name", label.name}, {"type", to_string(label.type)}};
  if (kind != LearnerKind::Regression) label_json["classes"] = label.classes;
  return json{{"learner", learner},
              {"kind", to_string(kind)},
              {"parameters", parameters},
              {"booster", {{"name", "xgboost"}, {"version", xgboost_version}, {"format", "ubj"},
                           {"parameters", booster_parameters}, {"rounds", boosting_rounds}}},
              {"features", features.to_json()},
              {"label", std::move(label_json)},
              {"trainingRows", training_rows},
              {"metrics", metrics},
              {"createdOn", created_on},
              {"createdBy", "azml " + azml_version}};
}

ModelHeader ModelHeader::from_json(const json& value) {
  if (!value.is_object()) malformed("(header)");
  ModelHeader header;
  header.learner = member(value, "learner", &json::is_string).get<std::string>();
  auto kind = parse_learner_kind(member(value, "kind", &json::is_string).get<std::string>());
  if (!kind) malformed("kind");
  header.kind = *kind;
  header.parameters = string_map(value, "parameters");
  const json& booster = member(value, "booster", &json::is_object);
  if (booster.value("name", "") != "xgboost") malformed("booster.name");
  header.xgboost_version = booster.value("version", "");
  header.booster_parameters = string_map(booster, "parameters");
  auto rounds = booster.find("rounds");
  if (rounds == booster.end() || !rounds->is_number_integer() || rounds->get<int>() < 1) malformed("booster.rounds");
  header.boosting_rounds = rounds->get<int>();
  header.features = FeatureSchema::from_json(member(value, "features", &json::is_object));
  const json& label = member(value, "label", &json::is_object);
  auto label_name = label.find("name");
  auto label_type = label.find("type");
  if (label_name == label.end() || !label_name->is_string()) malformed("label.name");
  if (label_type == label.end() || !label_type->is_string() || !parse_column_type(label_type->get<std::string>())) {
    malformed("label.type");
  }
  header.label.name = label_name->get<std::string>();
  header.label.type = *parse_column_type(label_type->get<std::string>());
  if (header.kind != LearnerKind::Regression) {
    auto classes = label.find("classes");
    if (classes == label.end() || !classes->is_array()) malformed("label.classes");
    for (const auto& c : *classes) {
      if (!c.is_string()) malformed("label.classes");
      header.label.classes.push_back(c.get<std::string>());
    }
    bool binary = header.kind == LearnerKind::BinaryClassification;
    if (binary ? header.label.classes.size() != 2 : header.label.classes.size() < 2) {
      malformed("label.classes");
    }
  }
  auto rows = value.find("trainingRows");
  if (rows == value.end() || !rows->is_number_unsigned()) malformed("trainingRows");
  header.training_rows = rows->get<size_t>();
  auto metrics = value.find("metrics");
  if (metrics != value.end()) {
    if (!metrics->is_object()) malformed("metrics");
    header.metrics = *metrics;
  }
  header.created_on = value.value("createdOn", "");
  std::string created_by = value.value("createdBy", "");
  header.azml_version = created_by.rfind("azml ", 0) == 0 ? created_by.substr(5) : created_by;
  return header;
}

}  // namespace azml::engine
