#include "engine/xgboost/booster.hpp"

#include <xgboost/c_api.h>

#include <cstdint>
#include <cstdio>
#include <limits>

#include "common/error.hpp"
#include "engine/value_text.hpp"

namespace azml::engine::xgb {

namespace {

// XGBoost's message is "[hh:mm:ss] file:line: text\nStack trace: ..."; keep the text.
std::string clean_message(const char* raw) {
  std::string message = raw ? raw : "unknown error";
  auto trace = message.find("\nStack trace");
  if (trace != std::string::npos) message.resize(trace);
  if (!message.empty() && message.front() == '[') {
    auto close = message.find("] ");
    if (close != std::string::npos) message.erase(0, close + 2);
  }
  // "src/learner.cc:1017: Check failed: ..." -> "Check failed: ..."
  auto colon = message.find(": ");
  if (colon != std::string::npos) {
    std::string location = message.substr(0, colon);
    auto second = location.rfind(':');
    if (second != std::string::npos && location.find('.') != std::string::npos &&
        location.find(' ') == std::string::npos) {
      message.erase(0, colon + 2);
    }
  }
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

void check(int rc, const char* what) {
  if (rc != 0) throw Error(ErrorCode::Generic, std::string("XGBoost ") + what + " failed: " + clean_message(XGBGetLastError()));
}

std::string dense_array_interface(const std::vector<float>& data, size_t rows, size_t columns) {
  char text[160];
  const int length = std::snprintf(text, sizeof text,
                                   "{\"data\":[%ju,true],\"shape\":[%zu,%zu],\"typestr\":\"<f4\",\"version\":3}",
                                   static_cast<std::uintmax_t>(reinterpret_cast<std::uintptr_t>(data.data())), rows,
                                   columns);
  return std::string(text, static_cast<size_t>(length));
}

// The proxy matrix in-place prediction reads its input through. Without one, XGBoost makes a
// new proxy for every call, and making one reads the cgroup CPU quota files (its Context's
// GetCfsCPUCount) each time, which cost more than the prediction itself. A proxy holds only
// the view of the last call's input, so each thread has its own, made on its first prediction.
DMatrixHandle thread_proxy_matrix() {
  struct Proxy {
    DMatrixHandle handle = nullptr;
    ~Proxy() {
      if (handle) XGDMatrixFree(handle);
    }
  };
  thread_local Proxy proxy;
  if (!proxy.handle) check(XGProxyDMatrixCreate(&proxy.handle), "proxy matrix creation");
  return proxy.handle;
}

constexpr const char* kPredictConfig =
    "{\"type\":0,\"training\":false,\"iteration_begin\":0,\"iteration_end\":0,\"strict_shape\":true,"
    "\"missing\":NaN,\"cache_id\":0}";

std::vector<float> copy_result(const bst_ulong* shape, bst_ulong dimensions, const float* result, size_t& per_row) {
  if (dimensions < 1) throw Error(ErrorCode::Generic, "XGBoost returned a prediction without a shape");
  size_t rows = shape[0];
  per_row = 1;
  for (bst_ulong d = 1; d < dimensions; ++d) per_row *= shape[d];
  // The result lives in XGBoost's thread-local memory until this thread's next call: copy it.
  return std::vector<float>(result, result + rows * per_row);
}

}  // namespace

std::string library_version() {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

DMatrix::DMatrix(const std::vector<float>& row_major, size_t rows, size_t columns) : rows_(rows) {
  if (row_major.size() != rows * columns) throw Error(ErrorCode::Generic, "matrix size does not match its shape");
  DMatrixHandle handle = nullptr;
  check(XGDMatrixCreateFromMat(row_major.data(), static_cast<bst_ulong>(rows), static_cast<bst_ulong>(columns),
                               std::numeric_limits<float>::quiet_NaN(), &handle),
        "matrix creation");
  handle_ = handle;
}

DMatrix::~DMatrix() {
  if (handle_) XGDMatrixFree(handle_);
}

void DMatrix::set_labels(const std::vector<float>& labels) {
  check(XGDMatrixSetFloatInfo(handle_, "label", labels.data(), static_cast<bst_ulong>(labels.size())), "set labels");
}

Booster::Booster(const DMatrix& training) {
  DMatrixHandle cache[] = {training.handle()};
  BoosterHandle handle = nullptr;
  check(XGBoosterCreate(cache, 1, &handle), "booster creation");
  handle_ = handle;
}

Booster Booster::from_bytes(std::string_view bytes) {
  Booster booster;
  BoosterHandle handle = nullptr;
  check(XGBoosterCreate(nullptr, 0, &handle), "booster creation");
  booster.handle_ = handle;
  check(XGBoosterLoadModelFromBuffer(handle, bytes.data(), static_cast<bst_ulong>(bytes.size())), "model loading");
  return booster;
}

Booster::~Booster() {
  if (handle_) XGBoosterFree(handle_);
}

Booster::Booster(Booster&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }

Booster& Booster::operator=(Booster&& other) noexcept {
  if (this != &other) {
    if (handle_) XGBoosterFree(handle_);
    handle_ = other.handle_;
    other.handle_ = nullptr;
  }
  return *this;
}

void Booster::set_parameter(const std::string& name, const std::string& value) {
  check(XGBoosterSetParam(handle_, name.c_str(), value.c_str()), ("parameter " + name).c_str());
}

void Booster::update(int iteration, const DMatrix& training) {
  check(XGBoosterUpdateOneIter(handle_, iteration, training.handle()), "training");
}

double Booster::evaluate(int iteration, const DMatrix& data, const std::string& name) {
  DMatrixHandle matrices[] = {data.handle()};
  const char* names[] = {name.c_str()};
  const char* report = nullptr;
  check(XGBoosterEvalOneIter(handle_, iteration, matrices, names, 1, &report), "evaluation");
  // "[3]\ttrain-logloss:0.1234"
  std::string text = report ? report : "";
  auto colon = text.find(':');
  auto value = colon == std::string::npos ? std::nullopt : parse_number(text.substr(colon + 1));
  if (!value) throw Error(ErrorCode::Generic, "XGBoost evaluation returned '" + text + "'");
  return *value;
}

std::string Booster::save() const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  check(XGBoosterSaveModelToBuffer(handle_, "{\"format\":\"ubj\"}", &length, &bytes), "model saving");
  return std::string(bytes, length);
}

std::vector<float> Booster::predict_in_place(const std::vector<float>& row_major, size_t rows, size_t columns,
                                             size_t& per_row) const {
  std::string values = dense_array_interface(row_major, rows, columns);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  check(XGBoosterPredictFromDense(handle_, values.c_str(), kPredictConfig, thread_proxy_matrix(), &shape, &dimensions,
                                  &result),
        "prediction");
  return copy_result(shape, dimensions, result, per_row);
}

std::vector<float> Booster::predict_matrix(const DMatrix& data, size_t& per_row) const {
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  check(XGBoosterPredictFromDMatrix(handle_, data.handle(), kPredictConfig, &shape, &dimensions, &result),
        "prediction");
  return copy_result(shape, dimensions, result, per_row);
}

}  // namespace azml::engine::xgb
