// The one exception type inside azml. Everything that fails inside the library or the host
// throws azml::Error; the C ABI maps it to a status code and the thread's last error, the host
// maps it to an HTTP status and the ARM error body. Neither mapping lives anywhere else.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace azml {

// Stable error kinds. The C ABI exposes them as AZML_E* codes (see azml.h).
enum class ErrorCode {
  Generic,          // anything not covered below
  NotFound,         // the resource does not exist
  Unauthorized,     // missing or wrong credentials
  Conflict,         // the request conflicts with the resource's state (e.g. readOnly)
  Invalid,          // the caller's input is wrong (bad JSON, bad definition, bad argument)
  Timeout,          // no answer in time
  Cancelled,        // the operation was cancelled
  Http,             // the service answered with an error status not covered above
  Transport,        // the connection failed (refused, TLS, reset)
  TooLarge,         // a body over the size limit
  MethodNotAllowed, // the route exists, the method does not
  Throttled,        // too many requests
  OperationFailed,  // a long-running operation ended Failed or Canceled
};

// One entry of the ARM error body's "details" array.
struct ErrorDetail {
  std::string code;
  std::string message;
  std::string target;  // JSON path or parameter name; may be empty
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message) : std::runtime_error(message), code_(code) {}
  Error(ErrorCode code, std::string service_code, std::string message)
      : std::runtime_error(message), code_(code), service_code_(std::move(service_code)) {}

  ErrorCode code() const noexcept { return code_; }
  // The service's own error code ("NotFound", "BadRequest", ...); empty when not from a service.
  const std::string& service_code() const noexcept { return service_code_; }
  int http_status() const noexcept { return http_status_; }
  const std::string& request_id() const noexcept { return request_id_; }
  const std::string& target() const noexcept { return target_; }
  const std::vector<ErrorDetail>& details() const noexcept { return details_; }

  Error& with_service_code(std::string v) { service_code_ = std::move(v); return *this; }
  Error& with_http_status(int v) { http_status_ = v; return *this; }
  Error& with_request_id(std::string v) { request_id_ = std::move(v); return *this; }
  Error& with_target(std::string v) { target_ = std::move(v); return *this; }
  Error& with_details(std::vector<ErrorDetail> v) { details_ = std::move(v); return *this; }
  Error& add_detail(ErrorDetail d) { details_.push_back(std::move(d)); return *this; }

 private:
  ErrorCode code_;
  std::string service_code_;
  int http_status_ = 0;
  std::string request_id_;
  std::string target_;
  std::vector<ErrorDetail> details_;
};

const char* to_string(ErrorCode code) noexcept;

}  // namespace azml
