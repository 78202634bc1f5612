#include "handlers/web_service_view.hpp"

#include <cmath>

#include "common/strings.hpp"
#include "domain/catalog.hpp"
#include "handlers/public_urls.hpp"

namespace azml::host::handlers {

namespace {

// Present only in 2017-01-01 (contract §1.6).
constexpr const char* kPayloadFields[] = {"payloadsInBlobStorage", "payloadsLocation"};

// The properties a list item keeps (contract §1.1, EX-LISTRG, without commitmentPlan §1.5).
constexpr const char* kSummaryFields[] = {"title",          "description",           "readOnly",
                                          "exposeSampleData", "storageAccount",      "realtimeConfiguration",
                                          "diagnostics",    "payloadsInBlobStorage", "packageType"};

// GET never returns secrets (contract §1.1, §1.4, §1.5).
void remove_secrets(json& properties) {
  properties.erase("keys");
  properties.erase("commitmentPlan");
  auto account = properties.find("storageAccount");
  if (account != properties.end() && account->is_object()) account->erase("key");
}

void add_read_only_fields(json& properties, const WebServiceRecord& record, const std::string& base_url) {
  properties["createdOn"] = record.created_on;
  properties["modifiedOn"] = record.modified_on;
  properties["provisioningState"] = record.provisioning_state;
  properties["swaggerLocation"] = swagger_location(record, base_url);
  // Failed provisioning says why right on the resource, not only in its async operation.
  if (!record.provisioning_error.is_null()) properties["provisioningError"] = record.provisioning_error;
}

void apply_version(json& properties, definition::ApiVersion version) {
  if (version == definition::ApiVersion::V2016_05_01_Preview) {
    for (const char* field : kPayloadFields) properties.erase(field);
  } else if (!properties.contains("payloadsInBlobStorage")) {
    // Production always reports it (REC1); azml keeps every payload inline.
    properties["payloadsInBlobStorage"] = false;
  }
}

json envelope(const WebServiceRecord& record, json properties) {
  return json{{"id", domain::Catalog::resource_id(record.key)},
              {"name", record.key.name},
              {"type", kWebServiceResourceType},
              {"location", record.location},
              {"tags", record.tags.is_object() ? record.tags : json::object()},
              {"properties", std::move(properties)}};
}

std::string operation_path(const AsyncOperation& operation, const char* collection) {
  return encode_path({"subscriptions", operation.subscription_id, "providers", kProviderNamespace, "locations",
                      operation.location, collection, operation.id});
}

}  // namespace

std::string swagger_location(const WebServiceRecord& record, const std::string& base_url) {
  std::string owner = record.key.subscription_id;
  auto workspace = record.properties.find("machineLearningWorkspace");
  if (workspace != record.properties.end() && workspace->is_object()) {
    auto id = workspace->find("id");
    if (id != workspace->end() && id->is_string() && !id->get<std::string>().empty()) owner = id->get<std::string>();
  }
  return base_url + encode_path({"subscriptions", owner, "services", domain::Catalog::service_id(record.key),
                                 "swagger.json"});
}

json render_web_service(const WebServiceRecord& record, definition::ApiVersion version, const std::string& base_url) {
  json properties = record.properties.is_object() ? record.properties : json::object();
  remove_secrets(properties);
  apply_version(properties, version);
  add_read_only_fields(properties, record, base_url);
  return envelope(record, std::move(properties));
}

json render_web_service_summary(const WebServiceRecord& record, definition::ApiVersion version,
                                const std::string& base_url) {
  // Picks the summary fields without copying the whole definition (lists are hot paths).
  json properties = json::object();
  if (record.properties.is_object()) {
    for (const char* field : kSummaryFields) {
      auto it = record.properties.find(field);
      if (it != record.properties.end() && !it->is_null()) properties[field] = *it;
    }
  }
  remove_secrets(properties);
  apply_version(properties, version);
  add_read_only_fields(properties, record, base_url);
  return envelope(record, std::move(properties));
}

std::string operation_status_path(const AsyncOperation& operation) {
  return operation_path(operation, "operationsStatus");
}

std::string operation_result_path(const AsyncOperation& operation) {
  return operation_path(operation, "operationresults");
}

json render_operation_status(const AsyncOperation& operation) {
  json body = {{"id", operation_status_path(operation)},
               {"name", operation.id},
               {"status", operation.status},
               {"startTime", operation.start_time},
               {"percentComplete", operation.percent_complete}};
  if (!operation.end_time.empty()) body["endTime"] = operation.end_time;
  if (!operation.error.is_null()) body["error"] = operation.error;
  return body;
}

std::string percent_complete_header(const AsyncOperation& operation) {
  double percent = std::round(operation.percent_complete * 100.0);
  if (percent < 0) percent = 0;
  if (percent > 100) percent = 100;
  return std::to_string(static_cast<int>(percent));
}

}  // namespace azml::host::handlers
