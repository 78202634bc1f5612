// What azml-host keeps about its resources. Plain values: the storage layer persists them,
// the domain layer decides what they contain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
