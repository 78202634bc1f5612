#include "domain/endpoint_requests.hpp"

#include "common/strings.hpp"
#include "domain/classic_errors.hpp"

namespace azml::host::domain {

namespace {

constexpr std::size_t kMaxEndpointNameLength = 24;

void require_object(const json& body, const char* what) {
  if (!body.is_null() && !body.is_object()) {
    throw classic_errors::bad_argument(std::string("The request body must be a JSON object (") + what + ").", "");
  }
}

// A member that is absent or null reads as nullptr.
const json* given(const json& body, const char* name) {
  const json* value = body.is_object() ? find_member(body, name) : nullptr;
  return value && !value->is_null() ? value : nullptr;
}

std::string string_value(const json& value, const std::string& target) {
  if (!value.is_string()) throw classic_errors::bad_argument(target + " must be a string.", target);
  return value.get<std::string>();
}

// true/false, or the strings "True"/"False" (any case) that azuremlps sends for some flags.
bool flag_value(const json& value, const std::string& target) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) {
    const std::string text = trim(value.get<std::string>());
    if (iequals(text, "true")) return true;
    if (iequals(text, "false")) return false;
  }
  throw classic_errors::bad_argument(target + " must be true or false (or the string \"True\" or \"False\"), not " +
                                         value.dump() + ".",
                                     target);
}

// A required string member of a PATCH resource.
std::string required_string(const json& object, const char* name, const std::string& path) {
  const std::string target = path + "." + name;
  const json* value = given(object, name);
  if (!value) throw classic_errors::bad_argument(target + " is required.", target);
  return string_value(*value, target);
}

}  // namespace

const json* find_member(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  auto exact = object.find(name);
  if (exact != object.end()) return &*exact;
  for (const auto& [key, value] : object.items()) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

void check_endpoint_name(const std::string& name) {
  bool valid = !name.empty() && name.size() <= kMaxEndpointNameLength;
  for (char c : name) valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  if (!valid) throw classic_errors::invalid_endpoint_name(name);
}

EndpointSettings read_endpoint_settings(const json& body, const std::string& web_service_id,
                                        const std::string& endpoint_name) {
  require_object(body, "the endpoint's settings");
  if (const json* id = given(body, "WebServiceId")) {
    if (!iequals(string_value(*id, "WebServiceId"), web_service_id)) {
      throw classic_errors::bad_argument("WebServiceId is '" + id->get<std::string>() + "', but the URL names web service '" +
                                             web_service_id + "'. Send the same id in both, or leave WebServiceId out.",
                                         "WebServiceId");
    }
  }
  if (const json* name = given(body, "EndpointName")) {
    if (string_value(*name, "EndpointName") != endpoint_name) {
      throw classic_errors::bad_argument("EndpointName is '" + name->get<std::string>() + "', but the URL names endpoint '" +
                                             endpoint_name + "'. Send the same name in both, or leave EndpointName out.",
                                         "EndpointName");
    }
  }

  EndpointSettings settings;
  if (const json* description = given(body, "Description")) {
    settings.description = string_value(*description, "Description");
  }
  if (const json* throttle = given(body, "ThrottleLevel")) {
    const std::string level = throttle->is_string() ? trim(throttle->get<std::string>()) : std::string();
    if (iequals(level, kThrottleHigh)) {
      settings.throttle_level = kThrottleHigh;
    } else if (iequals(level, kThrottleLow)) {
      settings.throttle_level = kThrottleLow;
    } else {
      throw classic_errors::invalid_throttle_level(throttle->dump());
    }
  }
  const json* calls = given(body, "MaxConcurrentCalls");
  if (calls && !calls->is_number_integer()) {
    throw classic_errors::invalid_max_concurrent_calls(calls->dump(), kMinConcurrentCalls, kMaxConcurrentCalls);
  }
  if (settings.throttle_level == kThrottleLow) {
    // Azure forced Low endpoints to 4 whatever was asked (azuremlps warns its caller).
    settings.max_concurrent_calls = kLowThrottleConcurrentCalls;
  } else if (calls) {
    const auto value = calls->get<long long>();
    if (value < kMinConcurrentCalls || value > kMaxConcurrentCalls) {
      throw classic_errors::invalid_max_concurrent_calls(calls->dump(), kMinConcurrentCalls, kMaxConcurrentCalls);
    }
    settings.max_concurrent_calls = static_cast<int>(value);
  }
  if (const json* prevent = given(body, "PreventUpdate")) settings.prevent_update = flag_value(*prevent, "PreventUpdate");
  return settings;
}

std::vector<ResourceLocationChange> read_resource_changes(const json& body) {
  require_object(body, "{\"Resources\":[...]}");
  const json* resources = given(body, "Resources");
  if (!resources) {
    throw classic_errors::bad_argument(
        "Resources is required: {\"Resources\":[{\"Name\":\"...\",\"Location\":{\"BaseLocation\":\"...\","
        "\"RelativeLocation\":\"...\",\"SasBlobToken\":\"...\"}}]}.",
        "Resources");
  }
  if (!resources->is_array() || resources->empty()) {
    throw classic_errors::bad_argument("Resources must be a non-empty array of {Name, Location}.", "Resources");
  }
  std::vector<ResourceLocationChange> changes;
  for (std::size_t i = 0; i < resources->size(); ++i) {
    const json& item = (*resources)[i];
    const std::string path = "Resources[" + std::to_string(i) + "]";
    if (!item.is_object()) throw classic_errors::bad_argument(path + " must be an object {Name, Location}.", path);
    ResourceLocationChange change;
    change.target = path;
    change.name = required_string(item, "Name", path);
    if (change.name.empty()) throw classic_errors::bad_argument(path + ".Name must not be empty.", path + ".Name");
    const json* location = given(item, "Location");
    if (!location) throw classic_errors::bad_argument(path + ".Location is required.", path + ".Location");
    if (!location->is_object()) {
      throw classic_errors::bad_argument(path + ".Location must be an object {BaseLocation, RelativeLocation, SasBlobToken}.",
                                         path + ".Location");
    }
    const std::string location_path = path + ".Location";
    change.base_location = required_string(*location, "BaseLocation", location_path);
    change.relative_location = required_string(*location, "RelativeLocation", location_path);
    if (trim(change.relative_location).empty()) {
      throw classic_errors::bad_argument(location_path + ".RelativeLocation must name the blob (container/blob).",
                                         location_path + ".RelativeLocation");
    }
    if (const json* token = given(*location, "SasBlobToken")) {
      change.sas_blob_token = string_value(*token, location_path + ".SasBlobToken");
    }
    for (const auto& earlier : changes) {
      if (iequals(earlier.name, change.name)) {
        throw classic_errors::bad_argument(path + ".Name names '" + change.name + "' again (" + earlier.target +
                                               " already does); give each resource once.",
                                           path + ".Name");
      }
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

bool read_overwrite_resources(const json& body) {
  require_object(body, "{\"OverwriteResources\": true|false}");
  const json* overwrite = given(body, "OverwriteResources");
  return overwrite ? flag_value(*overwrite, "OverwriteResources") : false;
}

}  // namespace azml::host::domain
