// The host's storage account on the management API, in the shape of ARM's
// Microsoft.Storage/storageAccounts: list, get and listKeys. These are admin routes, so their
// errors are ARM's JSON ones, raised as azml::Error for the request pipeline to render.
#include "blobs/blob_routes.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

constexpr const char* kProvider = "/providers/Microsoft.Storage/storageAccounts";

struct AccountRoutes {
  BlobService& service;
  domain::Catalog& catalog;
  BlobRouteSettings settings;
};

http::Response json_response(int status, const json& body) {
  http::Response response;
  response.status = status;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.body = body.dump();
  return response;
}

std::string subscription_of(AccountRoutes& routes, const router::RouteRequest& request) {
  if (routes.settings.require_api_version) routes.settings.require_api_version(request.target.query);
  const std::string& subscription = request.param("subscriptionId");
  routes.catalog.require_subscription(subscription);
  return subscription;
}

std::string account_id(const std::string& subscription, const StorageAccount& account) {
  return "/subscriptions/" + subscription + "/resourceGroups/" + kStorageResourceGroup + kProvider + "/" + account.name;
}

json account_resource(AccountRoutes& routes, const router::RouteRequest& request, const std::string& subscription) {
  const StorageAccount& account = routes.service.account();
  const std::string base = routes.settings.base_url ? routes.settings.base_url(request.http) : std::string();
  return json{{"id", account_id(subscription, account)},
              {"name", account.name},
              {"type", "Microsoft.Storage/storageAccounts"},
              {"location", "southcentralus"},
              {"kind", "StorageV2"},
              {"sku", {{"name", "Standard_LRS"}, {"tier", "Standard"}}},
              {"properties",
               {{"provisioningState", "Succeeded"},
                {"primaryEndpoints", {{"blob", blob_endpoint(account, base) + "/"}}},
                {"supportsHttpsTrafficOnly", routes.settings.tls}}}};
}

// Throws ARM's 404 unless resource group and name are the host's account's (case-insensitively,
// as ARM compares them).
void require_account(AccountRoutes& routes, const router::RouteRequest& request) {
  const std::string& group = request.param("resourceGroupName");
  const std::string& name = request.param("accountName");
  if (!iequals(group, kStorageResourceGroup) || !iequals(name, routes.service.account().name)) {
    throw Error(ErrorCode::NotFound, "ResourceNotFound",
                "The Resource 'Microsoft.Storage/storageAccounts/" + name + "' under resource group '" + group +
                    "' was not found. This host has one storage account, '" + routes.service.account().name +
                    "' in resource group '" + kStorageResourceGroup + "'.");
  }
}

http::Response list_accounts(AccountRoutes& routes, const router::RouteRequest& request) {
  const std::string subscription = subscription_of(routes, request);
  json value = json::array();
  auto group = request.params.find("resourceGroupName");
  if (group == request.params.end() || iequals(group->second, kStorageResourceGroup)) {
    value.push_back(account_resource(routes, request, subscription));
  }
  return json_response(200, json{{"value", std::move(value)}});
}

http::Response get_account(AccountRoutes& routes, const router::RouteRequest& request) {
  const std::string subscription = subscription_of(routes, request);
  require_account(routes, request);
  return json_response(200, account_resource(routes, request, subscription));
}

http::Response list_keys(AccountRoutes& routes, const router::RouteRequest& request) {
  subscription_of(routes, request);
  require_account(routes, request);
  json key = {{"keyName", "key1"}, {"value", routes.service.account().key}, {"permissions", "FULL"}};
  return json_response(200, json{{"keys", json::array({std::move(key)})}});
}

}  // namespace

void add_storage_account_routes(router::Router& router, BlobService& service, domain::Catalog& catalog,
                                const BlobRouteSettings& settings) {
  auto routes = std::make_shared<AccountRoutes>(AccountRoutes{service, catalog, settings});
  auto bind = [routes](http::Response (*handler)(AccountRoutes&, const router::RouteRequest&)) {
    return [routes, handler](const router::RouteRequest& request) { return handler(*routes, request); };
  };
  const std::string group_path =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}" + std::string(kProvider);
  router.add(
      {"GET", "/subscriptions/{subscriptionId}" + std::string(kProvider), router::Access::Admin, bind(list_accounts)});
  router.add({"GET", group_path, router::Access::Admin, bind(list_accounts)});
  router.add({"GET", group_path + "/{accountName}", router::Access::Admin, bind(get_account)});
  router.add({"POST", group_path + "/{accountName}/listKeys", router::Access::Admin, bind(list_keys)});
}

}  // namespace azml::host::blobs
