// The classic web-service routes (classic_api.hpp): read the URL's values and the body, call the
// ClassicWorkspace, render what it returns.
#include "common/error.hpp"
#include "common/strings.hpp"
#include "definition/definition.hpp"
#include "domain/classic_errors.hpp"
#include "handlers/classic_api.hpp"
#include "handlers/classic_view.hpp"
#include "handlers/public_urls.hpp"
#include "handlers/responses.hpp"

namespace azml::host::handlers {

namespace {

using router::RouteRequest;

constexpr const char* kWebServicesPattern = "/workspaces/{workspaceId}/webservices";
constexpr const char* kWebServicePattern = "/workspaces/{workspaceId}/webservices/{webServiceId}";
constexpr const char* kEndpointsPattern = "/workspaces/{workspaceId}/webservices/{webServiceId}/endpoints";
constexpr const char* kEndpointPattern = "/workspaces/{workspaceId}/webservices/{webServiceId}/endpoints/{endpointName}";

struct ClassicContext {
  domain::ClassicWorkspace& workspace;
  ManagementSettings settings;

  std::string base_url(const RouteRequest& request) const {
    return public_base_url(request.http, settings.scheme, settings.fallback_authority);
  }
};
using SharedContext = std::shared_ptr<const ClassicContext>;

const std::string& workspace_of(const RouteRequest& request) { return request.param("workspaceId"); }
const std::string& web_service_of(const RouteRequest& request) { return request.param("webServiceId"); }
const std::string& endpoint_of(const RouteRequest& request) { return request.param("endpointName"); }

bool is_json_media_type(const std::string& content_type) {
  const std::string media_type = to_lower(trim(content_type.substr(0, content_type.find(';'))));
  return media_type == "application/json" || media_type == "text/json" || ends_with(media_type, "+json");
}

// The body as JSON; null when there is none (the classic API's bodies are optional or have
// defaults). Refuses a non-JSON Content-Type (415) and malformed JSON (400 BadArgument).
json optional_json_body(const RouteRequest& request) {
  if (trim(request.http.body).empty()) return json();
  if (auto content_type = request.http.headers.get("Content-Type");
      content_type && !trim(*content_type).empty() && !is_json_media_type(*content_type)) {
    throw Error(ErrorCode::Invalid, "UnsupportedMediaType",
                "The content type '" + *content_type + "' is not supported; send the body as application/json.")
        .with_http_status(415);
  }
  try {
    return definition::parse_json(request.http.body, "the request body");
  } catch (const Error& error) {
    if (error.code() != ErrorCode::Invalid) throw;
    throw domain::classic_errors::bad_argument(error.what(), "");
  }
}

json array_of(const std::vector<json>& items) {
  json array = json::array();
  for (const json& item : items) array.push_back(item);
  return array;
}

http::Response list_web_services(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  std::vector<json> items;
  for (const auto& service : context.workspace.list_web_services(workspace)) {
    items.push_back(render_classic_web_service(service, workspace));
  }
  return json_response(200, array_of(items));
}

http::Response get_web_service(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  return json_response(200, render_classic_web_service(
                                context.workspace.get_web_service(workspace, web_service_of(request)), workspace));
}

http::Response delete_web_service(const ClassicContext& context, const RouteRequest& request) {
  context.workspace.remove_web_service(workspace_of(request), web_service_of(request));
  return empty_response(204);
}

http::Response list_endpoints(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const std::string base = context.base_url(request);
  std::vector<json> items;
  for (const auto& endpoint : context.workspace.list_endpoints(workspace, web_service_of(request))) {
    items.push_back(render_endpoint(endpoint, workspace, base));
  }
  return json_response(200, array_of(items));
}

http::Response get_endpoint(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const auto endpoint = context.workspace.get_endpoint(workspace, web_service_of(request), endpoint_of(request));
  return json_response(200, render_endpoint(endpoint, workspace, context.base_url(request)));
}

http::Response put_endpoint(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const json body = optional_json_body(request);
  const auto result = context.workspace.put_endpoint(workspace, web_service_of(request), endpoint_of(request), body);
  return json_response(result.created ? 201 : 200, render_endpoint(result.endpoint, workspace, context.base_url(request)));
}

http::Response patch_endpoint(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const json body = optional_json_body(request);
  const auto endpoint = context.workspace.patch_endpoint(workspace, web_service_of(request), endpoint_of(request), body);
  return json_response(200, render_endpoint(endpoint, workspace, context.base_url(request)));
}

http::Response refresh_endpoint(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const json body = optional_json_body(request);
  const auto endpoint =
      context.workspace.refresh_endpoint(workspace, web_service_of(request), endpoint_of(request), body);
  // azuremlps reads 304 as "no change detected".
  if (!endpoint) return empty_response(304);
  return json_response(200, render_endpoint(*endpoint, workspace, context.base_url(request)));
}

http::Response delete_endpoint(const ClassicContext& context, const RouteRequest& request) {
  context.workspace.remove_endpoint(workspace_of(request), web_service_of(request), endpoint_of(request));
  return empty_response(204);
}

http::Response api_help(const ClassicContext& context, const RouteRequest& request) {
  const std::string& workspace = workspace_of(request);
  const auto endpoint = context.workspace.get_endpoint(workspace, web_service_of(request), endpoint_of(request));
  return json_response(200, render_api_help(endpoint, endpoint.web_service.name, workspace, context.base_url(request)));
}

router::RouteHandler classic_route(const SharedContext& context,
                                   http::Response (*handler)(const ClassicContext&, const RouteRequest&)) {
  return [context, handler](const RouteRequest& request) { return handler(*context, request); };
}

}  // namespace

void add_classic_routes(router::Router& router, domain::ClassicWorkspace& workspace, const ManagementSettings& settings) {
  auto context = std::make_shared<const ClassicContext>(ClassicContext{workspace, settings});
  domain::ClassicWorkspace* classic = &workspace;
  const router::KeyCheck endpoint_key = [classic](const RouteRequest& request, const std::string& presented) {
    try {
      return classic->accepts_endpoint_key(workspace_of(request), web_service_of(request), endpoint_of(request),
                                           presented);
    } catch (...) {
      return false;
    }
  };
  const std::string endpoint = kEndpointPattern;
  router.add({"GET", kWebServicesPattern, router::Access::Admin, classic_route(context, list_web_services)});
  router.add({"GET", kWebServicePattern, router::Access::Admin, classic_route(context, get_web_service)});
  router.add({"DELETE", kWebServicePattern, router::Access::Admin, classic_route(context, delete_web_service)});
  router.add({"GET", kEndpointsPattern, router::Access::Admin, classic_route(context, list_endpoints)});
  router.add({"GET", endpoint, router::Access::AdminOrKey, classic_route(context, get_endpoint), endpoint_key});
  router.add({"PUT", endpoint, router::Access::Admin, classic_route(context, put_endpoint)});
  router.add({"PATCH", endpoint, router::Access::AdminOrKey, classic_route(context, patch_endpoint), endpoint_key});
  router.add({"DELETE", endpoint, router::Access::Admin, classic_route(context, delete_endpoint)});
  router.add({"POST", endpoint + "/refresh", router::Access::AdminOrKey, classic_route(context, refresh_endpoint), endpoint_key});
  router.add({"GET", endpoint + "/apihelp", router::Access::Anonymous, classic_route(context, api_help)});
}

}  // namespace azml::host::handlers
