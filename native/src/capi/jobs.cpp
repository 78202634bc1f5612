// azml_batch_*: a web service's Batch Execution Service, JSON text in and out.
#include <chrono>
#include <memory>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "client/batch_client.hpp"

struct azml_batch {
  // Thread-safe itself, so the handle may be shared between threads (see azml.h).
  std::unique_ptr<azml::client::BatchClient> client;
};

namespace {

using azml::Error;
using azml::ErrorCode;
using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;

constexpr unsigned int kDefaultTimeoutMs = 100000;
constexpr unsigned int kDefaultRetryDelayMs = 800;
constexpr unsigned int kMaxRetryDelayMs = 30000;

void require_known_version(unsigned int version) {
  if (version != AZML_BATCH_OPTIONS_VERSION) {
    throw Error(ErrorCode::Invalid, "unknown azml_batch_options version " + std::to_string(version) +
                                        " (this library knows version " + std::to_string(AZML_BATCH_OPTIONS_VERSION) +
                                        ")")
        .with_target("version");
  }
}

azml::client::BatchClientOptions to_batch_options(const azml_batch_options* opts) {
  require_argument(opts, "opts");  // the location and key have no defaults
  require_known_version(opts->version);
  if (!opts->api_location || !*opts->api_location) {
    throw Error(ErrorCode::Invalid, "the options need an api_location (the web service's API location)")
        .with_target("api_location");
  }
  if (!opts->api_key || !*opts->api_key) {
    throw Error(ErrorCode::Invalid, "the options need an api_key (the web service's primary or secondary key)")
        .with_target("api_key");
  }
  if (opts->retry_delay_ms > kMaxRetryDelayMs) {
    throw Error(ErrorCode::Invalid, "retry_delay_ms must be at most " + std::to_string(kMaxRetryDelayMs))
        .with_target("retry_delay_ms");
  }
  azml::client::BatchClientOptions options;
  options.api_location = opts->api_location;
  options.api_key = opts->api_key;
  options.timeout = std::chrono::milliseconds(opts->timeout_ms ? opts->timeout_ms : kDefaultTimeoutMs);
  options.retry.max_retries = opts->max_retries;
  options.retry.initial_delay =
      std::chrono::milliseconds(opts->retry_delay_ms ? opts->retry_delay_ms : kDefaultRetryDelayMs);
  options.retry.max_delay = std::chrono::milliseconds(kMaxRetryDelayMs);
  if (opts->ca_file) options.ca_file = opts->ca_file;
  if (opts->user_agent) options.user_agent_suffix = opts->user_agent;
  return options;
}

}  // namespace

extern "C" {

int azml_batch_options_init(azml_batch_options* opts, unsigned int version) {
  return guarded([&] {
    require_argument(opts, "opts");
    require_known_version(version);
    *opts = azml_batch_options AZML_BATCH_OPTIONS_INIT;
  });
}

int azml_batch_new(azml_batch** out, const azml_batch_options* opts) {
  return guarded([&] {
    require_argument(out, "out");
    auto handle = std::make_unique<azml_batch>();
    handle->client = std::make_unique<azml::client::BatchClient>(to_batch_options(opts));
    *out = handle.release();
  });
}

void azml_batch_free(azml_batch* batch) { delete batch; }

int azml_batch_job_submit(azml_buf* out_job_id, azml_batch* batch, const char* request_json) {
  return guarded([&] {
    require_argument(out_job_id, "out_job_id");
    require_argument(batch, "batch");
    require_argument(request_json, "request_json");
    fill_buffer(out_job_id, batch->client->submit(request_json));
  });
}

int azml_batch_job_start(azml_batch* batch, const char* job_id) {
  return guarded([&] {
    require_argument(batch, "batch");
    require_argument(job_id, "job_id");
    batch->client->start(job_id);
  });
}

int azml_batch_job_get(azml_buf* out, azml_batch* batch, const char* job_id) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(batch, "batch");
    require_argument(job_id, "job_id");
    fill_buffer(out, batch->client->status(job_id));
  });
}

int azml_batch_job_cancel(azml_batch* batch, const char* job_id) {
  return guarded([&] {
    require_argument(batch, "batch");
    require_argument(job_id, "job_id");
    batch->client->cancel(job_id);
  });
}

int azml_batch_job_list(azml_buf* out, azml_batch* batch) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(batch, "batch");
    fill_buffer(out, batch->client->list());
  });
}

}  // extern "C"
