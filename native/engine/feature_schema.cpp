#include "engine/feature_schema.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include "common/error.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

bool is_one_hot(const Column& column) { return column.type() == ColumnType::String || column.categorical(); }

// Levels sorted as numbers when every level is one, as text otherwise, so that the slot
// order does not depend on row order.
std::vector<std::string> sorted_levels(const std::set<std::string>& distinct) {
  std::vector<std::string> levels(distinct.begin(), distinct.end());
  bool numeric = std::all_of(levels.begin(), levels.end(), [](const std::string& l) { return parse_number(l).has_value(); });
  if (numeric) {
    std::stable_sort(levels.begin(), levels.end(),
                     [](const std::string& a, const std::string& b) { return *parse_number(a) < *parse_number(b); });
  }
  return levels;
}

[[noreturn]] void malformed(const std::string& field) {
  throw Error(ErrorCode::Invalid, "feature schema: '" + field + "' is missing or malformed");
}

}  // namespace

FeatureSchema::FeatureSchema(std::vector<FeatureSpec> features, bool allow_unknown_levels)
    : features_(std::move(features)), allow_unknown_levels_(allow_unknown_levels) {
  index_levels();
}

void FeatureSchema::index_levels() {
  width_ = 0;
  level_index_.assign(features_.size(), {});
  for (size_t f = 0; f < features_.size(); ++f) {
    const auto& feature = features_[f];
    if (feature.categorical) {
      for (size_t l = 0; l < feature.levels.size(); ++l) level_index_[f].emplace(feature.levels[l], l);
      width_ += feature.levels.size();
    } else {
      width_ += 1;
    }
  }
}

FeatureSchema FeatureSchema::learn(const Table& table, const std::vector<size_t>& feature_columns, bool standardize,
                                   bool allow_unknown_levels) {
  std::vector<FeatureSpec> features;
  for (size_t index : feature_columns) {
    const Column& column = table.column(index);
    FeatureSpec spec;
    spec.name = column.name();
    spec.type = column.type();
    spec.categorical = is_one_hot(column);
    if (spec.categorical) {
      std::set<std::string> distinct;
      for (size_t row = 0; row < column.size(); ++row) {
        if (!column.is_missing(row)) distinct.insert(column.to_text(row));
        if (distinct.size() > kMaxLevels) {
          throw Error(ErrorCode::Invalid, "column '" + column.name() + "' has more than " +
                                              std::to_string(kMaxLevels) +
                                              " distinct values, too many for a categorical feature; leave it out "
                                              "with Select Columns in Dataset");
        }
      }
      spec.levels = sorted_levels(distinct);
    } else if (standardize) {
      double sum = 0;
      double sum_of_squares = 0;
      size_t count = 0;
      for (size_t row = 0; row < column.size(); ++row) {
        if (column.is_missing(row)) continue;
        double v = column.number(row);
        sum += v;
        sum_of_squares += v * v;
        ++count;
      }
      if (count > 0) {
        double mean = sum / static_cast<double>(count);
        double variance = std::max(0.0, sum_of_squares / static_cast<double>(count) - mean * mean);
        spec.shift = mean;
        spec.scale = variance > 0 ? std::sqrt(variance) : 1.0;
      }
    }
    features.push_back(std::move(spec));
  }
  return FeatureSchema(std::move(features), allow_unknown_levels);
}

std::vector<std::string> FeatureSchema::feature_names() const {
  std::vector<std::string> names;
  for (const auto& feature : features_) names.push_back(feature.name);
  return names;
}

