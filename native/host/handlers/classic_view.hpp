// How the classic API shows web services and endpoints (azuremlps's WebService and
// WebServiceEndPoint contracts, contract §5.1): PascalCase members in azuremlps's order.
#pragma once

#include <string>

#include "common/json.hpp"
#include "domain/classic_workspace.hpp"

namespace azml::host::handlers {

// {"Id","Name","Description","CreationTime","WorkspaceId","DefaultEndpointName","EndpointCount"}.
// `workspace` is the URL's {ws}.
json render_classic_web_service(const domain::ClassicWebService& service, const std::string& workspace);

// The WebServiceEndPoint, keys included (only the admin or the endpoint's own key get here).
// Resources show where each is read from, never a SAS token.
json render_endpoint(const domain::EndpointView& endpoint, const std::string& workspace, const std::string& base_url);

// The endpoint's API help: how to call it, and whether and what it can be patched with.
json render_api_help(const domain::EndpointView& endpoint, const std::string& web_service_name,
                     const std::string& workspace, const std::string& base_url);

// "{base}/workspaces/{ws}/services/{service id}": where RRS and BES calls go.
std::string endpoint_api_location(const domain::EndpointView& endpoint, const std::string& workspace,
                                  const std::string& base_url);

}  // namespace azml::host::handlers
