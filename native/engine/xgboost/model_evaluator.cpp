#include "engine/xgboost/model_evaluator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "common/json.hpp"

namespace azml::engine::xgb {

namespace {

// Why a model gets no evaluator: not an error, the model keeps XGBoost. A field this reader
// does not find where XGBoost 1.7 writes it is such a reason too (another XGBoost may write it
// elsewhere), while a tree that cannot be walked is an error (see read_trees).
struct Unsupported {
  std::string why;
};

const json& member(const json& object, const char* name) {
  const json* value = json_member(object, name);
  if (!value) throw Unsupported{std::string("its model has no '") + name + "' where XGBoost 1.7 writes it"};
  return *value;
}

// XGBoost keeps its parameters as strings ("5E-1", "30"); a float is read as XGBoost reads it,
// straight to single precision.
float float_parameter(const json& object, const char* name) {
  const json& value = member(object, name);
  float result = 0;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    auto parsed = std::from_chars(text.data(), text.data() + text.size(), result);
    if (parsed.ec == std::errc() && parsed.ptr == text.data() + text.size()) return result;
  } else if (value.is_number()) {
    return value.get<float>();
  }
  throw Unsupported{std::string("its '") + name + "' is not a number"};
}

std::size_t count_parameter(const json& object, const char* name) {
  const json& value = member(object, name);
  long long result = -1;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    auto parsed = std::from_chars(text.data(), text.data() + text.size(), result);
    if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) result = -1;
  } else if (value.is_number_integer()) {
    result = value.get<long long>();
  }
  if (result < 0 || result > std::numeric_limits<std::int32_t>::max()) {
    throw Unsupported{std::string("its '") + name + "' is not a count"};
  }
  return static_cast<std::size_t>(result);
}

// UBJSON arrays of float32 arrive as doubles that hold the float exactly.
template <class T>
std::vector<T> array_of(const json& object, const char* name) {
  const json& values = member(object, name);
  if (!values.is_array()) throw Unsupported{std::string("its '") + name + "' is not an array"};
  std::vector<T> out;
  out.reserve(values.size());
  for (const json& value : values) {
    if (!value.is_number()) throw Unsupported{std::string("its '") + name + "' holds a non-number"};
    out.push_back(value.get<T>());
  }
  return out;
}

bool empty_or_absent(const json& object, const char* name) {
  const json* value = json_member(object, name);
  return !value || value->empty();
}

// XGBoost 1.7's common::Sigmoid, operation for operation.
float logistic(float margin) {
  constexpr float kEps = 1e-16f;
  const float x = std::min(-margin, 88.7f);
  const float denominator = std::exp(x) + 1.0f + kEps;
  return 1.0f / denominator;
}

}  // namespace

std::unique_ptr<ModelEvaluator> ModelEvaluator::from_ubjson(std::string_view bytes, std::string& why_not) {
  try {
    // The bytes come from XGBoost: UBJSON this parser does not read is XGBoost's to score.
    const json document = json::from_ubjson(bytes.begin(), bytes.end());
    const json& learner = member(document, "learner");
    const json& parameters = member(learner, "learner_model_param");
    std::unique_ptr<ModelEvaluator> evaluator(new ModelEvaluator());
    evaluator->features_ = count_parameter(parameters, "num_feature");
    const std::size_t classes = count_parameter(parameters, "num_class");
    const json* targets = json_member(parameters, "num_target");
    if (targets && count_parameter(parameters, "num_target") > 1) throw Unsupported{"it has several targets"};
    evaluator->groups_ = std::max<std::size_t>(classes, 1);

    // The objective's transform and its ProbToMargin of base_score (learner.cc, regression_loss.h).
    const float base_score = float_parameter(parameters, "base_score");
    const std::string objective = json_string_member(member(learner, "objective"), "name");
    if (objective == "binary:logistic") {
      if (!(base_score > 0.0f && base_score < 1.0f)) throw Unsupported{"its base_score is outside (0, 1)"};
      evaluator->transform_ = Transform::Logistic;
      evaluator->base_margin_ = -std::log(1.0f / base_score - 1.0f);
    } else if (objective == "reg:squarederror") {
      evaluator->base_margin_ = base_score;
    } else if (objective == "multi:softprob") {
      evaluator->transform_ = Transform::Softmax;
      evaluator->base_margin_ = base_score;
    } else {
      throw Unsupported{"its objective '" + objective + "' is not evaluated by azml"};
    }
    if ((evaluator->transform_ == Transform::Softmax) != (classes > 0)) {
      throw Unsupported{"its objective and class count disagree"};
    }

    const json& booster = member(learner, "gradient_booster");
    const std::string kind = json_string_member(booster, "name");
    if (kind == "gbtree") {
      evaluator->read_trees(member(booster, "model"));
    } else if (kind == "gblinear") {
      evaluator->read_linear(member(booster, "model"));
    } else {
      throw Unsupported{"its booster '" + kind + "' is not evaluated by azml"};
    }
    return evaluator;
  } catch (const Unsupported& unsupported) {
    why_not = unsupported.why;
    return nullptr;
  } catch (const json::exception& e) {
    why_not = std::string("its model does not read as XGBoost 1.7's UBJSON: ") + e.what();
    return nullptr;
  }
}

