// A trained model, loaded and ready: the header (learner, feature schema, label classes) and
// an XGBoost booster. Immutable once constructed, and safe to predict with from several
// threads at once (see predict()).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/model_header.hpp"
#include "engine/table.hpp"
#include "engine/xgboost/booster.hpp"

namespace azml::engine {

struct ModelOptions {
  // XGBoost threads per prediction. 1 keeps a request on its own thread, which is what a
  // server handling many requests at once wants.
  int threads = 1;
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

  // Encodes the table (FeatureSchema::encode) and predicts. Thread-safe: gbtree models use
  // XGBoost's in-place prediction, which XGBoost documents as safe to call concurrently on
  // one booster; gblinear models have no in-place prediction in XGBoost 1.7 and go through
  // a DMatrix and the booster's prediction cache, which is not documented as thread-safe,
  // so those calls are serialised by a mutex.
  Predictions predict(const Table& table) const;

 private:
  std::vector<float> raw_predict(const std::vector<float>& matrix, size_t rows, size_t& per_row) const;

  ModelHeader header_;
  std::string booster_bytes_;
  xgb::Booster booster_;
  bool in_place_ = true;
  mutable std::mutex matrix_prediction_mutex_;
};

}  // namespace azml::engine
