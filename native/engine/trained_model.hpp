// A trained model, loaded and ready: the header (learner, feature schema, label classes), an
// XGBoost booster, and usually azml's own evaluator of that booster (xgboost/model_evaluator.hpp),
// which scores with the same floats at a fraction of the cost. Immutable once constructed, and
// safe to predict with from several threads at once (see predict()).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/model_header.hpp"
#include "engine/table.hpp"
#include "engine/xgboost/booster.hpp"
#include "engine/xgboost/model_evaluator.hpp"

namespace azml::engine {

struct ModelOptions {
  // XGBoost threads per prediction. 1 keeps a request on its own thread, which is what a
  // server handling many requests at once wants.
  int threads = 1;
  // Score with azml's evaluator when the model allows it and it agrees with XGBoost (see
  // TrainedModel). false always scores through XGBoost: for comparing the two.
  bool own_evaluator = true;
};

// Per row: binary -> 1 value, P(positive class); multiclass -> one probability per class
// in header().label.classes order; regression -> 1 value.
struct Predictions {
  size_t rows = 0;
  size_t per_row = 0;
  std::vector<double> values;  // row-major
  double at(size_t row, size_t k = 0) const { return values[row * per_row + k]; }
};

class TrainedModel {
 public:
  // Loads the booster from its bytes, checks that it agrees with the header (outputs per
  // row, feature count), and runs one prediction so that XGBoost finishes configuring
  // itself here rather than on the first request. Throws azml::Error(Invalid) when the
  // bytes do not load or disagree with the header.
  TrainedModel(ModelHeader header, std::string booster_bytes, const ModelOptions& options = {});

  const ModelHeader& header() const noexcept { return header_; }
  const std::string& booster_bytes() const noexcept { return booster_bytes_; }

  // Encodes the table (FeatureSchema::encode) and predicts. Thread-safe: the evaluator is
  // immutable; without one, gbtree models use XGBoost's in-place prediction, which XGBoost
  // documents as safe to call concurrently on one booster, and gblinear models (no in-place
  // prediction in XGBoost 1.7) go through a DMatrix and the booster's prediction cache, which
  // is not documented as thread-safe, so those calls are serialised by a mutex.
  Predictions predict(const Table& table) const;
  // Predicts rows already encoded: rows x header().features.width() floats, row-major, as
  // FeatureSchema::encode makes them. predict() is encode() and then this.
  Predictions predict_encoded(const std::vector<float>& matrix, size_t rows) const;

  // "azml" when predict() uses azml's evaluator, else "XGBoost" and why.
  const std::string& scorer() const noexcept { return scorer_; }

 private:
  std::vector<float> raw_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const;
  std::vector<float> xgboost_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const;
  void choose_scorer(const ModelOptions& options);

  ModelHeader header_;
  std::string booster_bytes_;
  xgb::Booster booster_;
  bool in_place_ = true;
  mutable std::mutex matrix_prediction_mutex_;
  std::unique_ptr<const xgb::ModelEvaluator> evaluator_;
  std::string scorer_;
};

}  // namespace azml::engine
