#include "handlers/classic_view.hpp"

#include "common/strings.hpp"
#include "domain/classic_errors.hpp"
#include "domain/endpoint_requests.hpp"
#include "handlers/public_urls.hpp"

namespace azml::host::handlers {

namespace {

std::string endpoint_url(const domain::EndpointView& endpoint, const std::string& workspace,
                         const std::string& base_url) {
  return base_url + encode_path({"workspaces", workspace, "webservices", endpoint.web_service_id, "endpoints",
                                 endpoint.name});
}

json render_resources(const domain::EndpointView& endpoint) {
  json resources = json::array();
  for (const auto& resource : endpoint.resources) {
    const domain::SplitLocation location = domain::split_location(resource.uri);
    resources.push_back({{"Name", resource.name},
                         {"Kind", resource.kind},
                         {"Location",
                          {{"BaseLocation", location.base_location},
                           {"RelativeLocation", location.relative_location},
                           {"SasBlobToken", nullptr}}}});
  }
  return resources;
}

}  // namespace

json render_classic_web_service(const domain::ClassicWebService& service, const std::string& workspace) {
  std::string description = json_string_member(service.record.properties, "description");
  if (description.empty()) description = json_string_member(service.record.properties, "title");
  return json{{"Id", service.id},
              {"Name", service.record.key.name},
              {"Description", description},
              {"CreationTime", service.record.created_on},
              {"WorkspaceId", workspace},
              {"DefaultEndpointName", domain::kDefaultEndpointName},
              {"EndpointCount", service.endpoint_count}};
}

std::string endpoint_api_location(const domain::EndpointView& endpoint, const std::string& workspace,
                                  const std::string& base_url) {
  return base_url + encode_path({"workspaces", workspace, "services", endpoint.service_id});
}

json render_endpoint(const domain::EndpointView& endpoint, const std::string& workspace, const std::string& base_url) {
  return json{{"Name", endpoint.name},
              {"Description", endpoint.description},
              {"CreationTime", endpoint.created_on},
              {"WebServiceId", endpoint.web_service_id},
              {"WorkspaceId", workspace},
              {"HelpLocation", endpoint_url(endpoint, workspace, base_url) + "/apihelp"},
              {"PrimaryKey", endpoint.primary_key},
              {"SecondaryKey", endpoint.secondary_key},
              {"ApiLocation", endpoint_api_location(endpoint, workspace, base_url)},
              {"Version", std::to_string(endpoint.version)},
              {"PreventUpdate", endpoint.prevent_update},
              {"SampleDataEnabled", false},
              {"ExperimentLocation", nullptr},
              {"MaxConcurrentCalls", endpoint.max_concurrent_calls},
              {"DiagnosticsTraceLevel", "None"},
              {"ThrottleLevel", endpoint.throttle_level},
              {"Resources", render_resources(endpoint)}};
}

json render_api_help(const domain::EndpointView& endpoint, const std::string& web_service_name,
                     const std::string& workspace, const std::string& base_url) {
  const std::string api = endpoint_api_location(endpoint, workspace, base_url);
  json names = json::array();
  for (const auto& resource : endpoint.resources) names.push_back(resource.name);
  bool supported = true;
  std::string message;
  if (endpoint.is_default) {
    supported = false;
    message = domain::classic_errors::default_endpoint_not_patchable(web_service_name).what();
  } else if (endpoint.resources.empty()) {
    supported = false;
    message = domain::classic_errors::no_updatable_resources(web_service_name).what();
  }
  return json{{"WebServiceId", endpoint.web_service_id},
              {"WebServiceName", web_service_name},
              {"EndpointName", endpoint.name},
              {"Execute", {{"Method", "POST"}, {"Url", api + "/execute?api-version=2.0&details=true"}}},
              {"Jobs", {{"Method", "POST"}, {"Url", api + "/jobs?api-version=2.0"}}},
              {"UpdateResource",
               {{"Method", "PATCH"},
                {"Url", endpoint_url(endpoint, workspace, base_url)},
                {"Supported", supported},
                {"UpdatableResources", std::move(names)},
                {"Message", message}}}};
}

}  // namespace azml::host::handlers
