// The SQLite implementation of Store: the embedded default, one file in the data directory.
#include <algorithm>
#include <cstdint>
#include <mutex>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "storage/continuation.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace azml::host::storage {

namespace {

// Long enough to ride out another process's write transaction (they are short: one row and
// one operation), short enough that a stuck writer surfaces as an error rather than a hang.
constexpr int kBusyTimeoutMilliseconds = 5000;

constexpr const char* kWebServiceColumns =
    "subscription_id, resource_group, name, location, tags, properties, created_on, modified_on, "
    "provisioning_state, revision, provisioning_error";

constexpr const char* kOperationColumns =
    "id, subscription_id, location, resource_id, kind, status, start_time, end_time, percent_complete, error";

json parse_stored_json(sqlite::Database& db, const std::string& text, const char* what) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    throw Error(ErrorCode::Generic, "azml database " + db.path().string() + " holds malformed JSON in " + what);
  }
  return value;
}

// Reads the columns listed in kWebServiceColumns, in that order.
WebServiceRecord read_web_service(sqlite::Database& db, const sqlite::Statement& row) {
  WebServiceRecord record;
  record.key.subscription_id = row.column_text(0);
  record.key.resource_group = row.column_text(1);
  record.key.name = row.column_text(2);
  record.location = row.column_text(3);
  record.tags = parse_stored_json(db, row.column_text(4), "web_services.tags");
  record.properties = parse_stored_json(db, row.column_text(5), "web_services.properties");
  record.created_on = row.column_text(6);
  record.modified_on = row.column_text(7);
  record.provisioning_state = row.column_text(8);
  record.revision = row.column_int64(9);
  record.provisioning_error =
      row.column_is_null(10) ? json() : parse_stored_json(db, row.column_text(10), "web_services.provisioning_error");
  return record;
}

// Reads the columns listed in kOperationColumns, in that order.
AsyncOperation read_operation(sqlite::Database& db, const sqlite::Statement& row) {
  AsyncOperation operation;
  operation.id = row.column_text(0);
  operation.subscription_id = row.column_text(1);
  operation.location = row.column_text(2);
  operation.resource_id = row.column_text(3);
  operation.kind = row.column_text(4);
  operation.status = row.column_text(5);
  operation.start_time = row.column_text(6);
  operation.end_time = row.column_text(7);
  operation.percent_complete = row.column_double(8);
  operation.error = row.column_is_null(9) ? json() : parse_stored_json(db, row.column_text(9), "async_operations.error");
  return operation;
}

constexpr const char* kEndpointColumns =
    "name, description, created_on, modified_on, primary_key, secondary_key, throttle_level, max_concurrent_calls, "
    "prevent_update, base_revision, base_properties, resources, version";

// The endpoints of one web service: its three key columns bound to ?1, ?2, ?3.
constexpr const char* kEndpointsOfWebService =
    " FROM classic_endpoints WHERE subscription_key = ?1 AND resource_group_key = ?2 AND web_service_key = ?3";

void bind_web_service_key(sqlite::Statement& statement, const ResourceKey& key) {
  statement.bind(1, to_lower(key.subscription_id)).bind(2, to_lower(key.resource_group)).bind(3, to_lower(key.name));
}

// [{Name, Kind, Location{BaseLocation, RelativeLocation, SasBlobToken}}]: the shape the classic
// API speaks, so the column reads like what was PATCHed.
json resources_to_json(const std::vector<ResourceOverride>& resources) {
  json array = json::array();
  for (const ResourceOverride& resource : resources) {
    array.push_back({{"Name", resource.name},
                     {"Kind", resource.kind},
                     {"Location",
                      {{"BaseLocation", resource.base_location},
                       {"RelativeLocation", resource.relative_location},
                       {"SasBlobToken", resource.sas_blob_token}}}});
  }
  return array;
}

