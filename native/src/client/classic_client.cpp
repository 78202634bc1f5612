#include "client/classic_client.hpp"

#include "client/response_checks.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"

namespace azml::client {

namespace {

void require_non_empty(const std::string& value, const char* argument) {
  if (value.empty()) {
    throw Error(ErrorCode::Invalid, std::string(argument) + " must not be empty").with_target(argument);
  }
}

std::string endpoint_what(const std::string& action, const std::string& web_service_id,
                          const std::string& endpoint_name) {
  return action + " endpoint '" + endpoint_name + "' of web service '" + web_service_id + "'";
}

}  // namespace

std::string ClassicClient::web_services_path(const WorkspaceId& workspace_id) {
  if (workspace_id && workspace_id->empty()) {
    throw Error(ErrorCode::Invalid, "workspace_id must not be empty (leave it out for the client's subscription)")
        .with_target("workspace_id");
  }
  const std::string& workspace = workspace_id ? *workspace_id : management_.subscription_id();
  return "/workspaces/" + url_encode(workspace) + "/webservices";
}

std::string ClassicClient::web_service_path(const WorkspaceId& workspace_id, const std::string& web_service_id) {
  require_non_empty(web_service_id, "web_service_id");
  return web_services_path(workspace_id) + "/" + url_encode(web_service_id);
}

std::string ClassicClient::endpoint_path(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                         const std::string& endpoint_name) {
  require_non_empty(endpoint_name, "endpoint_name");
  return web_service_path(workspace_id, web_service_id) + "/endpoints/" + url_encode(endpoint_name);
}

// The classic API has no api-version (an api-version parameter is ignored), so none is sent.
http::Response ClassicClient::send(const std::string& method, const std::string& path, const std::string* body) {
  return management_.send(method, path, "", body);
}

std::string ClassicClient::list_web_services(const WorkspaceId& workspace_id) {
  http::Response response = send("GET", web_services_path(workspace_id), nullptr);
  require_status(response, {200}, "list web services");
  parse_array_body(response, "list web services");
  return response.body;
}

std::string ClassicClient::get_web_service(const WorkspaceId& workspace_id, const std::string& web_service_id) {
  http::Response response = send("GET", web_service_path(workspace_id, web_service_id), nullptr);
  const std::string what = "get web service '" + web_service_id + "'";
  require_status(response, {200}, what);
  parse_object_body(response, what);
  return response.body;
}

void ClassicClient::remove_web_service(const WorkspaceId& workspace_id, const std::string& web_service_id) {
  http::Response response = send("DELETE", web_service_path(workspace_id, web_service_id), nullptr);
  require_status(response, {200, 202, 204}, "remove web service '" + web_service_id + "'");
}

std::string ClassicClient::list_endpoints(const WorkspaceId& workspace_id, const std::string& web_service_id) {
  http::Response response = send("GET", web_service_path(workspace_id, web_service_id) + "/endpoints", nullptr);
  const std::string what = "list endpoints of web service '" + web_service_id + "'";
  require_status(response, {200}, what);
  parse_array_body(response, what);
  return response.body;
}

std::string ClassicClient::get_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                        const std::string& endpoint_name) {
  http::Response response = send("GET", endpoint_path(workspace_id, web_service_id, endpoint_name), nullptr);
  const std::string what = endpoint_what("get", web_service_id, endpoint_name);
  require_status(response, {200}, what);
  parse_object_body(response, what);
  return response.body;
}

std::string ClassicClient::add_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                        const std::string& endpoint_name, const EndpointSettings& settings) {
  const std::string path = endpoint_path(workspace_id, web_service_id, endpoint_name);
  // azuremlps's body; what the caller left out is not sent, so the host's defaults apply.
  json body = {{"WebServiceId", web_service_id}, {"EndpointName", endpoint_name}};
  if (settings.description) body["Description"] = *settings.description;
  if (settings.throttle_level) body["ThrottleLevel"] = *settings.throttle_level;
  if (settings.max_concurrent_calls) body["MaxConcurrentCalls"] = *settings.max_concurrent_calls;
  // false is the host's default, so only true needs saying.
  if (settings.prevent_update) body["PreventUpdate"] = true;
  const std::string text = body.dump();
  http::Response response = send("PUT", path, &text);
  const std::string what = endpoint_what("add", web_service_id, endpoint_name);
  require_status(response, {200, 201}, what);
  parse_object_body(response, what);
  return response.body;
}

std::string ClassicClient::patch_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                          const std::string& endpoint_name, const std::string& patch_json) {
  require_json_object_text(patch_json, "patch_json");
  http::Response response = send("PATCH", endpoint_path(workspace_id, web_service_id, endpoint_name), &patch_json);
  const std::string what = endpoint_what("patch", web_service_id, endpoint_name);
  require_status(response, {200}, what);
  parse_object_body(response, what);
  return response.body;
}

std::string ClassicClient::update_resource(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                           const std::string& endpoint_name, const ResourceLocation& resource) {
  require_non_empty(resource.name, "resource_name");
  require_non_empty(resource.base_location, "base_location");
  json location = {{"BaseLocation", resource.base_location}, {"RelativeLocation", resource.relative_location}};
  if (resource.sas_blob_token) location["SasBlobToken"] = *resource.sas_blob_token;
  const json body = {{"Resources", json::array({{{"Name", resource.name}, {"Location", std::move(location)}}})}};
  return patch_endpoint(workspace_id, web_service_id, endpoint_name, body.dump());
}

RefreshOutcome ClassicClient::refresh_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                               const std::string& endpoint_name, bool overwrite_resources) {
  const std::string path = endpoint_path(workspace_id, web_service_id, endpoint_name);
  const std::string body = json{{"OverwriteResources", overwrite_resources}}.dump();
  http::Response response = send("POST", path + "/refresh", &body);
  const std::string what = endpoint_what("refresh", web_service_id, endpoint_name);
  require_status(response, {200, 304}, what);
  if (response.status == 304) return {get_endpoint(workspace_id, web_service_id, endpoint_name), false};
  parse_object_body(response, what);
  return {response.body, true};
}

void ClassicClient::remove_endpoint(const WorkspaceId& workspace_id, const std::string& web_service_id,
                                    const std::string& endpoint_name) {
  http::Response response = send("DELETE", endpoint_path(workspace_id, web_service_id, endpoint_name), nullptr);
  require_status(response, {200, 202, 204}, endpoint_what("remove", web_service_id, endpoint_name));
}

}  // namespace azml::client
