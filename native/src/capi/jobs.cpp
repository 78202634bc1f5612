// azml_batch_*: a web service's Batch Execution Service, JSON text in and out.
#include <memory>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "capi/service_api_options.hpp"
#include "client/batch_client.hpp"

struct azml_batch {
  // Thread-safe itself, so the handle may be shared between threads (see azml.h).
  std::unique_ptr<azml::client::BatchClient> client;
};

namespace {

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;

void require_known_version(unsigned int version) {
  azml::capi::require_options_version(version, AZML_BATCH_OPTIONS_VERSION, "azml_batch_options");
}

azml::client::BatchClientOptions to_batch_options(const azml_batch_options* opts) {
  return azml::capi::to_service_api_options(opts, AZML_BATCH_OPTIONS_VERSION, "azml_batch_options");
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
