// Following an ARM long-running operation through its Azure-AsyncOperation status URL
// (contract section 1.3): GET it until the status is Succeeded, Failed or Canceled.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "client/pipeline.hpp"
#include "client/time_source.hpp"

namespace azml::client {

struct AsyncOperationSettings {
  std::chrono::milliseconds timeout{600000};         // the whole wait
  std::chrono::milliseconds first_interval{50};      // most operations on a local host end quickly
  std::chrono::milliseconds max_interval{2000};      // the interval doubles up to this
  std::chrono::milliseconds request_timeout{100000}; // each status GET
};

// Polls status_url until the operation ends. first_delay is what the response that started the
// operation asked for (its Retry-After), if anything; later Retry-After headers are honoured too.
// Returns normally on Succeeded. Throws azml::Error(OperationFailed) on Failed or Canceled, with the
// operation's error code as service code and its message; azml::Error(Timeout) when it has not
// ended within settings.timeout; the mapped ARM error when a status GET fails; azml::Error(Http)
// when the status URL is not an absolute http(s) URL or a status body has no status.
void wait_for_async_operation(const Pipeline& pipeline, const TimeSource& time, const std::string& status_url,
                              std::optional<std::chrono::milliseconds> first_delay,
                              const AsyncOperationSettings& settings);

// Whether an operation or provisioning status is final (case-insensitive).
bool is_terminal_status(const std::string& status) noexcept;
bool is_failed_status(const std::string& status) noexcept;

}  // namespace azml::client
