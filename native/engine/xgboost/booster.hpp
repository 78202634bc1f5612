// A thin, owning C++ face on the XGBoost C API (libxgboost 1.7): every call is checked and
// a failure becomes azml::Error carrying XGBoost's own message, without its stack trace.
// No XGBoost type appears here, so only the .cpp includes <xgboost/c_api.h>.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace azml::engine::xgb {

// "1.7.4": the library actually loaded.
std::string library_version();

// A training or scoring matrix: rows x columns floats, row-major, NaN for missing.
class DMatrix {
 public:
  DMatrix(const std::vector<float>& row_major, size_t rows, size_t columns);
  ~DMatrix();
  DMatrix(const DMatrix&) = delete;
  DMatrix& operator=(const DMatrix&) = delete;

  void set_labels(const std::vector<float>& labels);
  size_t rows() const noexcept { return rows_; }
  void* handle() const noexcept { return handle_; }

 private:
  void* handle_ = nullptr;
  size_t rows_ = 0;
};

class Booster {
 public:
  // A booster to train on `training` (XGBoost caches it).
  explicit Booster(const DMatrix& training);
  // A booster read from XGBoosterSaveModelToBuffer bytes (JSON or UBJSON).
  static Booster from_bytes(std::string_view bytes);
  ~Booster();
  Booster(Booster&& other) noexcept;
  Booster& operator=(Booster&& other) noexcept;
  Booster(const Booster&) = delete;
  Booster& operator=(const Booster&) = delete;

  void set_parameter(const std::string& name, const std::string& value);
  void update(int iteration, const DMatrix& training);
  // The value of the first metric XGBoost reports for `data` after `iteration`.
  double evaluate(int iteration, const DMatrix& data, const std::string& name);
  // The model as UBJSON bytes.
  std::string save() const;

  // Predictions for a dense matrix, rows x per_row values (per_row: 1, or the class count
  // for multi:softprob). In-place prediction (XGBoosterPredictFromDense) reads the model
  // without changing it and returns its result in thread-local memory, which XGBoost
  // documents as safe to call from several threads at once ("calling only inplace_predict
  // in multiple threads is safe and lock free"). It is implemented for gbtree only. Each thread
  // hands XGBoost its input through a proxy matrix of its own, made on its first call.
  std::vector<float> predict_in_place(const std::vector<float>& row_major, size_t rows, size_t columns,
                                      size_t& per_row) const;
  // Predictions through a DMatrix (XGBoosterPredictFromDMatrix): works for every booster,
  // gblinear included, but touches the booster's prediction cache, so callers serialise it.
  std::vector<float> predict_matrix(const DMatrix& data, size_t& per_row) const;

 private:
  Booster() = default;
  void* handle_ = nullptr;
};

}  // namespace azml::engine::xgb
