// The errors of the classic web-service API (workspaces/{ws}/webservices/...), with the codes
// clients branch on (the C ABI's service_code, the cmdlets' ErrorIds) and messages that say what
// to do. Kept in one place so the wording stays consistent between the domain and the runtime
// (which reads the locations a PATCH names).
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace azml::host::domain::classic_errors {

// 404 WorkspaceNotFound: neither the host's subscription nor any web service's
// machineLearningWorkspace.id.
Error workspace_not_found(const std::string& workspace);
// 404 WebServiceNotFound for a classic web service id.
Error web_service_not_found(const std::string& workspace, const std::string& web_service_id);
// 404 EndpointNotFound.
Error endpoint_not_found(const std::string& web_service_name, const std::string& endpoint);
// 400 InvalidEndpointName quoting the rule.
Error invalid_endpoint_name(const std::string& name);
// 400 DefaultEndpointNotUpdatable: PUT of the default endpoint.
Error default_endpoint_not_updatable();
// 400 DefaultEndpointNotUpdatable: PATCH of the default endpoint.
Error default_endpoint_not_patchable(const std::string& web_service_name);
// 400 BadArgument with a target ("Resources[0].Location.RelativeLocation").
Error bad_argument(const std::string& message, const std::string& target);
// 400 InvalidThrottleLevel.
Error invalid_throttle_level(const std::string& value);
// 400 InvalidMaxConcurrentCalls naming the range.
Error invalid_max_concurrent_calls(const std::string& value, int low, int high);
// 409 WebServiceNotReady with the reason.
Error web_service_not_ready(const std::string& reason);
// 409 TooManyEndpoints.
Error too_many_endpoints(const std::string& web_service_name, std::size_t limit);
// 400 NoUpdatableResources: a definition without Resource assets (a training web service).
Error no_updatable_resources(const std::string& web_service_name);
// UpdatableResourceNotFound naming the resources there are: 400 for a PATCH, 409 for a refresh
// that keeps an override the new definition no longer has.
Error updatable_resource_not_found(const std::string& resource, const std::string& web_service_name,
                                   const std::vector<std::string>& updatable, bool conflict);
// 400 InvalidBlobLocation: not an absolute http(s) URL.
Error invalid_blob_location(const std::string& why, const std::string& target);
// 400 BlobLocationExpired. `url` without its query; `expiry` as ISO 8601.
Error blob_location_expired(const std::string& url, const std::string& expiry);
// 400 BlobLocationUnauthorized. `url` without its query.
Error blob_location_unauthorized(const std::string& url, const std::string& why);
// 400 BlobLocationNotFound. `url` without its query.
Error blob_location_not_found(const std::string& url, const std::string& why);
// 400 BlobLocationUnreachable. `url` without its query.
Error blob_location_unreachable(const std::string& url, const std::string& why);
// 400 InvalidTrainedModel with the engine's reason.
Error invalid_trained_model(const std::string& reason);
// 409 EndpointUpdatePrevented.
Error endpoint_update_prevented(const std::string& endpoint);
// 409 DefaultEndpointInUse: `others` are the endpoints that exist beside it (none: it is alone).
Error default_endpoint_in_use(const std::string& web_service_name, const std::vector<std::string>& others);

}  // namespace azml::host::domain::classic_errors
