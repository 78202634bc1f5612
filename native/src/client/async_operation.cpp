#include "client/async_operation.hpp"

#include <algorithm>

#include "client/retry_after.hpp"
#include "common/arm_error.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

std::string string_member(const json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = object.find(name);
    if (it != object.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

const json* object_member(const json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = object.find(name);
    if (it != object.end() && it->is_object()) return &*it;
  }
  return nullptr;
}

// The wire body is {"status", "error":{code,message,details}} (ARM; what production sent), while
// the swagger model names them provisioningState and errorInfo: both are read.
Error operation_failure(const json& body, const std::string& status, const std::string& request_id) {
  std::string code, message;
  std::vector<ErrorDetail> details;
  if (const json* error = object_member(body, {"error", "Error", "errorInfo", "ErrorInfo"})) {
    code = string_member(*error, {"code", "Code"});
    message = string_member(*error, {"message", "Message"});
    for (const char* name : {"details", "Details"}) {
      auto it = error->find(name);
      if (it == error->end() || !it->is_array()) continue;
      for (const auto& detail : *it) {
        if (!detail.is_object()) continue;
        details.push_back({string_member(detail, {"code", "Code"}), string_member(detail, {"message", "Message"}),
                           string_member(detail, {"target", "Target"})});
      }
    }
  }
  if (code.empty()) code = status;
  std::string text = "the operation ended " + status;
  text += message.empty() ? std::string(" without saying why") : ": " + message;
  Error e(ErrorCode::OperationFailed, code, text);
  e.with_request_id(request_id).with_details(std::move(details));
  return e;
}

}  // namespace

bool is_failed_status(const std::string& status) noexcept {
  return iequals(status, "Failed") || iequals(status, "Canceled") || iequals(status, "Cancelled");
}

bool is_terminal_status(const std::string& status) noexcept {
  return iequals(status, "Succeeded") || is_failed_status(status);
}

void wait_for_async_operation(const Pipeline& pipeline, const TimeSource& time, const std::string& status_url,
                              std::optional<std::chrono::milliseconds> first_delay,
                              const AsyncOperationSettings& settings) {
  try {
    parse_url(status_url);
  } catch (const Error&) {
    throw Error(ErrorCode::Http, "the service named an operation status URL that is not an absolute http(s) URL: '" +
                                     status_url + "'");
  }
  const auto deadline = time.now() + settings.timeout;
  auto interval = settings.first_interval;
  auto delay = first_delay.value_or(interval);
  std::string last_status = "not yet polled";

  for (;;) {
    const auto now = time.now();
    if (now >= deadline) {
      throw Error(ErrorCode::Timeout, "the operation did not end within " + std::to_string(settings.timeout.count()) +
                                          " ms (last status: " + last_status + "); its status is at " + status_url);
    }
    time.sleep_for(std::min(delay, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now)));

    http::Request poll;
    poll.method = "GET";
    poll.url = status_url;
    poll.headers.set("Accept", "application/json");
    poll.timeout = settings.request_timeout;
    http::Response response = pipeline.send(std::move(poll));
    const std::string request_id = response.headers.get("x-ms-request-id").value_or("");
    if (response.status < 200 || response.status > 299) {
      throw error_from_response(response.status, response.body, request_id);
    }

    json body = json::parse(response.body, nullptr, false);
    last_status = body.is_object() ? string_member(body, {"status", "Status", "provisioningState"}) : std::string();
    if (last_status.empty()) {
      throw Error(ErrorCode::Http, "the operation status at " + status_url + " has no status field")
          .with_http_status(response.status)
          .with_request_id(request_id);
    }
    if (is_failed_status(last_status)) throw operation_failure(body, last_status, request_id);
    if (is_terminal_status(last_status)) return;

    interval = std::min(interval * 2, settings.max_interval);
    delay = requested_retry_delay(response.headers, time.wall_now()).value_or(interval);
  }
}

}  // namespace azml::client
