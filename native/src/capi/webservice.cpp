// azml_webservice_*: the ARM web service operations, JSON text in and out.
#include <optional>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "capi/client_handle.hpp"

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;

namespace {

// The checks every call naming one web service starts with.
void require_service_arguments(azml_client* client, const char* resource_group, const char* name) {
  require_argument(client, "client");
  require_argument(resource_group, "resource_group");
  require_argument(name, "name");
}

std::optional<std::string> optional_text(const char* text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}

}  // namespace

extern "C" {

int azml_webservice_get(azml_buf* out, azml_client* client, const char* resource_group, const char* name,
                        const char* region) {
  return guarded([&] {
    require_argument(out, "out");
    require_service_arguments(client, resource_group, name);
    fill_buffer(out, client->management->get(resource_group, name, optional_text(region)));
  });
}

int azml_webservice_create_or_update(azml_buf* out, azml_client* client, const char* resource_group,
                                     const char* name, const char* web_service_json) {
  return guarded([&] {
    require_argument(out, "out");
    require_service_arguments(client, resource_group, name);
    require_argument(web_service_json, "web_service_json");
    fill_buffer(out, client->management->create_or_update(resource_group, name, web_service_json));
  });
}

int azml_webservice_patch(azml_buf* out, azml_client* client, const char* resource_group, const char* name,
                          const char* patch_json) {
  return guarded([&] {
    require_argument(out, "out");
    require_service_arguments(client, resource_group, name);
    require_argument(patch_json, "patch_json");
    fill_buffer(out, client->management->patch(resource_group, name, patch_json));
  });
}

int azml_webservice_remove(azml_client* client, const char* resource_group, const char* name) {
  return guarded([&] {
    require_service_arguments(client, resource_group, name);
    client->management->remove(resource_group, name);
  });
}

int azml_webservice_list_keys(azml_buf* out, azml_client* client, const char* resource_group, const char* name) {
  return guarded([&] {
    require_argument(out, "out");
    require_service_arguments(client, resource_group, name);
    fill_buffer(out, client->management->list_keys(resource_group, name));
  });
}

int azml_webservice_list(azml_buf* out, azml_client* client, const char* resource_group) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(client, "client");
    fill_buffer(out, client->management->list(optional_text(resource_group)));
  });
}

}  // extern "C"
