// azml_classic_webservice_* and azml_endpoint_*: the classic web services and their endpoints,
// PascalCase JSON text in and out, through the client's ClassicClient.
#include <optional>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "capi/client_handle.hpp"
#include "capi/service_api_options.hpp"

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;
using azml::client::ClassicClient;

namespace {

// NULL: the client's subscription, which is the workspace on azml-host.
ClassicClient::WorkspaceId workspace(const char* workspace_id) {
  return workspace_id ? ClassicClient::WorkspaceId(workspace_id) : std::nullopt;
}

void require_web_service_arguments(azml_client* client, const char* web_service_id) {
  require_argument(client, "client");
  require_argument(web_service_id, "web_service_id");
}

void require_endpoint_arguments(azml_client* client, const char* web_service_id, const char* endpoint_name) {
  require_web_service_arguments(client, web_service_id);
  require_argument(endpoint_name, "endpoint_name");
}

void require_known_version(unsigned int version) {
  azml::capi::require_options_version(version, AZML_ENDPOINT_OPTIONS_VERSION, "azml_endpoint_options");
}

// What the caller set, and nothing else: the host applies its defaults to the rest and judges
// the values (a ThrottleLevel or MaxConcurrentCalls it refuses comes back as AZML_EINVALID).
azml::client::EndpointSettings to_settings(const azml_endpoint_options* opts) {
  azml::client::EndpointSettings settings;
  if (!opts) return settings;
  require_known_version(opts->version);
  if (opts->description) settings.description = opts->description;
  if (opts->throttle_level) settings.throttle_level = opts->throttle_level;
  if (opts->max_concurrent_calls != 0) settings.max_concurrent_calls = opts->max_concurrent_calls;
  settings.prevent_update = opts->prevent_update != 0;
  return settings;
}

}  // namespace

extern "C" {

int azml_classic_webservice_list(azml_buf* out, azml_client* client, const char* workspace_id) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(client, "client");
    fill_buffer(out, client->classic->list_web_services(workspace(workspace_id)));
  });
}

int azml_classic_webservice_get(azml_buf* out, azml_client* client, const char* workspace_id,
                                const char* web_service_id) {
  return guarded([&] {
    require_argument(out, "out");
    require_web_service_arguments(client, web_service_id);
    fill_buffer(out, client->classic->get_web_service(workspace(workspace_id), web_service_id));
  });
}

int azml_classic_webservice_remove(azml_client* client, const char* workspace_id, const char* web_service_id) {
  return guarded([&] {
    require_web_service_arguments(client, web_service_id);
    client->classic->remove_web_service(workspace(workspace_id), web_service_id);
  });
}

int azml_endpoint_list(azml_buf* out, azml_client* client, const char* workspace_id, const char* web_service_id) {
  return guarded([&] {
    require_argument(out, "out");
    require_web_service_arguments(client, web_service_id);
    fill_buffer(out, client->classic->list_endpoints(workspace(workspace_id), web_service_id));
  });
}

int azml_endpoint_get(azml_buf* out, azml_client* client, const char* workspace_id, const char* web_service_id,
                      const char* endpoint_name) {
  return guarded([&] {
    require_argument(out, "out");
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    fill_buffer(out, client->classic->get_endpoint(workspace(workspace_id), web_service_id, endpoint_name));
  });
}

int azml_endpoint_options_init(azml_endpoint_options* opts, unsigned int version) {
  return guarded([&] {
    require_argument(opts, "opts");
    require_known_version(version);
    *opts = azml_endpoint_options AZML_ENDPOINT_OPTIONS_INIT;
  });
}

int azml_endpoint_add(azml_buf* out, azml_client* client, const char* workspace_id, const char* web_service_id,
                      const char* endpoint_name, const azml_endpoint_options* opts) {
  return guarded([&] {
    require_argument(out, "out");
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    const auto settings = to_settings(opts);
    fill_buffer(out, client->classic->add_endpoint(workspace(workspace_id), web_service_id, endpoint_name, settings));
  });
}

int azml_endpoint_patch(azml_buf* out, azml_client* client, const char* workspace_id, const char* web_service_id,
                        const char* endpoint_name, const char* patch_json) {
  return guarded([&] {
    require_argument(out, "out");
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    require_argument(patch_json, "patch_json");
    fill_buffer(out,
                client->classic->patch_endpoint(workspace(workspace_id), web_service_id, endpoint_name, patch_json));
  });
}

int azml_endpoint_update_resource(azml_buf* out, azml_client* client, const char* workspace_id,
                                  const char* web_service_id, const char* endpoint_name, const char* resource_name,
                                  const char* base_location, const char* relative_location,
                                  const char* sas_blob_token) {
  return guarded([&] {
    require_argument(out, "out");
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    require_argument(resource_name, "resource_name");
    require_argument(base_location, "base_location");
    require_argument(relative_location, "relative_location");
    azml::client::ResourceLocation resource;
    resource.name = resource_name;
    resource.base_location = base_location;
    resource.relative_location = relative_location;
    if (sas_blob_token) resource.sas_blob_token = sas_blob_token;
    fill_buffer(out, client->classic->update_resource(workspace(workspace_id), web_service_id, endpoint_name, resource));
  });
}

int azml_endpoint_refresh(azml_buf* out, int* out_refreshed, azml_client* client, const char* workspace_id,
                          const char* web_service_id, const char* endpoint_name, int overwrite_resources) {
  return guarded([&] {
    require_argument(out, "out");
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    auto outcome = client->classic->refresh_endpoint(workspace(workspace_id), web_service_id, endpoint_name,
                                                     overwrite_resources != 0);
    fill_buffer(out, outcome.endpoint);
    if (out_refreshed) *out_refreshed = outcome.refreshed ? 1 : 0;
  });
}

int azml_endpoint_remove(azml_client* client, const char* workspace_id, const char* web_service_id,
                         const char* endpoint_name) {
  return guarded([&] {
    require_endpoint_arguments(client, web_service_id, endpoint_name);
    client->classic->remove_endpoint(workspace(workspace_id), web_service_id, endpoint_name);
  });
}

}  // extern "C"
