#include "engine/trained_model.hpp"

#include <cmath>
#include <cstring>
#include <random>

#include "common/error.hpp"

namespace azml::engine {

namespace {

size_t expected_outputs(const ModelHeader& header) {
  return header.kind == LearnerKind::MulticlassClassification ? header.label.classes.size() : 1;
}

// Rows that make a model take its branches both ways: for each split (up to kProbeRows of them,
// spread over the model), one row with the split's feature exactly at the threshold, where
// `value < split` turns, and one just below it. The other features take another threshold of
// theirs, a value in [-4, 4) or nothing (NaN), chosen by a generator with a fixed seed, so the
// rows are the same at every load. A linear model has no splits and gets the random rows alone.
std::vector<float> probe_rows(const xgb::ModelEvaluator& evaluator, size_t width, size_t& rows) {
  constexpr size_t kProbeRows = 256;
  const std::vector<xgb::ModelEvaluator::Split> splits = evaluator.splits();
  std::vector<std::vector<float>> thresholds(width);
  for (const auto& split : splits) thresholds[split.feature].push_back(split.threshold);

  std::mt19937 generator(20240917);
  auto any_value = [&](size_t feature) {
    const unsigned pick = generator() % 8;
    if (pick == 0) return std::nanf("");
    if (pick < 4 && !thresholds[feature].empty()) {
      return thresholds[feature][generator() % thresholds[feature].size()];
    }
    return std::uniform_real_distribution<float>(-4.0f, 4.0f)(generator);
  };
  rows = splits.empty() ? kProbeRows / 4 : std::min(kProbeRows, 2 * splits.size());
  std::vector<float> matrix(rows * width);
  for (size_t r = 0; r < rows; ++r) {
    float* row = matrix.data() + r * width;
    for (size_t f = 0; f < width; ++f) row[f] = any_value(f);
    if (splits.empty()) continue;
    const auto& split = splits[(r / 2) * splits.size() / (rows / 2)];
    row[split.feature] = r % 2 == 0 ? split.threshold : std::nextafter(split.threshold, -INFINITY);
  }
  return matrix;
}

bool same_floats(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

}  // namespace

TrainedModel::TrainedModel(ModelHeader header, std::string booster_bytes, const ModelOptions& options)
    : header_(std::move(header)),
      booster_bytes_(std::move(booster_bytes)),
      booster_([this]() {
        try {
          return xgb::Booster::from_bytes(booster_bytes_);
        } catch (const Error& e) {
          throw Error(ErrorCode::Invalid, std::string("the model's XGBoost booster does not load: ") + e.what());
        }
      }()) {
  auto booster_kind = header_.booster_parameters.find("booster");
  in_place_ = booster_kind == header_.booster_parameters.end() || booster_kind->second != "gblinear";
  booster_.set_parameter("nthread", std::to_string(options.threads < 1 ? 1 : options.threads));
  booster_.set_parameter("verbosity", "0");

  // One prediction through XGBoost on a row of missing values: it configures XGBoost's learner
  // now, off the request path, and checks the booster's output shape against the header, before
  // the evaluator is compared with it.
  const size_t width = header_.features.width();
  std::vector<float> probe(width, std::nanf(""));
  size_t per_row = 0;
  std::vector<float> result;
  try {
    result = raw_predict(probe, 1, per_row);
  } catch (const Error& e) {
    throw Error(ErrorCode::Invalid, std::string("the model's XGBoost booster cannot predict: ") + e.what());
  }
  if (per_row != expected_outputs(header_)) {
    throw Error(ErrorCode::Invalid, "the model's XGBoost booster gives " + std::to_string(per_row) +
                                        " values per row; its header says " +
                                        std::to_string(expected_outputs(header_)));
  }
  choose_scorer(options);
}

// The evaluator scores only after giving, on the probe rows, exactly XGBoost's floats. A model
// it cannot read or that disagrees keeps XGBoost, and scorer() says why: a slower service, never
// different answers.
void TrainedModel::choose_scorer(const ModelOptions& options) {
  scorer_ = "XGBoost";
  if (!options.own_evaluator) {
    scorer_ += ": azml's evaluator is turned off";
    return;
  }
  std::string why_not;
  std::unique_ptr<xgb::ModelEvaluator> evaluator = xgb::ModelEvaluator::from_ubjson(booster_.save(), why_not);
  const size_t width = header_.features.width();
  if (evaluator && (evaluator->features() != width || evaluator->outputs_per_row() != expected_outputs(header_))) {
    evaluator.reset();
    why_not = "its shape differs from the model's header";
  }
  if (!evaluator) {
    scorer_ += ": " + why_not;
    return;
  }
  size_t rows = 0;
  const std::vector<float> probe = probe_rows(*evaluator, width, rows);
  size_t per_row = 0;
  const std::vector<float> expected = xgboost_predict(probe, rows, per_row);
  std::vector<float> actual(rows * evaluator->outputs_per_row());
  evaluator->predict(probe.data(), rows, actual.data());
  if (!same_floats(expected, actual)) {
    scorer_ += ": azml's evaluator differs from XGBoost on this model";
    return;
  }
  evaluator_ = std::move(evaluator);
  scorer_ = "azml";
}

std::vector<float> TrainedModel::raw_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const {
  if (evaluator_) {
    per_row = evaluator_->outputs_per_row();
    std::vector<float> out(rows * per_row);
    evaluator_->predict(matrix.data(), rows, out.data());
    return out;
  }
  return xgboost_predict(matrix, rows, per_row);
}

std::vector<float> TrainedModel::xgboost_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const {
  const size_t width = header_.features.width();
  if (in_place_) return booster_.predict_in_place(matrix, rows, width, per_row);
  xgb::DMatrix data(matrix, rows, width);
  std::lock_guard<std::mutex> lock(matrix_prediction_mutex_);
  return booster_.predict_matrix(data, per_row);
}

Predictions TrainedModel::predict(const Table& table) const {
  if (table.row_count() == 0) return predict_encoded({}, 0);
  return predict_encoded(header_.features.encode(table), table.row_count());
}

Predictions TrainedModel::predict_encoded(const std::vector<float>& matrix, size_t rows) const {
  Predictions out;
  out.rows = rows;
  out.per_row = expected_outputs(header_);
  if (out.rows == 0) return out;
  if (matrix.size() != rows * header_.features.width()) {
    throw Error(ErrorCode::Generic, std::to_string(matrix.size()) + " features for " + std::to_string(rows) +
                                        " rows of a model that reads " + std::to_string(header_.features.width()));
  }
  size_t per_row = 0;
  std::vector<float> raw = raw_predict(matrix, out.rows, per_row);
  if (per_row != out.per_row || raw.size() != out.rows * per_row) {
    throw Error(ErrorCode::Generic, "XGBoost returned " + std::to_string(raw.size()) + " values for " +
                                        std::to_string(out.rows) + " rows");
  }
  out.values.assign(raw.begin(), raw.end());
  return out;
}

}  // namespace azml::engine
