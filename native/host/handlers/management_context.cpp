#include "handlers/management_context.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"
#include "handlers/public_urls.hpp"
#include "handlers/web_service_view.hpp"

namespace azml::host::handlers {

namespace {
Query api_version_query(const router::RouteRequest& request) {
  Query query;
  query.set("api-version", request.target.query.get("api-version").value_or("2017-01-01"));
  return query;
}

bool is_json_media_type(const std::string& content_type) {
  std::string media_type = to_lower(trim(content_type.substr(0, content_type.find(';'))));
  return media_type == "application/json" || media_type == "text/json" || ends_with(media_type, "+json");
}
}  // namespace

std::string ManagementContext::base_url(const router::RouteRequest& request) const {
  return public_base_url(request.http, settings.scheme, settings.fallback_authority);
}

AsyncOperation ManagementContext::find_operation(const std::string& subscription_id,
                                                 const std::string& operation_id) {
  try {
    return catalog.get_operation(subscription_id, operation_id);
  } catch (const Error& error) {
    if (error.code() != ErrorCode::NotFound) throw;
    if (auto regional = regional_operations.find(subscription_id, operation_id)) return *regional;
    throw;
  }
}

std::string ManagementContext::operation_status_url(const router::RouteRequest& request,
                                                    const AsyncOperation& operation) const {
  return base_url(request) + operation_status_path(operation) + "?" + api_version_query(request).to_string();
}

std::string ManagementContext::operation_result_url(const router::RouteRequest& request,
                                                    const AsyncOperation& operation) const {
  return base_url(request) + operation_result_path(operation) + "?" + api_version_query(request).to_string();
}

router::RouteHandler bind_route(const SharedManagementContext& context,
                                http::Response (*handler)(ManagementContext&, const router::RouteRequest&)) {
  return [context, handler](const router::RouteRequest& request) { return handler(*context, request); };
}

ResourceKey resource_key_of(const router::RouteRequest& request) {
  return ResourceKey{request.param("subscriptionId"), request.param("resourceGroupName"),
                     request.param("webServiceName")};
}

json json_object_body(const router::RouteRequest& request, const char* what) {
  if (auto content_type = request.http.headers.get("Content-Type");
      content_type && !trim(*content_type).empty() && !is_json_media_type(*content_type)) {
    throw Error(ErrorCode::Invalid, "UnsupportedMediaType",
                "The content type '" + *content_type + "' is not supported; send " + what +
                    " as application/json.")
        .with_http_status(415);
  }
  if (trim(request.http.body).empty()) {
    throw Error(ErrorCode::Invalid, "InvalidRequestContent",
                std::string("The request body is empty; it must hold ") + what + " as a JSON object.");
  }
  json body = definition::parse_json(request.http.body, what);
  if (!body.is_object()) {
    throw Error(ErrorCode::Invalid, "InvalidRequestContent",
                std::string("The request body must be a JSON object holding ") + what + ".");
  }
  return body;
}

}  // namespace azml::host::handlers
