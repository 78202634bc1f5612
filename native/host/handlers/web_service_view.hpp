// How stored web services and operations look on the wire (contract §1.1-1.5): the resource
// envelope, the read-only fields added, the secrets (keys, storageAccount.key, commitmentPlan)
// left out, the sparse list form, and the Azure-AsyncOperation status body.
#pragma once

#include <string>

#include "common/json.hpp"
#include "definition/definition.hpp"
#include "storage/records.hpp"

namespace azml::host::handlers {

inline constexpr const char* kWebServiceResourceType = "Microsoft.MachineLearning/webServices";
inline constexpr const char* kProviderNamespace = "Microsoft.MachineLearning";

// The full resource, as GET, PUT and PATCH return it.
json render_web_service(const WebServiceRecord& record, definition::ApiVersion version, const std::string& base_url);

// One item of a list page: the envelope and only the summary properties (contract §1.1).
json render_web_service_summary(const WebServiceRecord& record, definition::ApiVersion version,
                                const std::string& base_url);

// "{base}/subscriptions/{workspace id, or the subscription}/services/{service id}/swagger.json",
// where the runtime serves the service's swagger document (service id: Catalog::service_id).
std::string swagger_location(const WebServiceRecord& record, const std::string& base_url);

// "/subscriptions/{s}/providers/Microsoft.MachineLearning/locations/{loc}/operationsStatus/{id}"
std::string operation_status_path(const AsyncOperation& operation);
// Same with ".../operationresults/{id}".
std::string operation_result_path(const AsyncOperation& operation);

// {id, name, status, startTime, endTime?, percentComplete, error?}: the wire uses "status",
// not the swagger's "provisioningState" (contract §1.2).
json render_operation_status(const AsyncOperation& operation);

// The operation's progress as the Azure-AsyncOperationPercentComplete header value (0-100).
std::string percent_complete_header(const AsyncOperation& operation);

}  // namespace azml::host::handlers
