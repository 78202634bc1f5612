// The options of a web service's own APIs from C: azml_batch_options (BES) and azml_rrs_options
// (RRS) have the same members, so one conversion serves both (client::ServiceApiOptions).
#pragma once

#include <chrono>
#include <string>

#include "capi/barrier.hpp"
#include "client/service_api.hpp"

namespace azml::capi {

inline constexpr unsigned int kServiceApiDefaultTimeoutMs = 100000;
inline constexpr unsigned int kServiceApiDefaultRetryDelayMs = 800;
inline constexpr unsigned int kServiceApiMaxRetryDelayMs = 30000;

// AZML_EINVALID naming "version" unless version is the one this library knows of type_name.
inline void require_options_version(unsigned int version, unsigned int known, const char* type_name) {
  if (version != known) {
    throw Error(ErrorCode::Invalid, "unknown " + std::string(type_name) + " version " + std::to_string(version) +
                                        " (this library knows version " + std::to_string(known) + ")")
        .with_target("version");
  }
}

// COptions is azml_batch_options or azml_rrs_options; known_version its _VERSION macro.
template <typename COptions>
client::ServiceApiOptions to_service_api_options(const COptions* opts, unsigned int known_version,
                                                 const char* type_name) {
  require_argument(opts, "opts");  // the location and key have no defaults
  require_options_version(opts->version, known_version, type_name);
  if (!opts->api_location || !*opts->api_location) {
    throw Error(ErrorCode::Invalid, "the options need an api_location (the web service's API location)")
        .with_target("api_location");
  }
  if (!opts->api_key || !*opts->api_key) {
    throw Error(ErrorCode::Invalid, "the options need an api_key (the web service's primary or secondary key)")
        .with_target("api_key");
  }
  if (opts->retry_delay_ms > kServiceApiMaxRetryDelayMs) {
    throw Error(ErrorCode::Invalid, "retry_delay_ms must be at most " + std::to_string(kServiceApiMaxRetryDelayMs))
        .with_target("retry_delay_ms");
  }
  client::ServiceApiOptions options;
  options.api_location = opts->api_location;
  options.api_key = opts->api_key;
  options.timeout = std::chrono::milliseconds(opts->timeout_ms ? opts->timeout_ms : kServiceApiDefaultTimeoutMs);
  options.retry.max_retries = opts->max_retries;
  options.retry.initial_delay =
      std::chrono::milliseconds(opts->retry_delay_ms ? opts->retry_delay_ms : kServiceApiDefaultRetryDelayMs);
  options.retry.max_delay = std::chrono::milliseconds(kServiceApiMaxRetryDelayMs);
  if (opts->ca_file) options.ca_file = opts->ca_file;
  if (opts->user_agent) options.user_agent_suffix = opts->user_agent;
  return options;
}

}  // namespace azml::capi
