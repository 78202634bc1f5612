#include "capi/error_state.hpp"

#include <array>
#include <utility>

#include "common/json.hpp"

namespace azml::capi {

namespace {

// Owns the strings azml_error points into. One per thread, so no locking and no sharing.
struct LastError {
  bool set = false;
  std::string service_code;
  std::string message;
  std::string request_id;
  std::string target;
  std::string details_json;
  azml_error view{};

  void point_view_at_strings() {
    view.service_code = service_code.c_str();
    view.message = message.c_str();
    view.request_id = request_id.c_str();
    view.target = target.c_str();
    view.details_json = details_json.c_str();
  }
};

thread_local LastError t_last_error;

// Used when recording the real error fails for want of memory: static strings only.
thread_local azml_error t_out_of_memory{AZML_ERROR, 0, "", "out of memory", "", "", "[]"};
thread_local bool t_out_of_memory_set = false;

std::string details_as_json(const std::vector<ErrorDetail>& details) {
  json array = json::array();
  for (const auto& d : details) {
    array.push_back({{"code", d.code}, {"message", d.message}, {"target", d.target}});
  }
  return array.dump(-1, ' ', false, json::error_handler_t::replace);
}

struct CodeMapping {
  ErrorCode code;
  int status;
};

// Kinds with no C code of their own fall back to the nearest one a caller can act on.
constexpr std::array<CodeMapping, 13> kCodeTable = {{
    {ErrorCode::Generic, AZML_ERROR},
    {ErrorCode::NotFound, AZML_ENOTFOUND},
    {ErrorCode::Unauthorized, AZML_EAUTH},
    {ErrorCode::Conflict, AZML_ECONFLICT},
    {ErrorCode::Invalid, AZML_EINVALID},
    {ErrorCode::Timeout, AZML_ETIMEOUT},
    {ErrorCode::Cancelled, AZML_ECANCELLED},
    {ErrorCode::Http, AZML_EHTTP},
    {ErrorCode::Transport, AZML_ETRANSPORT},
    {ErrorCode::TooLarge, AZML_EHTTP},          // only ever a 413 from the service
    {ErrorCode::MethodNotAllowed, AZML_EHTTP},  // only ever a 405 from the service
    {ErrorCode::Throttled, AZML_ETHROTTLED},
    {ErrorCode::OperationFailed, AZML_EFAILED},
}};

}  // namespace

int status_for(ErrorCode code) noexcept {
  for (const auto& mapping : kCodeTable) {
    if (mapping.code == code) return mapping.status;
  }
  return AZML_ERROR;
}

int record_error(const Error& e) noexcept {
  const int status = status_for(e.code());
  try {
    LastError fresh;
    fresh.set = true;
    fresh.service_code = e.service_code();
    fresh.message = e.what();
    fresh.request_id = e.request_id();
    fresh.target = e.target();
    fresh.details_json = details_as_json(e.details());
    fresh.view.code = status;
    fresh.view.http_status = e.http_status();
    t_last_error = std::move(fresh);
    // Moving a std::string may move its short-string buffer: point at the final copies.
    t_last_error.point_view_at_strings();
    t_out_of_memory_set = false;
  } catch (...) {
    record_out_of_memory(status);
  }
  return status;
}

int record_failure(const char* message) noexcept {
  try {
    return record_error(Error(ErrorCode::Generic, message ? message : "unknown failure"));
  } catch (...) {
    record_out_of_memory(AZML_ERROR);
    return AZML_ERROR;
  }
}

void record_out_of_memory(int status) noexcept {
  t_last_error.set = false;
  t_out_of_memory.code = status;
  t_out_of_memory_set = true;
}

void clear_last_error() noexcept {
  t_last_error.set = false;
  t_out_of_memory_set = false;
}

const azml_error* last_error() noexcept {
  if (t_last_error.set) return &t_last_error.view;
  if (t_out_of_memory_set) return &t_out_of_memory;
  return nullptr;
}

}  // namespace azml::capi
