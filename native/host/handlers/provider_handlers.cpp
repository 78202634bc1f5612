// The routes around the web services: the subscription list, the provider's operation list
// (Operations_List) and the async operation resources that PUT, PATCH, DELETE and
// CreateRegionalBlob point their clients to (contract §1.1 row 9, §1.2).
#include "common/arm_error.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "handlers/api_version.hpp"
#include "handlers/management_context.hpp"
#include "handlers/responses.hpp"
#include "handlers/web_service_view.hpp"

namespace azml::host::handlers {

namespace {

using router::RouteRequest;

constexpr const char* kOperationStatusPattern =
    "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearning/locations/{location}/operationsStatus/"
    "{operationId}";
constexpr const char* kOperationResultPattern =
    "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearning/locations/{location}/operationresults/"
    "{operationId}";

json subscription_body(const std::string& subscription_id) {
  return json{{"id", "/subscriptions/" + subscription_id},
              {"subscriptionId", subscription_id},
              {"displayName", "azml"},
              {"state", "Enabled"}};
}

http::Response list_subscriptions(ManagementContext& context, const RouteRequest& request) {
  require_any_api_version(request.target.query);
  json items = json::array();
  for (const auto& id : context.catalog.subscriptions()) items.push_back(subscription_body(id));
  return json_response(200, json{{"value", std::move(items)}});
}

http::Response get_subscription(ManagementContext& context, const RouteRequest& request) {
  require_any_api_version(request.target.query);
  const std::string& requested = request.param("subscriptionId");
  context.catalog.require_subscription(requested);
  for (const auto& id : context.catalog.subscriptions()) {
    if (iequals(id, requested)) return json_response(200, subscription_body(id));
  }
  return json_response(200, subscription_body(requested));
}

// What the provider offers, in ARM's Operations_List shape.
json provider_operations() {
  struct Entry {
    const char* name;
    const char* resource;
    const char* operation;
    const char* description;
  };
  static const Entry entries[] = {
      {"Microsoft.MachineLearning/webServices/read", "Machine Learning Web Service", "Read Web Service",
       "Reads a Machine Learning web service."},
      {"Microsoft.MachineLearning/webServices/write", "Machine Learning Web Service", "Create or Update Web Service",
       "Creates a new or updates an existing Machine Learning web service."},
      {"Microsoft.MachineLearning/webServices/delete", "Machine Learning Web Service", "Delete Web Service",
       "Deletes a Machine Learning web service."},
      {"Microsoft.MachineLearning/webServices/listkeys/read", "Machine Learning Web Service", "List Web Service Keys",
       "Lists the access keys of a Machine Learning web service."},
      {"Microsoft.MachineLearning/webServices/CreateRegionalBlob/action", "Machine Learning Web Service",
       "Create Regional Properties", "Creates the encrypted credential parameters of a web service for a region."},
      {"Microsoft.MachineLearning/locations/operationsstatus/read", "Operation Status", "Read Operation Status",
       "Reads the status of an asynchronous operation."},
      {"Microsoft.MachineLearning/locations/operationresults/read", "Operation Result", "Read Operation Result",
       "Reads the result of an asynchronous operation."},
      {"Microsoft.MachineLearning/operations/read", "Operations", "List Operations",
       "Lists the operations of the Microsoft.MachineLearning resource provider."},
  };
  json value = json::array();
  for (const auto& entry : entries) {
    value.push_back({{"name", entry.name},
                     {"display",
                      {{"provider", "Microsoft Machine Learning"},
                       {"resource", entry.resource},
                       {"operation", entry.operation},
                       {"description", entry.description}}}});
  }
  return json{{"value", std::move(value)}};
}

http::Response list_provider_operations(ManagementContext&, const RouteRequest& request) {
  static const std::vector<definition::ApiVersion> versions = {definition::ApiVersion::V2017_01_01};
  require_api_version(request.target.query, versions);
  return json_response(200, provider_operations());
}

bool is_terminal(const std::string& status) {
  return status == "Succeeded" || status == "Failed" || status == "Canceled";
}

http::Response get_operation_status(ManagementContext& context, const RouteRequest& request) {
  require_api_version(request.target.query, all_web_service_api_versions());
  // The host serves every region: the id alone names the operation, whatever {location} says.
  AsyncOperation operation = context.find_operation(request.param("subscriptionId"), request.param("operationId"));
  return json_response(200, render_operation_status(operation));
}

// The Location target of a DELETE: 202 while running, 204 once it succeeded, the operation's
// error once it failed.
http::Response get_operation_result(ManagementContext& context, const RouteRequest& request) {
  require_api_version(request.target.query, all_web_service_api_versions());
  AsyncOperation operation = context.find_operation(request.param("subscriptionId"), request.param("operationId"));
  if (!is_terminal(operation.status)) {
    auto response = empty_response(202);
    response.headers.set("Location", context.operation_result_url(request, operation));
    response.headers.set("Retry-After", "1");
    return response;
  }
  if (operation.status == "Succeeded") return empty_response(204);

  std::string code = operation.status == "Canceled" ? "OperationCanceled" : "OperationFailed";
  std::string message = "The operation " + operation.id + " ended " + operation.status + ".";
  if (operation.error.is_object()) {
    if (auto it = operation.error.find("code"); it != operation.error.end() && it->is_string()) code = *it;
    if (auto it = operation.error.find("message"); it != operation.error.end() && it->is_string()) message = *it;
  }
  throw Error(ErrorCode::OperationFailed, code, message);
}

}  // namespace

void add_provider_routes(router::Router& router, const SharedManagementContext& context) {
  router.add({"GET", "/subscriptions", router::Access::Admin, bind_route(context, list_subscriptions)});
  router.add({"GET", "/subscriptions/{subscriptionId}", router::Access::Admin, bind_route(context, get_subscription)});
  router.add({"GET", "/providers/Microsoft.MachineLearning/operations", router::Access::Admin,
              bind_route(context, list_provider_operations)});
  router.add({"GET", kOperationStatusPattern, router::Access::Admin, bind_route(context, get_operation_status)});
  router.add({"GET", kOperationResultPattern, router::Access::Admin, bind_route(context, get_operation_result)});
}

}  // namespace azml::host::handlers
