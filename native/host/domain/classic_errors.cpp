#include "domain/classic_errors.hpp"

namespace azml::host::domain::classic_errors {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) text += ", ";
    text += "'" + name + "'";
  }
  return text;
}

}  // namespace

Error workspace_not_found(const std::string& workspace) {
  return Error(ErrorCode::NotFound, "WorkspaceNotFound",
               "This host serves no workspace '" + workspace +
                   "'. Its workspace id is its subscription id (GET /subscriptions, or Get-AzMlContext); a web "
                   "service's machineLearningWorkspace.id names it too.");
}

Error web_service_not_found(const std::string& workspace, const std::string& web_service_id) {
  return Error(ErrorCode::NotFound, "WebServiceNotFound",
               "No web service with id '" + web_service_id + "' exists in workspace '" + workspace +
                   "'. List them with GET /workspaces/" + workspace + "/webservices.");
}

Error endpoint_not_found(const std::string& web_service_name, const std::string& endpoint) {
  return Error(ErrorCode::NotFound, "EndpointNotFound",
               "Web service '" + web_service_name + "' has no endpoint '" + endpoint +
                   "'. List its endpoints with GET .../endpoints (Get-AzMlWebServiceEndpoint).");
}

Error invalid_endpoint_name(const std::string& name) {
  return Error(ErrorCode::Invalid, "InvalidEndpointName",
               "Endpoint names are 1 to 24 characters, lower-case letters and digits only; '" + name + "' is not.")
      .with_target("EndpointName");
}

Error default_endpoint_not_updatable() {
  return Error(ErrorCode::Invalid, "DefaultEndpointNotUpdatable",
               "The default endpoint follows the web service; change the web service with Update-AzMlWebService "
               "(realtimeConfiguration) instead.");
}

Error default_endpoint_not_patchable(const std::string& web_service_name) {
  return Error(ErrorCode::Invalid, "DefaultEndpointNotUpdatable",
               "The default endpoint of web service '" + web_service_name +
                   "' is kept in sync with its definition and cannot be patched. Add an endpoint "
                   "(Add-AzMlWebServiceEndpoint, or PUT .../endpoints/{name}) and patch that one.");
}

Error bad_argument(const std::string& message, const std::string& target) {
  return Error(ErrorCode::Invalid, "BadArgument", message).with_target(target);
}

Error invalid_throttle_level(const std::string& value) {
  return Error(ErrorCode::Invalid, "InvalidThrottleLevel",
               "ThrottleLevel must be 'High' or 'Low', not " + value + ".")
      .with_target("ThrottleLevel");
}

Error invalid_max_concurrent_calls(const std::string& value, int low, int high) {
  return Error(ErrorCode::Invalid, "InvalidMaxConcurrentCalls",
               "MaxConcurrentCalls must be an integer from " + std::to_string(low) + " to " + std::to_string(high) +
                   " with ThrottleLevel 'High' (or null for the default of 20), not " + value + ".")
      .with_target("MaxConcurrentCalls");
}

Error web_service_not_ready(const std::string& reason) {
  return Error(ErrorCode::Conflict, "WebServiceNotReady", reason);
}

Error too_many_endpoints(const std::string& web_service_name, std::size_t limit) {
  return Error(ErrorCode::Conflict, "TooManyEndpoints",
               "Web service '" + web_service_name + "' already has " + std::to_string(limit) +
                   " added endpoints, the most it may have. Delete one (Remove-AzMlWebServiceEndpoint) first.");
}

Error no_updatable_resources(const std::string& web_service_name) {
  return Error(ErrorCode::Invalid, "NoUpdatableResources",
               "Sorry, but this feature is not supported or available in this context. This Web Service has no "
               "updatable resources. Web service '" +
                   web_service_name +
                   "' has no trained-model resource: patch an endpoint of the predictive web service instead.");
}

Error updatable_resource_not_found(const std::string& resource, const std::string& web_service_name,
                                   const std::vector<std::string>& updatable, bool conflict) {
  std::string message = "'" + resource + "' is not an updatable resource of web service '" + web_service_name + "'.";
  message += updatable.empty() ? " It has none." : " Its updatable resources: " + quoted_list(updatable) + ".";
  if (conflict) {
    message += " Refresh with OverwriteResources to drop the endpoint's override of it.";
  }
  return Error(conflict ? ErrorCode::Conflict : ErrorCode::Invalid, "UpdatableResourceNotFound", message);
}

Error invalid_blob_location(const std::string& why, const std::string& target) {
  return Error(ErrorCode::Invalid, "InvalidBlobLocation", why).with_target(target);
}

Error blob_location_expired(const std::string& url, const std::string& expiry) {
  return Error(ErrorCode::Invalid, "BlobLocationExpired",
               "The SasBlobToken of '" + url + "' expired at " + expiry +
                   ". Get a fresh one: GET the batch job again (Get-AzMlBatchJob) or make one with azml_blob_sas.");
}

Error blob_location_unauthorized(const std::string& url, const std::string& why) {
  return Error(ErrorCode::Invalid, "BlobLocationUnauthorized",
               "The host may not read '" + url + "': " + why);
}

Error blob_location_not_found(const std::string& url, const std::string& why) {
  return Error(ErrorCode::Invalid, "BlobLocationNotFound",
               "There is no blob at '" + url + "' (" + why + "). Check BaseLocation and RelativeLocation.");
}

Error blob_location_unreachable(const std::string& url, const std::string& why) {
  return Error(ErrorCode::Invalid, "BlobLocationUnreachable",
               "The host could not read '" + url + "': " + why + ". Check that the storage is reachable from the host.");
}

Error invalid_trained_model(const std::string& reason) {
  return Error(ErrorCode::Invalid, "InvalidTrainedModel",
               "The resource cannot be used by the web service's graph: " + reason);
}

Error endpoint_update_prevented(const std::string& endpoint) {
  return Error(ErrorCode::Conflict, "EndpointUpdatePrevented",
               "Endpoint '" + endpoint +
                   "' was added with PreventUpdate; it keeps the definition it was added with. Set PreventUpdate to "
                   "false (PUT the endpoint, or Add-AzMlWebServiceEndpoint without -PreventUpdate) to refresh it.");
}

Error default_endpoint_in_use(const std::string& web_service_name, const std::vector<std::string>& others) {
  if (others.empty()) {
    return Error(ErrorCode::Conflict, "DefaultEndpointInUse",
                 "The default endpoint is the web service itself: delete the web service (Remove-AzMlWebService) "
                 "instead.");
  }
  return Error(ErrorCode::Conflict, "DefaultEndpointInUse",
               "The default endpoint of web service '" + web_service_name +
                   "' cannot be deleted while endpoints " + quoted_list(others) +
                   " exist; delete them first, or delete the web service (Remove-AzMlWebService).");
}

}  // namespace azml::host::domain::classic_errors
