// The classic web-service management API (Azure ML Studio's management.azureml.net, as
// azuremlps called it; contract §3.4, §5.1), over the domain's ClassicWorkspace:
//   GET    /workspaces/{ws}/webservices                                  admin token
//   GET    /workspaces/{ws}/webservices/{id}                             admin token
//   DELETE /workspaces/{ws}/webservices/{id}                             admin token
//   GET    /workspaces/{ws}/webservices/{id}/endpoints                   admin token
//   GET    /workspaces/{ws}/webservices/{id}/endpoints/{name}            admin token or the endpoint's key
//   PUT    /workspaces/{ws}/webservices/{id}/endpoints/{name}            admin token
//   PATCH  /workspaces/{ws}/webservices/{id}/endpoints/{name}            admin token or the endpoint's key
//   POST   /workspaces/{ws}/webservices/{id}/endpoints/{name}/refresh    admin token or the endpoint's key
//   DELETE /workspaces/{ws}/webservices/{id}/endpoints/{name}            admin token
//   GET    /workspaces/{ws}/webservices/{id}/endpoints/{name}/apihelp    anyone (it holds no secret)
// PascalCase JSON, ARM error bodies; no api-version (the classic API had none; one sent is
// ignored).
#pragma once

#include "domain/classic_workspace.hpp"
#include "handlers/management_api.hpp"
#include "router/router.hpp"

namespace azml::host::handlers {

// Adds the routes. The workspace must outlive the router. The settings give the scheme and
// fallback authority of the absolute URLs handed back (ApiLocation, HelpLocation).
void add_classic_routes(router::Router& router, domain::ClassicWorkspace& workspace, const ManagementSettings& settings);

}  // namespace azml::host::handlers
