// What a model was trained on and how a table becomes the matrix XGBoost reads: numeric and
// boolean columns are one slot each; string and categorical columns are one-hot encoded over
// the levels seen in training. Linear learners also standardise numeric slots, with the
// training mean and standard deviation kept here so scoring applies the same shift.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/json.hpp"
#include "engine/table.hpp"

namespace azml::engine {

struct FeatureSpec {
  std::string name;
  ColumnType type = ColumnType::Double;
  bool categorical = false;           // one-hot over `levels`
  std::vector<std::string> levels;    // categorical levels, in slot order
  double shift = 0.0;                 // slot value = (x - shift) / scale
  double scale = 1.0;
};

class FeatureSchema {
 public:
  // The most distinct values a categorical column may have in training.
  static constexpr size_t kMaxLevels = 10000;

  FeatureSchema() = default;
  FeatureSchema(std::vector<FeatureSpec> features, bool allow_unknown_levels);

  // Learns the schema from the training table's columns at `feature_columns`.
  static FeatureSchema learn(const Table& table, const std::vector<size_t>& feature_columns, bool standardize,
                             bool allow_unknown_levels);

  const std::vector<FeatureSpec>& features() const noexcept { return features_; }
  bool allow_unknown_levels() const noexcept { return allow_unknown_levels_; }
  size_t width() const noexcept { return width_; }
  std::vector<std::string> feature_names() const;

  // Rows x width floats, row-major, NaN for missing. A categorical value not seen in
  // training is missing too (all its slots NaN) when unknown levels are allowed, and an
  // error naming the column, row and value otherwise. A feature column the table lacks, or a
  // value of the wrong type ("abc" for a numeric feature), throws azml::Error(Invalid)
  // naming the column and the 1-based row.
  std::vector<float> encode(const Table& table) const;
  // The slot value encode() gives a present number of the non-categorical feature `feature`
  // (NaN, the missing value, for NaN): what a caller that reads numbers straight into a row
  // of features (engine/scoring_plan.hpp) must write.
  float encode_number(size_t feature, double value) const {
    const FeatureSpec& spec = features_[feature];
    return std::isnan(value) ? std::numeric_limits<float>::quiet_NaN()
                             : static_cast<float>((value - spec.shift) / spec.scale);
  }

  json to_json() const;
  // Throws azml::Error(Invalid) naming the field when the JSON is malformed.
  static FeatureSchema from_json(const json& value);

 private:
  void index_levels();

  std::vector<FeatureSpec> features_;
  bool allow_unknown_levels_ = true;
  size_t width_ = 0;
  std::vector<std::unordered_map<std::string, size_t>> level_index_;  // per feature
};

}  // namespace azml::engine
