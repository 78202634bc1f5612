// Persistence of azml-host's state behind an interface, so that SQLite (the embedded default)
// can later be replaced by a server database without touching the layers above.
//
// Every mutating call is one transaction: it happens entirely or not at all.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/records.hpp"

namespace azml::host::storage {

class Store {
 public:
  virtual ~Store() = default;

  virtual std::optional<WebServiceRecord> find_web_service(const ResourceKey& key) = 0;

  // Inserts or replaces the web service (matched case-insensitively on resource group and
  // name) and records the operation, in one transaction.
  virtual void save_web_service(const WebServiceRecord& record, const AsyncOperation& operation) = 0;

  // The same, and in the same transaction makes `serving` the revision the web service serves
  // (it replaces the previous one; deleting the web service deletes it).
  virtual void save_web_service(const WebServiceRecord& record, const AsyncOperation& operation,
                                const ServingRevision& serving) = 0;
  // nullopt when the web service does not exist or no revision of it ever provisioned.
  virtual std::optional<ServingRevision> find_serving_revision(const ResourceKey& key) = 0;

  // Deletes the web service if it exists, with its classic endpoints, and records the operation,
  // in one transaction. Returns whether a web service was deleted.
  virtual bool delete_web_service(const ResourceKey& key, const AsyncOperation& operation) = 0;

  // Web services of a subscription, or of one resource group when resource_group is set,
  // ordered by (lower(resource group), lower(name)), starting strictly after `after` (an
  // opaque continuation from continuation_of; empty for the first page), at most `limit` of
  // them. A continuation this store did not issue throws azml::Error(Invalid).
  virtual std::vector<WebServiceRecord> list_web_services(const std::string& subscription_id,
                                                          const std::optional<std::string>& resource_group,
                                                          const std::string& after, size_t limit) = 0;
  // The continuation that makes list_web_services resume after this record.
  virtual std::string continuation_of(const WebServiceRecord& record) = 0;

  virtual std::optional<AsyncOperation> find_operation(const std::string& id) = 0;

  // Classic endpoints added to a web service (its default endpoint is the web service itself and
  // is not stored). The web service is matched case-insensitively, the endpoint name exactly
  // (names are lower case).
  virtual std::optional<EndpointRecord> find_endpoint(const ResourceKey& web_service, const std::string& name) = 0;
  // Every endpoint of the web service, ordered by name.
  virtual std::vector<EndpointRecord> list_endpoints(const ResourceKey& web_service) = 0;
  // How many endpoints the web service has (without reading them).
  virtual std::size_t count_endpoints(const ResourceKey& web_service) = 0;
  // Inserts or replaces the endpoint, in one transaction. Throws azml::Error(NotFound,
  // "WebServiceNotFound") when its web service does not exist (any more); nothing is written then.
  virtual void save_endpoint(const EndpointRecord& endpoint) = 0;
  // Deletes the endpoint if it exists, in one transaction. Returns whether one was deleted.
  virtual bool delete_endpoint(const ResourceKey& web_service, const std::string& name) = 0;

  // Small named values (the default subscription id, schema facts).
  virtual std::optional<std::string> get_setting(const std::string& name) = 0;
  virtual void set_setting(const std::string& name, const std::string& value) = 0;
  // Returns the setting, first storing value_if_absent when it has none. Atomic in the SQLite
  // store, so two threads (or processes) starting at once agree on one value. The default
  // implementation is for stores that need no such guarantee (test fakes).
  virtual std::string ensure_setting(const std::string& name, const std::string& value_if_absent) {
    if (auto existing = get_setting(name)) return *existing;
    set_setting(name, value_if_absent);
    return value_if_absent;
  }
};

// Opens (creating if needed) the SQLite database at path, in WAL mode, and migrates its schema.
// Throws azml::Error when the file cannot be opened or is not an azml database.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path);

}  // namespace azml::host::storage
