// azml_client_*: options, creation and the subscription the client works in.
#include <chrono>
#include <string>

#include "capi/barrier.hpp"
#include "capi/client_handle.hpp"

namespace azml::capi {

namespace {

constexpr unsigned int kDefaultTimeoutMs = 100000;
constexpr unsigned int kDefaultRetryDelayMs = 800;
constexpr unsigned int kMaxRetryDelayMs = 30000;
constexpr unsigned int kDefaultLroTimeoutMs = 600000;

void require_known_version(unsigned int version) {
  if (version != AZML_CLIENT_OPTIONS_VERSION) {
    throw Error(ErrorCode::Invalid, "unknown azml_client_options version " + std::to_string(version) +
                                        " (this library knows version " +
                                        std::to_string(AZML_CLIENT_OPTIONS_VERSION) + ")")
        .with_target("version");
  }
}

std::string text_or_empty(const char* text) { return text ? std::string(text) : std::string(); }

}  // namespace

client::ManagementClientOptions to_client_options(const azml_client_options* opts) {
  azml_client_options defaults = AZML_CLIENT_OPTIONS_INIT;
  if (!opts) opts = &defaults;
  require_known_version(opts->version);
  if (!opts->endpoint || !*opts->endpoint) {
    throw Error(ErrorCode::Invalid, "the options need an endpoint (the management API's base URL)")
        .with_target("endpoint");
  }
  if (opts->retry_delay_ms > kMaxRetryDelayMs) {
    throw Error(ErrorCode::Invalid, "retry_delay_ms must be at most " + std::to_string(kMaxRetryDelayMs))
        .with_target("retry_delay_ms");
  }

  client::ManagementClientOptions options;
  options.endpoint = opts->endpoint;
  options.token = text_or_empty(opts->token);
  options.subscription_id = text_or_empty(opts->subscription_id);
  if (opts->api_version) options.api_version = opts->api_version;
  options.timeout = std::chrono::milliseconds(opts->timeout_ms ? opts->timeout_ms : kDefaultTimeoutMs);
  options.retry.max_retries = opts->max_retries;
  options.retry.initial_delay =
      std::chrono::milliseconds(opts->retry_delay_ms ? opts->retry_delay_ms : kDefaultRetryDelayMs);
  options.retry.max_delay = std::chrono::milliseconds(kMaxRetryDelayMs);
  options.async_operation.timeout =
      std::chrono::milliseconds(opts->lro_timeout_ms ? opts->lro_timeout_ms : kDefaultLroTimeoutMs);
  options.ca_file = text_or_empty(opts->ca_file);
  options.user_agent_suffix = text_or_empty(opts->user_agent);
  return options;
}

}  // namespace azml::capi

using azml::capi::guarded;
using azml::capi::require_argument;

extern "C" {

int azml_client_options_init(azml_client_options* opts, unsigned int version) {
  return guarded([&] {
    require_argument(opts, "opts");
    azml::capi::require_known_version(version);
    *opts = azml_client_options AZML_CLIENT_OPTIONS_INIT;
  });
}

int azml_client_new(azml_client** out, const azml_client_options* opts) {
  return guarded([&] {
    require_argument(out, "out");
    auto handle = std::make_unique<azml_client>();
    handle->options = azml::capi::to_client_options(opts);
    handle->management = std::make_unique<azml::client::ManagementClient>(handle->options);
    handle->classic = std::make_unique<azml::client::ClassicClient>(*handle->management);
    *out = handle.release();
  });
}

void azml_client_free(azml_client* client) { delete client; }

int azml_client_subscription_id(const char** out, azml_client* client) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(client, "client");
    *out = client->management->subscription_id().c_str();
  });
}

}  // extern "C"
