#include "engine/trained_model.hpp"

#include <cmath>

#include "common/error.hpp"

namespace azml::engine {

namespace {

size_t expected_outputs(const ModelHeader& header) {
  return header.kind == LearnerKind::MulticlassClassification ? header.label.classes.size() : 1;
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

  // One prediction on a row of missing values: it configures XGBoost's learner now, off the
  // request path, and checks the booster's output shape against the header.
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
}

std::vector<float> TrainedModel::raw_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const {
  const size_t width = header_.features.width();
  if (in_place_) return booster_.predict_in_place(matrix, rows, width, per_row);
  xgb::DMatrix data(matrix, rows, width);
  std::lock_guard<std::mutex> lock(matrix_prediction_mutex_);
  return booster_.predict_matrix(data, per_row);
}

Predictions TrainedModel::predict(const Table& table) const {
  Predictions out;
  out.rows = table.row_count();
  out.per_row = expected_outputs(header_);
  if (out.rows == 0) return out;
  std::vector<float> matrix = header_.features.encode(table);
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
