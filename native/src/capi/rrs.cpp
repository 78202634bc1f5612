// azml_rrs_*: a web service's (or endpoint's) Request-Response Service, JSON text in and out.
#include <memory>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "capi/service_api_options.hpp"
#include "client/rrs_client.hpp"

struct azml_rrs {
  // Thread-safe itself, so the handle may be shared between threads (see azml.h).
  std::unique_ptr<azml::client::RrsClient> client;
};

namespace {

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;

constexpr unsigned int kKnownFlags = AZML_RRS_DETAILS | AZML_RRS_SWAGGER;

void require_known_version(unsigned int version) {
  azml::capi::require_options_version(version, AZML_RRS_OPTIONS_VERSION, "azml_rrs_options");
}

}  // namespace

extern "C" {

int azml_rrs_options_init(azml_rrs_options* opts, unsigned int version) {
  return guarded([&] {
    require_argument(opts, "opts");
    require_known_version(version);
    *opts = azml_rrs_options AZML_RRS_OPTIONS_INIT;
  });
}

int azml_rrs_new(azml_rrs** out, const azml_rrs_options* opts) {
  return guarded([&] {
    require_argument(out, "out");
    auto handle = std::make_unique<azml_rrs>();
    handle->client = std::make_unique<azml::client::RrsClient>(
        azml::capi::to_service_api_options(opts, AZML_RRS_OPTIONS_VERSION, "azml_rrs_options"));
    *out = handle.release();
  });
}

void azml_rrs_free(azml_rrs* rrs) { delete rrs; }

int azml_rrs_execute(azml_buf* out, azml_rrs* rrs, const char* request_json, unsigned int flags) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(rrs, "rrs");
    require_argument(request_json, "request_json");
    // An unknown bit is a flag of a newer header: refusing it beats silently ignoring it.
    if (flags & ~kKnownFlags) {
      throw azml::Error(azml::ErrorCode::Invalid, "unknown azml_rrs_execute flags " + std::to_string(flags & ~kKnownFlags) +
                                                      " (this library knows AZML_RRS_DETAILS and AZML_RRS_SWAGGER)")
          .with_target("flags");
    }
    azml::client::RrsExecuteFormat format;
    format.details = (flags & AZML_RRS_DETAILS) != 0;
    format.swagger = (flags & AZML_RRS_SWAGGER) != 0;
    fill_buffer(out, rrs->client->execute(request_json, format));
  });
}

}  // extern "C"
