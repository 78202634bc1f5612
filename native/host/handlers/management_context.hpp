// What the management handlers share: the catalog, the settings, and the helpers every route
// uses to read its request and to build absolute URLs. Internal to handlers/.
#pragma once

#include <memory>
#include <string>

#include "common/json.hpp"
#include "domain/catalog.hpp"
#include "handlers/management_api.hpp"
#include "handlers/regional_operations.hpp"
#include "router/router.hpp"

namespace azml::host::handlers {

struct ManagementContext {
  ManagementContext(domain::Catalog& catalog_, ManagementSettings settings_)
      : catalog(catalog_), settings(std::move(settings_)) {}

  domain::Catalog& catalog;
  ManagementSettings settings;
  RegionalOperations regional_operations;

  // "http://host:port" as this request reached the host.
  std::string base_url(const router::RouteRequest& request) const;

  // An operation by id: those the catalog recorded, then those CreateRegionalBlob made.
  // Throws the catalog's NotFound when neither knows it.
  AsyncOperation find_operation(const std::string& subscription_id, const std::string& operation_id);

  // The Azure-AsyncOperation URL of an operation, carrying the request's api-version.
  std::string operation_status_url(const router::RouteRequest& request, const AsyncOperation& operation) const;
  // The Location URL of an operation (operationresults).
  std::string operation_result_url(const router::RouteRequest& request, const AsyncOperation& operation) const;
};

using SharedManagementContext = std::shared_ptr<ManagementContext>;

// {subscriptionId}, {resourceGroupName} and {webServiceName} of the route.
ResourceKey resource_key_of(const router::RouteRequest& request);

// The request body as JSON: refuses a non-JSON Content-Type (415), an empty body and malformed
// JSON (400 naming line and column), and anything but an object. `what` names the payload in
// messages ("the web service").
json json_object_body(const router::RouteRequest& request, const char* what);

// A route handler calling handler(context, request).
router::RouteHandler bind_route(const SharedManagementContext& context,
                                http::Response (*handler)(ManagementContext&, const router::RouteRequest&));

void add_web_service_routes(router::Router& router, const SharedManagementContext& context);
void add_provider_routes(router::Router& router, const SharedManagementContext& context);

}  // namespace azml::host::handlers
