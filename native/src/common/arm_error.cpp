#include "common/arm_error.hpp"

namespace azml {

int http_status_for(const Error& e) noexcept {
  if (e.http_status() >= 400) return e.http_status();
  switch (e.code()) {
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::Invalid: return 400;
    case ErrorCode::Timeout: return 504;
    case ErrorCode::Cancelled: return 409;
    case ErrorCode::TooLarge: return 413;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Throttled: return 429;
    case ErrorCode::Http:
    case ErrorCode::Transport:
    case ErrorCode::OperationFailed:
    case ErrorCode::Generic: return 500;
  }
  return 500;
}

std::string arm_code_for(const Error& e) {
  if (!e.service_code().empty()) return e.service_code();
  switch (e.code()) {
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::Unauthorized: return "AuthenticationFailed";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::Invalid: return "BadRequest";
    case ErrorCode::Timeout: return "GatewayTimeout";
    case ErrorCode::Cancelled: return "Canceled";
    case ErrorCode::TooLarge: return "RequestEntityTooLarge";
    case ErrorCode::MethodNotAllowed: return "MethodNotAllowed";
    case ErrorCode::Throttled: return "TooManyRequests";
    case ErrorCode::Http:
    case ErrorCode::Transport:
    case ErrorCode::OperationFailed:
    case ErrorCode::Generic: return "InternalServerError";
  }
  return "InternalServerError";
}

json arm_error_body(const Error& e) {
  json err = {{"code", arm_code_for(e)}, {"message", e.what()}};
  if (!e.target().empty()) err["target"] = e.target();
  json details = json::array();
  for (const auto& d : e.details()) {
    json item = {{"code", d.code}, {"message", d.message}};
    if (!d.target.empty()) item["target"] = d.target;
    details.push_back(std::move(item));
  }
  err["details"] = std::move(details);
  return json{{"error", std::move(err)}};
}

ErrorCode error_code_for_status(int status) noexcept {
  switch (status) {
    case 400: return ErrorCode::Invalid;
    case 401:
    case 403: return ErrorCode::Unauthorized;
    case 404: return ErrorCode::NotFound;
    case 405: return ErrorCode::MethodNotAllowed;
    case 408:
    case 504: return ErrorCode::Timeout;
    case 409:
    case 412: return ErrorCode::Conflict;
    case 413: return ErrorCode::TooLarge;
    case 429: return ErrorCode::Throttled;
    default: return ErrorCode::Http;
  }
}

namespace {
// At most max_bytes of text, never ending inside a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string string_field(const json& obj, const char* camel, const char* pascal) {
  for (const char* name : {camel, pascal}) {
    auto it = obj.find(name);
    if (it != obj.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}
}  // namespace

Error error_from_response(int status, const std::string& body, const std::string& request_id) {
  std::string code, message, target;
  std::vector<ErrorDetail> details;
  json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_discarded() && parsed.is_object()) {
    const json* err = &parsed;
    for (const char* name : {"error", "Error"}) {
      auto it = parsed.find(name);
      if (it != parsed.end() && it->is_object()) err = &*it;
    }
    code = string_field(*err, "code", "Code");
    message = string_field(*err, "message", "Message");
    target = string_field(*err, "target", "Target");
    for (const char* name : {"details", "Details"}) {
      auto it = err->find(name);
      if (it == err->end() || !it->is_array()) continue;
      for (const auto& d : *it) {
        if (!d.is_object()) continue;
        details.push_back({string_field(d, "code", "Code"), string_field(d, "message", "Message"),
                           string_field(d, "target", "Target")});
      }
    }
  }
  if (message.empty()) {
    message = body.empty() ? std::string("the service answered HTTP ") + std::to_string(status)
                           : utf8_prefix(body, 2000);
  }
  Error e(error_code_for_status(status), message);
  e.with_service_code(code).with_http_status(status).with_request_id(request_id).with_target(target)
      .with_details(std::move(details));
  return e;
}

}  // namespace azml