std::string stored_string(const json& object, const char* name) {
  auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::vector<ResourceOverride> resources_from_json(sqlite::Database& db, const json& array) {
  std::vector<ResourceOverride> resources;
  for (const json& item : array) {
    const json* location = item.is_object() && item.contains("Location") ? &item.at("Location") : nullptr;
    if (!location || !location->is_object()) {
      throw Error(ErrorCode::Generic, "azml database " + db.path().string() +
                                          " holds a malformed resource in classic_endpoints.resources");
    }
    resources.push_back(ResourceOverride{stored_string(item, "Name"), stored_string(item, "Kind"),
                                         stored_string(*location, "BaseLocation"),
                                         stored_string(*location, "RelativeLocation"),
                                         stored_string(*location, "SasBlobToken")});
  }
  return resources;
}

// Reads the columns listed in kEndpointColumns, in that order.
EndpointRecord read_endpoint(sqlite::Database& db, const ResourceKey& web_service, const sqlite::Statement& row) {
  EndpointRecord endpoint;
  endpoint.web_service = web_service;
  endpoint.name = row.column_text(0);
  endpoint.description = row.column_text(1);
  endpoint.created_on = row.column_text(2);
  endpoint.modified_on = row.column_text(3);
  endpoint.primary_key = row.column_text(4);
  endpoint.secondary_key = row.column_text(5);
  endpoint.throttle_level = row.column_text(6);
  endpoint.max_concurrent_calls = static_cast<int>(row.column_int64(7));
  endpoint.prevent_update = row.column_int64(8) != 0;
  endpoint.base.revision = row.column_int64(9);
  endpoint.base.properties = parse_stored_json(db, row.column_text(10), "classic_endpoints.base_properties");
  endpoint.resources = resources_from_json(db, parse_stored_json(db, row.column_text(11), "classic_endpoints.resources"));
  endpoint.version = row.column_int64(12);
  return endpoint;
}

void insert_operation(sqlite::Database& db, const AsyncOperation& operation) {
  sqlite::Statement insert(db, std::string("INSERT INTO async_operations (") + kOperationColumns +
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.bind(1, operation.id)
      .bind(2, operation.subscription_id)
      .bind(3, operation.location)
      .bind(4, operation.resource_id)
      .bind(5, operation.kind)
      .bind(6, operation.status)
      .bind(7, operation.start_time)
      .bind_nullable(8, operation.end_time.empty() ? std::optional<std::string>() : operation.end_time)
      .bind(9, operation.percent_complete)
      .bind_nullable(10, operation.error.is_null() ? std::optional<std::string>() : operation.error.dump());
  insert.run();
}

// Inserts or updates the web service row; returns its id (stable across updates, which the
// serving revision's foreign key relies on).
std::int64_t upsert_web_service(sqlite::Database& db, const WebServiceRecord& record) {
  // The names are not updated on conflict: a resource keeps the casing it was created with.
  sqlite::Statement upsert(
      db,
      "INSERT INTO web_services (subscription_id, resource_group, name, subscription_key, resource_group_key, "
      "name_key, location, tags, properties, created_on, modified_on, provisioning_state, revision, "
      "provisioning_error) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
      "ON CONFLICT (subscription_key, resource_group_key, name_key) DO UPDATE SET "
      "location = excluded.location, tags = excluded.tags, properties = excluded.properties, "
      "created_on = excluded.created_on, modified_on = excluded.modified_on, "
      "provisioning_state = excluded.provisioning_state, revision = excluded.revision, "
      "provisioning_error = excluded.provisioning_error RETURNING id");
  upsert.bind(1, record.key.subscription_id)
      .bind(2, record.key.resource_group)
      .bind(3, record.key.name)
      .bind(4, to_lower(record.key.subscription_id))
      .bind(5, to_lower(record.key.resource_group))
      .bind(6, to_lower(record.key.name))
      .bind(7, record.location)
      .bind(8, record.tags.dump())
      .bind(9, record.properties.dump())
      .bind(10, record.created_on)
      .bind(11, record.modified_on)
      .bind(12, record.provisioning_state)
      .bind(13, static_cast<std::int64_t>(record.revision))
      .bind_nullable(14, record.provisioning_error.is_null() ? std::optional<std::string>()
                                                             : record.provisioning_error.dump());
  if (!upsert.step()) throw Error(ErrorCode::Generic, "saving web service " + record.key.name + " returned no row id");
  return upsert.column_int64(0);
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::filesystem::path& path) : db_(path) {
    db_.exec(("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMilliseconds)).c_str());
    check_schema_identity(db_);
    // WAL lets the host's readers run while one writer commits. It persists in the file.
    db_.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL is still durable against application crashes and never corrupts; it
    // only may lose the last commits on power loss, as ARM's own eventual consistency allows.
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
    migrate_schema(db_);
  }

  std::optional<WebServiceRecord> find_web_service(const ResourceKey& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT ") + kWebServiceColumns +
                                      " FROM web_services WHERE subscription_key = ?1 AND resource_group_key = ?2"
                                      " AND name_key = ?3");
    select.bind(1, to_lower(key.subscription_id)).bind(2, to_lower(key.resource_group)).bind(3, to_lower(key.name));
    if (!select.step()) return std::nullopt;
    return read_web_service(db_, select);
  }

  void save_web_service(const WebServiceRecord& record, const AsyncOperation& operation) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    upsert_web_service(db_, record);
    insert_operation(db_, operation);
    transaction.commit();
  }

  void save_web_service(const WebServiceRecord& record, const AsyncOperation& operation,
                        const ServingRevision& serving) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    const std::int64_t id = upsert_web_service(db_, record);
    sqlite::Statement upsert(db_,
                             "INSERT INTO serving_revisions (web_service_id, revision, properties) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (web_service_id) DO UPDATE SET revision = excluded.revision, "
                             "properties = excluded.properties");
    upsert.bind(1, id).bind(2, serving.revision).bind(3, serving.properties.dump());
    upsert.run();
    insert_operation(db_, operation);
    transaction.commit();
  }

  std::optional<ServingRevision> find_serving_revision(const ResourceKey& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_,
                             "SELECT s.revision, s.properties FROM serving_revisions s "
                             "JOIN web_services w ON w.id = s.web_service_id "
                             "WHERE w.subscription_key = ?1 AND w.resource_group_key = ?2 AND w.name_key = ?3");
    select.bind(1, to_lower(key.subscription_id)).bind(2, to_lower(key.resource_group)).bind(3, to_lower(key.name));
    if (!select.step()) return std::nullopt;
    ServingRevision serving;
    serving.revision = select.column_int64(0);
    serving.properties = parse_stored_json(db_, select.column_text(1), "serving_revisions.properties");
    return serving;
  }

  bool delete_web_service(const ResourceKey& key, const AsyncOperation& operation) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    sqlite::Statement remove(db_,
                             "DELETE FROM web_services WHERE subscription_key = ?1 AND resource_group_key = ?2 "
                             "AND name_key = ?3 RETURNING id");
    remove.bind(1, to_lower(key.subscription_id)).bind(2, to_lower(key.resource_group)).bind(3, to_lower(key.name));
    bool deleted = false;
    while (remove.step()) deleted = true;
    // The foreign key's cascade would do this too, but only on connections that enable foreign
    // keys: said here, a web service's endpoints go with it whoever deletes it.
    sqlite::Statement remove_endpoints(db_, std::string("DELETE") + kEndpointsOfWebService);
    bind_web_service_key(remove_endpoints, key);
    remove_endpoints.run();
    insert_operation(db_, operation);
    transaction.commit();
    return deleted;
  }

  std::vector<WebServiceRecord> list_web_services(const std::string& subscription_id,
                                                  const std::optional<std::string>& resource_group,
                                                  const std::string& after, size_t limit) override {
    std::optional<ListingPosition> position;
    if (!after.empty()) position = decode_continuation(after);

    std::lock_guard<std::mutex> lock(mutex_);
    // Keyset pagination: rows inserted or deleted between pages neither repeat nor shift a page,
    // which an OFFSET would do.
    sqlite::Statement select(db_, std::string("SELECT ") + kWebServiceColumns +
                                      " FROM web_services WHERE subscription_key = ?1"
                                      " AND (?2 IS NULL OR resource_group_key = ?2)"
                                      " AND (?3 IS NULL OR (resource_group_key, name_key) > (?3, ?4))"
                                      " ORDER BY resource_group_key, name_key LIMIT ?5");
    select.bind(1, to_lower(subscription_id))
        .bind_nullable(2, resource_group ? std::optional<std::string>(to_lower(*resource_group)) : std::nullopt)
        .bind_nullable(3, position ? std::optional<std::string>(position->resource_group_key) : std::nullopt)
        .bind_nullable(4, position ? std::optional<std::string>(position->name_key) : std::nullopt)
        .bind(5, static_cast<std::int64_t>(std::min<size_t>(limit, INT64_MAX)));
    std::vector<WebServiceRecord> records;
    while (select.step()) records.push_back(read_web_service(db_, select));
    return records;
  }

  std::string continuation_of(const WebServiceRecord& record) override {
    return encode_continuation({to_lower(record.key.resource_group), to_lower(record.key.name)});
  }

  std::optional<AsyncOperation> find_operation(const std::string& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT ") + kOperationColumns + " FROM async_operations WHERE id = ?1");
    select.bind(1, id);
    if (!select.step()) return std::nullopt;
    return read_operation(db_, select);
  }

  std::optional<EndpointRecord> find_endpoint(const ResourceKey& web_service, const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT ") + kEndpointColumns + kEndpointsOfWebService + " AND name = ?4");
    bind_web_service_key(select, web_service);
    select.bind(4, name);
    if (!select.step()) return std::nullopt;
    return read_endpoint(db_, web_service, select);
  }

  std::vector<EndpointRecord> list_endpoints(const ResourceKey& web_service) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT ") + kEndpointColumns + kEndpointsOfWebService + " ORDER BY name");
    bind_web_service_key(select, web_service);
    std::vector<EndpointRecord> endpoints;
    while (select.step()) endpoints.push_back(read_endpoint(db_, web_service, select));
    return endpoints;
  }

  std::size_t count_endpoints(const ResourceKey& web_service) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT count(*)") + kEndpointsOfWebService);
    bind_web_service_key(select, web_service);
    return select.step() ? static_cast<std::size_t>(select.column_int64(0)) : 0;
  }

  void save_endpoint(const EndpointRecord& endpoint) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    {
      sqlite::Statement exists(db_,
                               "SELECT 1 FROM web_services WHERE subscription_key = ?1 AND resource_group_key = ?2 "
                               "AND name_key = ?3");
      bind_web_service_key(exists, endpoint.web_service);
      if (!exists.step()) {
        throw Error(ErrorCode::NotFound, "WebServiceNotFound",
                    "Web service '" + endpoint.web_service.name + "' does not exist (any more), so endpoint '" +
                        endpoint.name + "' cannot be saved.");
      }
    }
    sqlite::Statement upsert(
        db_,
        std::string("INSERT INTO classic_endpoints (subscription_key, resource_group_key, web_service_key, ") +
            kEndpointColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
            "ON CONFLICT (subscription_key, resource_group_key, web_service_key, name) DO UPDATE SET "
            "description = excluded.description, created_on = excluded.created_on, "
            "modified_on = excluded.modified_on, primary_key = excluded.primary_key, "
            "secondary_key = excluded.secondary_key, throttle_level = excluded.throttle_level, "
            "max_concurrent_calls = excluded.max_concurrent_calls, prevent_update = excluded.prevent_update, "
            "base_revision = excluded.base_revision, base_properties = excluded.base_properties, "
            "resources = excluded.resources, version = excluded.version");
    bind_web_service_key(upsert, endpoint.web_service);
    upsert.bind(4, endpoint.name)
        .bind(5, endpoint.description)
        .bind(6, endpoint.created_on)
        .bind(7, endpoint.modified_on)
        .bind(8, endpoint.primary_key)
        .bind(9, endpoint.secondary_key)
        .bind(10, endpoint.throttle_level)
        .bind(11, static_cast<std::int64_t>(endpoint.max_concurrent_calls))
        .bind(12, static_cast<std::int64_t>(endpoint.prevent_update ? 1 : 0))
        .bind(13, endpoint.base.revision)
        .bind(14, endpoint.base.properties.dump())
        .bind(15, resources_to_json(endpoint.resources).dump())
        .bind(16, endpoint.version);
    upsert.run();
    transaction.commit();
  }

  bool delete_endpoint(const ResourceKey& web_service, const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    sqlite::Statement remove(db_, std::string("DELETE") + kEndpointsOfWebService + " AND name = ?4 RETURNING name");
    bind_web_service_key(remove, web_service);
    remove.bind(4, name);
    bool deleted = false;
    while (remove.step()) deleted = true;
    transaction.commit();
    return deleted;
  }

  std::optional<std::string> get_setting(const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, "SELECT value FROM settings WHERE name = ?1");
    select.bind(1, name);
    if (!select.step()) return std::nullopt;
    return select.column_text(0);
  }

  void set_setting(const std::string& name, const std::string& value) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    sqlite::Statement upsert(db_,
                             "INSERT INTO settings (name, value) VALUES (?1, ?2) "
                             "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    upsert.bind(1, name).bind(2, value);
    upsert.run();
    transaction.commit();
  }

  std::string ensure_setting(const std::string& name, const std::string& value_if_absent) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(db_);
    sqlite::Statement insert(db_, "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING");
    insert.bind(1, name).bind(2, value_if_absent);
    insert.run();
    std::string value;
    {
      sqlite::Statement select(db_, "SELECT value FROM settings WHERE name = ?1");
      select.bind(1, name);
      if (!select.step()) throw Error(ErrorCode::Generic, "setting " + name + " vanished while it was being stored");
      value = select.column_text(0);
    }
    transaction.commit();
    return value;
  }

 private:
  std::mutex mutex_;
  sqlite::Database db_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace azml::host::storage