std::vector<float> FeatureSchema::encode(const Table& table) const {
  const size_t rows = table.row_count();
  std::vector<float> matrix(rows * width_, 0.0f);
  size_t slot = 0;
  for (size_t f = 0; f < features_.size(); ++f) {
    const FeatureSpec& feature = features_[f];
    // Scoring tables mostly hold the features in the model's order: look there first.
    auto index = f < table.column_count() && table.column(f).name() == feature.name ? std::optional<size_t>(f)
                                                                                    : table.find(feature.name);
    if (!index) {
      throw Error(ErrorCode::Invalid, "the dataset has no column '" + feature.name +
                                          "', which the model was trained with; the model's features are " +
                                          quote_names(feature_names()));
    }
    const Column& column = table.column(*index);
    if (feature.categorical) {
      const auto& levels = level_index_[f];
      for (size_t row = 0; row < rows; ++row) {
        float* cells = &matrix[row * width_ + slot];
        auto level = column.is_missing(row) ? levels.end() : levels.find(column.to_text(row));
        if (level == levels.end()) {
          if (!column.is_missing(row) && !allow_unknown_levels_) {
            throw Error(ErrorCode::Invalid, "column '" + feature.name + "', row " + std::to_string(row + 1) + ": '" +
                                                column.to_text(row) +
                                                "' is a categorical level the model was not trained with");
          }
          std::fill(cells, cells + feature.levels.size(), kMissing);
        } else {
          cells[level->second] = 1.0f;
        }
      }
      slot += feature.levels.size();
      continue;
    }
    // A numeric feature: numbers, booleans (0/1), or strings that parse as numbers.
    for (size_t row = 0; row < rows; ++row) {
      float& cell = matrix[row * width_ + slot];
      if (column.is_missing(row)) {
        cell = kMissing;
        continue;
      }
      double value = 0;
      if (column.type() == ColumnType::String) {
        std::optional<double> parsed;
        if (feature.type == ColumnType::Boolean) {
          if (auto flag = parse_boolean(column.text(row))) parsed = *flag ? 1.0 : 0.0;
        }
        if (!parsed) parsed = parse_number(column.text(row));
        if (!parsed) {
          throw Error(ErrorCode::Invalid, "column '" + feature.name + "', row " + std::to_string(row + 1) + ": '" +
                                              column.text(row) + "' is not a number, and the model was trained "
                                                                 "on numbers in this column");
        }
        value = *parsed;
      } else {
        value = column.number(row);
      }
      cell = encode_number(f, value);
    }
    slot += 1;
  }
  return matrix;
}

json FeatureSchema::to_json() const {
  json features = json::array();
  for (const auto& feature : features_) {
    json item{{"name", feature.name}, {"type", to_string(feature.type)}, {"categorical", feature.categorical}};
    if (feature.categorical) {
      item["levels"] = feature.levels;
    } else {
      item["shift"] = feature.shift;
      item["scale"] = feature.scale;
    }
    features.push_back(std::move(item));
  }
  return json{{"allowUnknownLevels", allow_unknown_levels_}, {"columns", std::move(features)}};
}

FeatureSchema FeatureSchema::from_json(const json& value) {
  if (!value.is_object()) malformed("features");
  auto allow = value.find("allowUnknownLevels");
  auto columns = value.find("columns");
  if (allow == value.end() || !allow->is_boolean()) malformed("features.allowUnknownLevels");
  if (columns == value.end() || !columns->is_array() || columns->empty()) malformed("features.columns");
  std::vector<FeatureSpec> features;
  std::set<std::string> seen;
  for (size_t i = 0; i < columns->size(); ++i) {
    const json& item = (*columns)[i];
    const std::string where = "features.columns[" + std::to_string(i) + "]";
    if (!item.is_object()) malformed(where);
    FeatureSpec spec;
    auto name = item.find("name");
    auto type = item.find("type");
    auto categorical = item.find("categorical");
    if (name == item.end() || !name->is_string() || name->get<std::string>().empty()) malformed(where + ".name");
    if (type == item.end() || !type->is_string() || !parse_column_type(type->get<std::string>())) {
      malformed(where + ".type");
    }
    if (categorical == item.end() || !categorical->is_boolean()) malformed(where + ".categorical");
    spec.name = name->get<std::string>();
    if (!seen.insert(spec.name).second) malformed(where + ".name (duplicate)");
    spec.type = *parse_column_type(type->get<std::string>());
    spec.categorical = categorical->get<bool>();
    if (spec.categorical) {
      auto levels = item.find("levels");
      if (levels == item.end() || !levels->is_array()) malformed(where + ".levels");
      for (const auto& level : *levels) {
        if (!level.is_string()) malformed(where + ".levels");
        spec.levels.push_back(level.get<std::string>());
      }
    } else {
      auto shift = item.find("shift");
      auto scale = item.find("scale");
      if (shift == item.end() || !shift->is_number()) malformed(where + ".shift");
      if (scale == item.end() || !scale->is_number() || scale->get<double>() == 0) malformed(where + ".scale");
      spec.shift = shift->get<double>();
      spec.scale = scale->get<double>();
    }
    features.push_back(std::move(spec));
  }
  return FeatureSchema(std::move(features), allow->get<bool>());
}

}  // namespace azml::engine
