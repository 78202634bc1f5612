// The classic management API (management.azureml.net's shape, contract §5): a workspace's web
// services and their endpoints, PascalCase JSON text in and out. It works through a
// ManagementClient's pipeline (same endpoint, token, retries, error mapping), and a workspace
// id left out is that client's subscription id: on azml-host the workspace is the subscription.
#pragma once

#include <optional>
#include <string>

#include "client/management_client.hpp"

namespace azml::client {

// The settings of an added endpoint (PUT body). Members left empty are not sent, so the host's
// defaults apply; the host checks the values (a ThrottleLevel it does not know, a
// MaxConcurrentCalls out of range).
struct EndpointSettings {
  std::optional<std::string> description;
  std::optional<std::string> throttle_level;  // "Low" or "High"
  std::optional<int> max_concurrent_calls;
  bool prevent_update = false;  // sent only when true
};

// Where a resource (a trained model) of an endpoint is to be read from (PATCH body).
struct ResourceLocation {
  std::string name;  // the resource's name, e.g. "Census Model [trained model]"
  std::string base_location;      // "https://account.blob.core.windows.net/"
  std::string relative_location;  // "container/model.ilearner"
  std::optional<std::string> sas_blob_token;  // "?sv=…"; not sent when absent
};

// What a refresh did: the endpoint afterwards, and whether it changed (false: HTTP 304).
struct RefreshOutcome {
  std::string endpoint;
  bool refreshed = false;
};

class ClassicClient {
 public:
  // Works through `management`, which must outlive this client.
  explicit ClassicClient(ManagementClient& management) : management_(management) {}

  // workspace_id: std::nullopt means the management client's subscription id.
  using WorkspaceId = std::optional<std::string>;

  // GET .../webservices: a JSON array of web services.
  std::string list_web_services(const WorkspaceId& workspace_id);
  // GET .../webservices/{id}.
  std::string get_web_service(const WorkspaceId& workspace_id, const std::string& web_service_id);
  // DELETE .../webservices/{id} (204). A web service that does not exist is Error(NotFound).
  void remove_web_service(const WorkspaceId& workspace_id, const std::string& web_service_id);

  // GET .../endpoints: a JSON array of endpoints, the default one first.
  std::string list_endpoints(const WorkspaceId& workspace_id, const std::string& web_service_id);
  // GET .../endpoints/{name}.
  std::string get_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                           const std::string& endpoint_name);
  // PUT .../endpoints/{name} (201 added, 200 settings changed): the endpoint.
  std::string add_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                           const std::string& endpoint_name, const EndpointSettings& settings);
  // PATCH .../endpoints/{name} with patch_json (a JSON object, sent as given): the endpoint.
  std::string patch_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                             const std::string& endpoint_name, const std::string& patch_json);
  // The PATCH of one resource, {"Resources":[{"Name","Location":{…}}]}: the endpoint.
  std::string update_resource(const WorkspaceId& workspace_id, const std::string& web_service_id,
                              const std::string& endpoint_name, const ResourceLocation& resource);
  // POST .../endpoints/{name}/refresh. On 304 (nothing to do) the endpoint is read with a GET.
  RefreshOutcome refresh_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                  const std::string& endpoint_name, bool overwrite_resources);
  // DELETE .../endpoints/{name} (204). An endpoint that does not exist is Error(NotFound).
  void remove_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                       const std::string& endpoint_name);

 private:
  std::string web_services_path(const WorkspaceId& workspace_id);
  std::string web_service_path(const WorkspaceId& workspace_id, const std::string& web_service_id);
  std::string endpoint_path(const WorkspaceId& workspace_id, const std::string& web_service_id,
                            const std::string& endpoint_name);
  http::Response send(const std::string& method, const std::string& path, const std::string* body);

  ManagementClient& management_;
};

}  // namespace azml::client
