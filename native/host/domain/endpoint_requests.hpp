// The bodies of the classic endpoint API as azuremlps and the C ABI send them, read with the
// classic API's rules: member names match case-insensitively, unknown members are ignored, and
// every refusal is a 400 naming the member at fault.
#pragma once

#include <string>
#include <vector>

#include "common/json.hpp"
#include "domain/web_service_settings.hpp"

namespace azml::host::domain {

inline constexpr const char* kDefaultEndpointName = "default";
inline constexpr const char* kThrottleHigh = "High";
inline constexpr const char* kThrottleLow = "Low";
// Azure's limits (contract §5.1): High allows 1 to 200 concurrent calls (20 by default), Low
// forces 4.
inline constexpr int kLowThrottleConcurrentCalls = 4;
inline constexpr int kMinConcurrentCalls = 1;
inline constexpr int kMaxConcurrentCalls = 200;

// The member of a JSON object whose name matches case-insensitively; nullptr when absent.
const json* find_member(const json& object, const char* name);

// Throws InvalidEndpointName unless the name is 1 to 24 lower-case ASCII letters and digits.
void check_endpoint_name(const std::string& name);

// What a PUT of an endpoint sets.
struct EndpointSettings {
  std::string description;
  std::string throttle_level = kThrottleHigh;  // canonical spelling
  int max_concurrent_calls = kDefaultMaxConcurrentCalls;
  bool prevent_update = false;
};

// Reads {"WebServiceId","EndpointName","Description","ThrottleLevel","MaxConcurrentCalls",
// "PreventUpdate"}; a null body means every default. WebServiceId and EndpointName, when given,
// must be the URL's (web_service_id compares case-insensitively, endpoint_name exactly).
EndpointSettings read_endpoint_settings(const json& body, const std::string& web_service_id,
                                        const std::string& endpoint_name);

// One resource of a PATCH body: {"Name","Location":{"BaseLocation","RelativeLocation","SasBlobToken"}}.
struct ResourceLocationChange {
  std::string name;
  std::string base_location;
  std::string relative_location;
  std::string sas_blob_token;  // may be empty
  std::string target;          // "Resources[0]", for messages
};

// Reads {"Resources":[...]} (Kind and ConnectionString are accepted and ignored). Throws
// BadArgument with the member's path as target when Resources is missing or empty, a member is
// missing or of the wrong type, or a name is given twice.
std::vector<ResourceLocationChange> read_resource_changes(const json& body);

// Reads {"OverwriteResources": true | false | "True" | "False"}; a null body means false.
bool read_overwrite_resources(const json& body);

}  // namespace azml::host::domain
