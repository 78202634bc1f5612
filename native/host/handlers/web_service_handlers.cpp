// Microsoft.MachineLearning/webServices: PUT, GET, PATCH, DELETE, listKeys, the two lists and
// CreateRegionalBlob (contract §1.1, §1.2).
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/time_util.hpp"
#include "handlers/api_version.hpp"
#include "handlers/management_context.hpp"
#include "handlers/public_urls.hpp"
#include "handlers/responses.hpp"
#include "handlers/web_service_view.hpp"

namespace azml::host::handlers {

namespace {

using definition::ApiVersion;
using router::RouteRequest;

constexpr const char* kWebServicePattern =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearning/"
    "webServices/{webServiceName}";
constexpr const char* kResourceGroupListPattern =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearning/"
    "webServices";
constexpr const char* kSubscriptionListPattern =
    "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearning/webServices";

const std::vector<ApiVersion>& only_2017() {
  static const std::vector<ApiVersion> versions = {ApiVersion::V2017_01_01};
  return versions;
}

// The headers of every long-running operation's first response (contract §1.2).
void add_async_operation_headers(http::Response& response, const ManagementContext& context,
                                 const RouteRequest& request, const AsyncOperation& operation) {
  response.headers.set("Azure-AsyncOperation", context.operation_status_url(request, operation));
  response.headers.set("Azure-AsyncOperationPercentComplete", percent_complete_header(operation));
}

http::Response put_web_service(ManagementContext& context, const RouteRequest& request) {
  const ApiVersion version = require_api_version(request.target.query, all_web_service_api_versions());
  const ResourceKey key = resource_key_of(request);
  context.catalog.require_subscription(key.subscription_id);
  const json body = json_object_body(request, "the web service");
  domain::PutResult result = context.catalog.create_or_update(key, body);
  auto response = json_response(result.created ? 201 : 200,
                                render_web_service(result.record, version, context.base_url(request)));
  add_async_operation_headers(response, context, request, result.operation);
  return response;
}

http::Response get_web_service(ManagementContext& context, const RouteRequest& request) {
  const ApiVersion version = require_api_version(request.target.query, all_web_service_api_versions());
  // ?region= selects the region whose encrypted credentials are wanted; azml-host keeps one
  // definition valid everywhere, so every region gets the same answer.
  WebServiceRecord record = context.catalog.get(resource_key_of(request));
  return json_response(200, render_web_service(record, version, context.base_url(request)));
}

http::Response patch_web_service(ManagementContext& context, const RouteRequest& request) {
  const ApiVersion version = require_api_version(request.target.query, all_web_service_api_versions());
  const ResourceKey key = resource_key_of(request);
  context.catalog.require_subscription(key.subscription_id);
  const json body = json_object_body(request, "the web service patch");
  domain::PatchResult result = context.catalog.patch(key, body);
  auto response = json_response(200, render_web_service(result.record, version, context.base_url(request)));
  add_async_operation_headers(response, context, request, result.operation);
  return response;
}

http::Response delete_web_service(ManagementContext& context, const RouteRequest& request) {
  require_api_version(request.target.query, all_web_service_api_versions());
  // 202 whether or not the service existed: the spec's "returned even if the service did not exist".
  auto [operation, deleted] = context.catalog.remove(resource_key_of(request));
  (void)deleted;
  auto response = empty_response(202);
  add_async_operation_headers(response, context, request, operation);
  response.headers.set("Location", context.operation_result_url(request, operation));
  return response;
}

http::Response list_web_service_keys(ManagementContext& context, const RouteRequest& request) {
  require_api_version(request.target.query, all_web_service_api_versions());
  return json_response(200, context.catalog.list_keys(resource_key_of(request)));
}

// Both list operations: {value:[sparse items], nextLink?} where nextLink repeats the request
// with the next $skiptoken (the PowerShell client reads only that value from it).
http::Response list_web_services(ManagementContext& context, const RouteRequest& request,
                                 const std::optional<std::string>& resource_group) {
  const ApiVersion version = require_api_version(request.target.query, all_web_service_api_versions());
  const std::string& subscription_id = request.param("subscriptionId");
  auto skiptoken = request.target.query.get("$skiptoken");
  domain::ListPage page = context.catalog.list(subscription_id, resource_group, skiptoken,
                                               context.settings.list_page_size);
  const std::string base = context.base_url(request);
  json items = json::array();
  for (const auto& record : page.items) items.push_back(render_web_service_summary(record, version, base));
  json body = {{"value", std::move(items)}};
  if (page.skiptoken) {
    Query next = request.target.query;
    next.set("$skiptoken", *page.skiptoken);
    std::vector<std::string> segments = {"subscriptions", subscription_id};
    if (resource_group) segments.insert(segments.end(), {"resourceGroups", *resource_group});
    segments.insert(segments.end(), {"providers", kProviderNamespace, "webServices"});
    body["nextLink"] = absolute_url(base, segments, next);
  }
  return json_response(200, body);
}

http::Response create_regional_properties(ManagementContext& context, const RouteRequest& request) {
  // The preview api-version has no such operation (contract §1.6).
  require_api_version(request.target.query, only_2017());
  auto region = request.target.query.get("region");
  if (!region || region->empty()) {
    throw Error(ErrorCode::Invalid, "MissingRegionParameter",
                "The region query parameter (?region=) is required: the region to create the "
                "encrypted credential parameters for.")
        .with_target("region");
  }
  WebServiceRecord record = context.catalog.get(resource_key_of(request));

  AsyncOperation operation;
  operation.id = new_uuid();
  operation.subscription_id = record.key.subscription_id;
  operation.location = domain::Catalog::location_slug(record.location);
  operation.resource_id = domain::Catalog::resource_id(record.key);
  operation.kind = "regional";
  operation.status = "Succeeded";
  operation.start_time = now_iso8601();
  operation.end_time = operation.start_time;
  operation.percent_complete = 1.0;
  operation.error = nullptr;
  context.regional_operations.remember(operation);

  // Production's body: the bare name as id, and a sparse properties object (contract §1.2).
  json body = {{"id", record.key.name},
               {"name", record.key.name},
               {"type", kWebServiceResourceType},
               {"location", record.location},
               {"properties", {{"payloadsInBlobStorage", false}, {"provisioningState", "Provisioning"}}}};
  auto response = json_response(202, body);
  add_async_operation_headers(response, context, request, operation);
  return response;
}

}  // namespace

void add_web_service_routes(router::Router& router, const SharedManagementContext& context) {
  router.add({"PUT", kWebServicePattern, router::Access::Admin, bind_route(context, put_web_service)});
  router.add({"GET", kWebServicePattern, router::Access::Admin, bind_route(context, get_web_service)});
  router.add({"PATCH", kWebServicePattern, router::Access::Admin, bind_route(context, patch_web_service)});
  router.add({"DELETE", kWebServicePattern, router::Access::Admin, bind_route(context, delete_web_service)});
  // listKeys is a GET, not ARM's usual POST (contract §1.1 row 6, confirmed by REC1).
  router.add({"GET", std::string(kWebServicePattern) + "/listKeys", router::Access::Admin,
              bind_route(context, list_web_service_keys)});
  router.add({"POST", std::string(kWebServicePattern) + "/CreateRegionalBlob", router::Access::Admin,
              bind_route(context, create_regional_properties)});
  router.add({"GET", kResourceGroupListPattern, router::Access::Admin, [context](const RouteRequest& request) {
                return list_web_services(*context, request, request.param("resourceGroupName"));
              }});
  router.add({"GET", kSubscriptionListPattern, router::Access::Admin,
              [context](const RouteRequest& request) { return list_web_services(*context, request, std::nullopt); }});
}

}  // namespace azml::host::handlers