void ModelEvaluator::read_trees(const json& model) {
  const json& trees = member(model, "trees");
  const std::vector<std::int64_t> groups = array_of<std::int64_t>(model, "tree_info");
  if (!trees.is_array() || groups.size() != trees.size()) throw Unsupported{"its trees and tree_info disagree"};
  trees_.reserve(trees.size());
  for (std::size_t t = 0; t < trees.size(); ++t) {
    const json& tree = trees[t];
    if (!empty_or_absent(tree, "categories") || !empty_or_absent(tree, "categories_nodes")) {
      throw Unsupported{"it has categorical splits"};
    }
    const json* leaf_vector = json_member(member(tree, "tree_param"), "size_leaf_vector");
    if (leaf_vector && count_parameter(member(tree, "tree_param"), "size_leaf_vector") != 0) {
      throw Unsupported{"it has vector leaves"};
    }
    const auto left = array_of<std::int64_t>(tree, "left_children");
    const auto right = array_of<std::int64_t>(tree, "right_children");
    const auto feature = array_of<std::int64_t>(tree, "split_indices");
    const auto value = array_of<float>(tree, "split_conditions");
    const auto default_left = array_of<std::int64_t>(tree, "default_left");
    const std::size_t n = left.size();
    if (n == 0 || right.size() != n || feature.size() != n || value.size() != n || default_left.size() != n) {
      throw Error(ErrorCode::Invalid, "the XGBoost model's tree " + std::to_string(t) + " has arrays of different lengths");
    }
    if (groups[t] < 0 || static_cast<std::size_t>(groups[t]) >= groups_) {
      throw Error(ErrorCode::Invalid, "the XGBoost model's tree " + std::to_string(t) + " has no output group");
    }
    Tree out;
    out.group = static_cast<std::uint32_t>(groups[t]);
    out.nodes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      Node& node = out.nodes[i];
      node.value = value[i];
      if (left[i] == -1) {
        node.left = -1;
        node.missing = -1;
        node.feature = 0;
        continue;
      }
      // XGBoost reads the right child as left + 1 for present values and the stored right child
      // for missing ones; both must exist, and the feature must be one the rows have.
      const auto in_range = [n](std::int64_t index) { return index > 0 && static_cast<std::size_t>(index) < n; };
      if (!in_range(left[i]) || !in_range(left[i] + 1) || !in_range(right[i]) || feature[i] < 0 ||
          static_cast<std::size_t>(feature[i]) >= features_) {
        throw Error(ErrorCode::Invalid, "the XGBoost model's tree " + std::to_string(t) + " has a broken node " +
                                            std::to_string(i));
      }
      node.left = static_cast<std::int32_t>(left[i]);
      node.missing = static_cast<std::int32_t>(default_left[i] ? left[i] : right[i]);
      node.feature = static_cast<std::uint32_t>(feature[i]);
    }
    // Every walk from the root must end at a leaf: a depth-first search finds no node that is
    // its own descendant (state 1: on the current path, 2: done).
    std::vector<char> state(n, 0);
    std::vector<std::pair<std::int32_t, int>> path{{0, 0}};  // node, next of its children to visit
    state[0] = 1;
    while (!path.empty()) {
      const std::int32_t index = path.back().first;
      const Node& node = out.nodes[index];
      if (node.left < 0 || path.back().second == 3) {
        state[index] = 2;
        path.pop_back();
        continue;
      }
      const std::int32_t children[3] = {node.left, node.left + 1, node.missing};
      const std::int32_t child = children[path.back().second++];
      if (state[child] == 1) {
        throw Error(ErrorCode::Invalid, "the XGBoost model's tree " + std::to_string(t) + " has a cycle");
      }
      if (state[child] == 0) {
        state[child] = 1;
        path.emplace_back(child, 0);
      }
    }
    trees_.push_back(std::move(out));
  }
}

void ModelEvaluator::read_linear(const json& model) {
  linear_weights_ = array_of<float>(model, "weights");
  if (linear_weights_.size() != (features_ + 1) * groups_) {
    throw Unsupported{"its linear weights do not match its features and classes"};
  }
}

void ModelEvaluator::predict(const float* rows, std::size_t row_count, float* out) const {
  for (std::size_t r = 0; r < row_count; ++r) {
    predict_row(rows + r * features_, out + r * groups_);
    transform(out + r * groups_);
  }
}

void ModelEvaluator::predict_row(const float* row, float* out) const {
  if (!linear_weights_.empty()) {
    const float* bias = linear_weights_.data() + features_ * groups_;
    for (std::size_t g = 0; g < groups_; ++g) {
      float sum = bias[g] + base_margin_;
      for (std::size_t f = 0; f < features_; ++f) {
        const float x = row[f];
        if (!std::isnan(x)) sum += x * linear_weights_[f * groups_ + g];
      }
      out[g] = sum;
    }
    return;
  }
  std::fill(out, out + groups_, base_margin_);
  for (const Tree& tree : trees_) {
    const Node* nodes = tree.nodes.data();
    const Node* node = nodes;
    while (node->left >= 0) {
      const float x = row[node->feature];
      node = nodes + (std::isnan(x) ? node->missing : node->left + !(x < node->value));
    }
    out[tree.group] += node->value;
  }
}

void ModelEvaluator::transform(float* out) const {
  switch (transform_) {
    case Transform::Identity: return;
    case Transform::Logistic: out[0] = logistic(out[0]); return;
    case Transform::Softmax: {
      // XGBoost 1.7's common::Softmax: the maximum in single precision, the sum in double.
      float largest = out[0];
      for (std::size_t g = 1; g < groups_; ++g) largest = std::fmax(out[g], largest);
      double sum = 0.0;
      for (std::size_t g = 0; g < groups_; ++g) {
        out[g] = std::exp(out[g] - largest);
        sum += out[g];
      }
      for (std::size_t g = 0; g < groups_; ++g) out[g] /= static_cast<float>(sum);
      return;
    }
  }
}

std::vector<ModelEvaluator::Split> ModelEvaluator::splits() const {
  std::vector<Split> out;
  for (const Tree& tree : trees_) {
    for (const Node& node : tree.nodes) {
      if (node.left >= 0) out.push_back({node.feature, node.value});
    }
  }
  return out;
}

}  // namespace azml::engine::xgb
