#include "common/error.hpp"

namespace azml {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::Generic: return "Generic";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::Unauthorized: return "Unauthorized";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::Invalid: return "Invalid";
    case ErrorCode::Timeout: return "Timeout";
    case ErrorCode::Cancelled: return "Cancelled";
    case ErrorCode::Http: return "Http";
    case ErrorCode::Transport: return "Transport";
    case ErrorCode::TooLarge: return "TooLarge";
    case ErrorCode::MethodNotAllowed: return "MethodNotAllowed";
    case ErrorCode::Throttled: return "Throttled";
    case ErrorCode::OperationFailed: return "OperationFailed";
  }
  return "Generic";
}

}  // namespace azml
