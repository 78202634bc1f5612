#include "domain/catalog.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/time_util.hpp"
#include "domain/catalog_errors.hpp"
#include "domain/name_rules.hpp"
#include "domain/web_service_secrets.hpp"

namespace azml::host::domain {

namespace {

// Provisioning is settled before a PUT or PATCH returns (compiling a graph and loading its models
// takes well under a request's timeout), so every operation is finished when it is recorded.
constexpr const char* kProvisioned = "Succeeded";
constexpr const char* kProvisioningFailed = "Failed";

// Web services read per page when restoring them at start.
constexpr size_t kRestorePageSize = 100;

// The region of a DELETE's operation when there was nothing to delete: ARM's name for
// resources that live in no region.
constexpr const char* kNoRegion = "global";

// Pages larger than this are the caller's mistake (ARM pages hold about a hundred items).
constexpr size_t kMaxPageSize = 1000;

void require_object_body(const json& body) {
  if (!body.is_object()) {
    throw Error(ErrorCode::Invalid, "BadRequest", "The request body must be a JSON object (a WebService resource).");
  }
}

// Drops what the caller may not set: id, name and type of the resource, and createdOn,
// modifiedOn, provisioningState and swaggerLocation of its properties. The service computes them.
json without_read_only_fields(const json& resource) {
  json result = json::object();
  for (const auto& [field, value] : resource.items()) {
    if (definition::is_read_only_resource_field(field)) continue;
    if (field == "properties" && value.is_object()) {
      json properties = json::object();
      for (const auto& [property, property_value] : value.items()) {
        if (!definition::is_read_only_property_field(property)) properties[property] = property_value;
      }
      result[field] = std::move(properties);
    } else {
      result[field] = value;
    }
  }
  return result;
}

json tags_of(const json& resource) {
  auto tags = resource.find("tags");
  if (tags == resource.end() || tags->is_null()) return json::object();
  if (!tags->is_object()) {
    throw Error(ErrorCode::Invalid, "BadRequest", "tags must be an object of names to values").with_target("tags");
  }
  return *tags;
}

std::string location_of(const json& resource) {
  auto location = resource.find("location");
  if (location == resource.end() || !location->is_string() || location->get_ref<const std::string&>().empty()) {
    throw Error(ErrorCode::Invalid, "BadRequest", "location is required").with_target("location");
  }
  return location->get<std::string>();
}

json properties_of(const json& resource) {
  auto properties = resource.find("properties");
  if (properties == resource.end() || !properties->is_object()) {
    throw Error(ErrorCode::Invalid, "BadRequest", "properties is required").with_target("properties");
  }
  return *properties;
}

// readOnly can be set on create or by an update; from then on the service only accepts DELETE.
void refuse_if_read_only(const WebServiceRecord& stored) {
  auto read_only = stored.properties.find("readOnly");
  if (read_only != stored.properties.end() && read_only->is_boolean() && read_only->get<bool>()) {
    throw errors::web_service_read_only(stored.key.name);
  }
}

json resource_of(const WebServiceRecord& record) {
  return json{{"location", record.location}, {"tags", record.tags}, {"properties", record.properties}};
}

AsyncOperation finished_operation(const ResourceKey& key, const std::string& location_slug, const char* kind,
                                  const std::string& now) {
  AsyncOperation operation;
  operation.id = new_uuid();
  operation.subscription_id = key.subscription_id;
  operation.location = location_slug;
  operation.resource_id = Catalog::resource_id(key);
  operation.kind = kind;
  operation.status = kProvisioned;
  operation.start_time = now;
  operation.end_time = now;
  operation.percent_complete = 1.0;
  operation.error = nullptr;
  return operation;
}

// The key as the catalog stores it: checked names, the served subscription id's own spelling.
ResourceKey checked_key(Catalog& catalog, const std::string& served_subscription, const ResourceKey& key) {
  catalog.require_subscription(key.subscription_id);
  check_resource_group_name(key.resource_group);
  check_web_service_name(key.name);
  return ResourceKey{served_subscription, key.resource_group, key.name};
}

}  // namespace

Catalog::Catalog(storage::Store& store, Clock now)
    : store_(store),
      now_(now ? std::move(now) : Clock([] { return now_iso8601(); })),
      default_subscription_id_(store_.ensure_setting(kDefaultSubscriptionSetting, new_uuid())) {}

std::vector<std::string> Catalog::subscriptions() { return {default_subscription_id_}; }

void Catalog::set_provisioner(Provisioner* provisioner) { provisioner_ = provisioner; }

std::shared_ptr<const PreparedRevision> Catalog::provision(WebServiceRecord& record, AsyncOperation& operation) {
  record.provisioning_state = kProvisioned;
  record.provisioning_error = nullptr;
  if (!provisioner_) return nullptr;
  std::shared_ptr<const PreparedRevision> prepared;
  try {
    prepared = provisioner_->prepare(record);
  } catch (const Error& error) {
    // The definition is stored all the same (every Azure definition round-trips); it just
    // does not run, and says why.
    record.provisioning_state = kProvisioningFailed;
    record.provisioning_error = provisioning_error_of(record, error);
  } catch (const std::exception& error) {
    record.provisioning_state = kProvisioningFailed;
    record.provisioning_error = provisioning_error_of(record, Error(ErrorCode::Generic, error.what()));
  }
  operation.status = record.provisioning_state;
  operation.error = record.provisioning_error;
  operation.end_time = now_();  // loading the models took time
  return prepared;
}

void Catalog::save_and_publish(const WebServiceRecord& record, const AsyncOperation& operation,
                               std::shared_ptr<const PreparedRevision> prepared) {
  if (prepared) {
    store_.save_web_service(record, operation, ServingRevision{record.revision, record.properties});
  } else {
    store_.save_web_service(record, operation);
  }
  // Only now, with the change stored, does the new revision go live: a failed save leaves the
  // runtime serving what the store says it serves.
  if (provisioner_) provisioner_->publish(record, std::move(prepared));
}

std::vector<RestoreFailure> Catalog::restore_serving_revisions() {
  std::vector<RestoreFailure> failures;
  if (!provisioner_) return failures;
  std::lock_guard<std::mutex> lock(write_mutex_);
  std::string after;
  for (;;) {
    const auto page = store_.list_web_services(default_subscription_id_, std::nullopt, after, kRestorePageSize);
    for (const WebServiceRecord& record : page) {
      std::shared_ptr<const PreparedRevision> prepared;
      if (auto serving = store_.find_serving_revision(record.key)) {
        WebServiceRecord runnable = record;
        runnable.properties = std::move(serving->properties);
        runnable.revision = serving->revision;
        try {
          prepared = provisioner_->prepare(runnable);
        } catch (const std::exception& error) {
          // One service that no longer loads must not keep the host from serving the others.
          failures.push_back(RestoreFailure{record.key, runnable.revision, error.what()});
        }
      }
      provisioner_->publish(record, std::move(prepared));
    }
    if (page.size() < kRestorePageSize) break;
    after = store_.continuation_of(page.back());
  }
  return failures;
}

void Catalog::require_subscription(const std::string& subscription_id) {
  // Subscription ids are GUIDs, which ARM compares case-insensitively.
  if (!iequals(subscription_id, default_subscription_id_)) throw errors::subscription_not_found(subscription_id);
}

PutResult Catalog::create_or_update(const ResourceKey& requested_key, const json& body) {
  const ResourceKey key = checked_key(*this, default_subscription_id_, requested_key);
  require_object_body(body);
  const json resource = without_read_only_fields(definition::parse_and_check(body, definition::Purpose::Create));

  std::lock_guard<std::mutex> lock(write_mutex_);
  const std::optional<WebServiceRecord> stored = store_.find_web_service(key);
  if (stored) refuse_if_read_only(*stored);

  WebServiceRecord record;
  record.key = stored ? stored->key : key;  // a resource keeps the casing it was created with
  record.location = location_of(resource);
  if (stored && location_slug(stored->location) != location_slug(record.location)) {
    throw errors::location_cannot_change(stored->key.name, stored->location, record.location);
  }
  record.tags = tags_of(resource);
  record.properties = properties_of(resource);
  reconcile_secrets(record.properties, stored ? &stored->properties : nullptr, record.key.name);

  const std::string now = now_();
  record.created_on = stored ? stored->created_on : now;
  record.modified_on = now;
  record.revision = stored ? stored->revision + 1 : 1;

  AsyncOperation operation = finished_operation(record.key, location_slug(record.location), "put", now);
  auto prepared = provision(record, operation);
  save_and_publish(record, operation, std::move(prepared));
  return PutResult{std::move(record), !stored.has_value(), std::move(operation)};
}

PatchResult Catalog::patch(const ResourceKey& requested_key, const json& body) {
  const ResourceKey key = checked_key(*this, default_subscription_id_, requested_key);
  require_object_body(body);
  // Normalised first, so a PascalCase patch ("Keys": {"Primary": ...}) merges into the camelCase
  // stored fields instead of landing beside them.
  const json changes = without_read_only_fields(definition::parse_and_check(body, definition::Purpose::Patch));

  std::lock_guard<std::mutex> lock(write_mutex_);
  const std::optional<WebServiceRecord> stored = store_.find_web_service(key);
  if (!stored) throw errors::web_service_not_found(key.name);
  refuse_if_read_only(*stored);

  const json merged = definition::merge_patch(resource_of(*stored), changes);
  const json resource = without_read_only_fields(definition::parse_and_check(merged, definition::Purpose::Create));

  WebServiceRecord record;
  record.key = stored->key;
  record.location = stored->location;  // merge_patch refuses a different one
  record.tags = tags_of(resource);
  record.properties = properties_of(resource);
  reconcile_secrets(record.properties, &stored->properties, record.key.name);

  const std::string now = now_();
  record.created_on = stored->created_on;
  record.modified_on = now;
  record.revision = stored->revision + 1;

  AsyncOperation operation = finished_operation(record.key, location_slug(record.location), "patch", now);
  auto prepared = provision(record, operation);
  save_and_publish(record, operation, std::move(prepared));
  return PatchResult{std::move(record), std::move(operation)};
}

std::pair<AsyncOperation, bool> Catalog::remove(const ResourceKey& requested_key) {
  const ResourceKey key = checked_key(*this, default_subscription_id_, requested_key);

  std::lock_guard<std::mutex> lock(write_mutex_);
  const std::optional<WebServiceRecord> stored = store_.find_web_service(key);
  const ResourceKey& operation_key = stored ? stored->key : key;
  AsyncOperation operation =
      finished_operation(operation_key, stored ? location_slug(stored->location) : kNoRegion, "delete", now_());
  const bool deleted = store_.delete_web_service(key, operation);
  if (deleted && provisioner_) provisioner_->withdraw(operation_key);
  return {std::move(operation), deleted};
}

WebServiceRecord Catalog::get(const ResourceKey& requested_key) {
  const ResourceKey key = checked_key(*this, default_subscription_id_, requested_key);
  std::optional<WebServiceRecord> stored = store_.find_web_service(key);
  if (!stored) throw errors::web_service_not_found(key.name);
  return std::move(*stored);
}

json Catalog::list_keys(const ResourceKey& key) { return service_keys(get(key).properties); }

ListPage Catalog::list(const std::string& subscription_id, const std::optional<std::string>& resource_group,
                       const std::optional<std::string>& skiptoken, size_t page_size) {
  require_subscription(subscription_id);
  if (resource_group) check_resource_group_name(*resource_group);
  if (page_size == 0 || page_size > kMaxPageSize) {
    throw Error(ErrorCode::Invalid, "the page size must be between 1 and " + std::to_string(kMaxPageSize) +
                                        ", not " + std::to_string(page_size));
  }
  if (skiptoken && skiptoken->empty()) throw errors::invalid_skiptoken();

  std::vector<WebServiceRecord> rows;
  try {
    // One more than a page: its presence is what says there is a next page.
    rows = store_.list_web_services(default_subscription_id_, resource_group, skiptoken.value_or(""), page_size + 1);
  } catch (const Error& error) {
    // The store's only Invalid on a listing is a continuation it did not issue.
    if (error.code() == ErrorCode::Invalid) throw errors::invalid_skiptoken();
    throw;
  }

  ListPage page;
  if (rows.size() > page_size) {
    rows.resize(page_size);
    page.skiptoken = store_.continuation_of(rows.back());
  }
  page.items = std::move(rows);
  return page;
}

AsyncOperation Catalog::get_operation(const std::string& subscription_id, const std::string& operation_id) {
  require_subscription(subscription_id);
  std::optional<AsyncOperation> operation = store_.find_operation(operation_id);
  if (!operation || !iequals(operation->subscription_id, default_subscription_id_)) {
    throw errors::operation_not_found(operation_id);
  }
  return std::move(*operation);
}

}  // namespace azml::host::domain
