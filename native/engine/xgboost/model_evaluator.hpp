// azml's own evaluation of a saved XGBoost model, for scoring.
//
// Why it exists: for the small models services score with, a call into XGBoost's C API costs
// more than the trees themselves. In-place prediction parses two JSON documents and enters an
// OpenMP region (with futex wake-ups) on every call, and gblinear has no in-place path at all,
// so each call built a DMatrix under a lock. That was most of a single-row request-response
// call. An evaluator reads the trees or the weights once, from the model's UBJSON, and predicts
// with plain loops and no allocation.
//
// It repeats XGBoost 1.7's CPU arithmetic step for step, in single precision and in the same
// order, so that its answers are the same floats, not merely close ones:
//   - every output starts at the base margin (base_score, turned into a margin by the objective);
//   - gbtree: each tree, in model order, adds the leaf a row reaches to the output of its group.
//     A missing value (NaN) takes the node's default child; any other value goes to
//     left + !(value < split), exactly as XGBoost's GetNextNode reads the right child;
//   - gblinear: bias + base margin, then value * weight for each present feature, in feature order;
//   - then the objective's transform: the logistic function, softmax, or nothing.
// A model that needs anything else (another objective, dart, categorical splits, multi-target
// trees) gets no evaluator and keeps using XGBoost. TrainedModel also uses an evaluator only
// after it has agreed bit for bit with XGBoost on rows probing every split (trained_model.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/json.hpp"

namespace azml::engine::xgb {

class ModelEvaluator {
 public:
  // The evaluator for a model saved by XGBoosterSaveModelToBuffer as UBJSON. Returns nullptr and
  // says why in `why_not` when the model uses something this evaluator does not repeat, or is not
  // written as XGBoost 1.7 writes models. Throws azml::Error(Invalid) for a tree that cannot be
  // walked (a child out of range, a feature past the rows' width, a cycle): XGBoost would loop or
  // read past the row on it too.
  static std::unique_ptr<ModelEvaluator> from_ubjson(std::string_view bytes, std::string& why_not);

  std::size_t features() const noexcept { return features_; }
  std::size_t outputs_per_row() const noexcept { return groups_; }

  // `rows` x features() floats, row-major, NaN for missing, into `out`: rows x outputs_per_row().
  // Thread-safe: the evaluator is immutable.
  void predict(const float* rows, std::size_t row_count, float* out) const;

  // Every split's feature and threshold (gbtree), for building rows that probe the model.
  struct Split {
    std::uint32_t feature;
    float threshold;
  };
  std::vector<Split> splits() const;

 private:
  enum class Transform { Identity, Logistic, Softmax };

  struct Node {
    std::int32_t left;       // -1 for a leaf; the right child is left + 1, as XGBoost reads it
    std::int32_t missing;    // the child a missing value goes to
    std::uint32_t feature;
    float value;             // the split threshold, or the leaf's value
  };

  struct Tree {
    std::vector<Node> nodes;
    std::uint32_t group = 0;
  };

  ModelEvaluator() = default;
  void read_trees(const json& model);
  void read_linear(const json& model);
  void predict_row(const float* row, float* out) const;
  void transform(float* out) const;

  std::size_t features_ = 0;
  std::size_t groups_ = 1;
  float base_margin_ = 0;
  Transform transform_ = Transform::Identity;
  std::vector<Tree> trees_;
  // gblinear: (features_ + 1) x groups_, the last row the bias; empty for gbtree.
  std::vector<float> linear_weights_;
};

}  // namespace azml::engine::xgb
