// What azml-host keeps about its resources. Plain values: the storage layer persists them,
// the domain layer decides what they contain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/json.hpp"

namespace azml::host {

// Identifies an ARM web service. Resource group and name compare case-insensitively, as in
// ARM; they are stored as first given.
struct ResourceKey {
  std::string subscription_id;
  std::string resource_group;
  std::string name;
};

struct WebServiceRecord {
  ResourceKey key;
  std::string location;      // as given ("South Central US")
  json tags = json::object();
  // The normalised (camelCase) WebServiceProperties as stored, secrets included: keys,
  // storageAccount.key, commitmentPlan. Without the read-only fields, which live below.
  json properties = json::object();
  std::string created_on;          // ISO 8601 UTC
  std::string modified_on;         // ISO 8601 UTC
  std::string provisioning_state;  // Unknown | Provisioning | Succeeded | Failed
  std::int64_t revision = 0;       // 1 on create, +1 on every change
  // Why this revision did not provision ({code,message,details} naming the node, module and
  // reason) when provisioning_state is Failed; null otherwise.
  json provisioning_error;
};

// The revision a web service serves: the last one whose provisioning succeeded. After an update
// that failed to provision, the stored definition is newer than this one.
struct ServingRevision {
  std::int64_t revision = 0;
  json properties = json::object();  // as WebServiceRecord::properties of that revision
};

// A Resource asset (trained model) of a classic endpoint that reads from elsewhere than its web
// service's definition says: what PATCH .../endpoints/{name} set.
struct ResourceOverride {
  std::string name;               // the asset's name, as the definition spells it
  std::string kind;               // "TrainedModel" | "Resource"
  std::string base_location;      // "https://account.blob.core.windows.net/"
  std::string relative_location;  // "container/model.ilearner"
  // "?sv=..." or empty. A secret: kept to read a foreign URL again at restart, never logged or
  // echoed.
  std::string sas_blob_token;
};

// A classic endpoint added to a web service. The default endpoint is the web service itself and
// has no record.
struct EndpointRecord {
  ResourceKey web_service;  // the web service it belongs to
  std::string name;         // lower case
  std::string description;
  std::string created_on;   // ISO 8601 UTC
  std::string modified_on;  // ISO 8601 UTC
  std::string primary_key;
  std::string secondary_key;
  std::string throttle_level = "High";  // "High" | "Low"
  int max_concurrent_calls = 20;
  bool prevent_update = false;
  // The web service's serving revision when the endpoint was added or last refreshed: what it
  // serves (with `resources` applied), whatever the web service serves since.
  ServingRevision base;
  std::vector<ResourceOverride> resources;  // at most one per asset name
  std::int64_t version = 1;                 // 1 when added, +1 on every change
};

// An Azure-AsyncOperation status resource.
struct AsyncOperation {
  std::string id;             // GUID
  std::string subscription_id;
  std::string location;       // region slug ("southcentralus")
  std::string resource_id;    // ARM id of the resource it changes
  std::string kind;           // "put" | "patch" | "delete"
  std::string status;         // Provisioning | Succeeded | Failed | Canceled
  std::string start_time;
  std::string end_time;       // empty while running
  double percent_complete = 0.0;
  json error;                 // {code,message,details} when Failed; null otherwise
};

}  // namespace azml::host
