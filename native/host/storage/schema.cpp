#include "storage/schema.hpp"

#include <string>
#include <vector>

#include "common/error.hpp"

namespace azml::host::storage {

namespace {

// One step from version N-1 to N. Steps are append-only: a released step never changes, a
// schema change is a new step, so any older database reaches the latest version by replaying
// the steps it lacks.
struct Migration {
  std::int64_t version;
  const char* sql;
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1, R"sql(
CREATE TABLE settings (
  name  TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Names are kept as first given; the *_key columns hold their lower-case forms, because ARM
-- compares resource groups and names case-insensitively. The UNIQUE constraint enforces that,
-- and its index serves the keyset-paginated listing.
CREATE TABLE web_services (
  id                 INTEGER PRIMARY KEY,
  subscription_id    TEXT NOT NULL,
  resource_group     TEXT NOT NULL,
  name               TEXT NOT NULL,
  subscription_key   TEXT NOT NULL,
  resource_group_key TEXT NOT NULL,
  name_key           TEXT NOT NULL,
  location           TEXT NOT NULL,
  tags               TEXT NOT NULL CHECK (json_valid(tags)),
  properties         TEXT NOT NULL CHECK (json_valid(properties)),
  created_on         TEXT NOT NULL,
  modified_on        TEXT NOT NULL,
  provisioning_state TEXT NOT NULL,
  revision           INTEGER NOT NULL CHECK (revision >= 1),
  UNIQUE (subscription_key, resource_group_key, name_key)
);

-- Operations outlive the resources they changed (a DELETE's status is polled after the row is
-- gone), so there is no foreign key to web_services.
CREATE TABLE async_operations (
  id               TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (id <> ''),
  subscription_id  TEXT NOT NULL,
  location         TEXT NOT NULL,
  resource_id      TEXT NOT NULL,
  kind             TEXT NOT NULL,
  status           TEXT NOT NULL,
  start_time       TEXT NOT NULL,
  end_time         TEXT,
  percent_complete REAL NOT NULL,
  error            TEXT CHECK (error IS NULL OR json_valid(error))
) WITHOUT ROWID;
)sql"},
      // The revision a web service serves: the last one whose provisioning succeeded. It differs
      // from web_services.properties after an update that failed to provision (the definition
      // is stored, the previous revision keeps serving), and a restart must serve it again.
      // Deleting the web service deletes it. provisioning_error says why the stored revision did
      // not provision ({code,message,details}; NULL unless provisioning_state is Failed).
      {2, R"sql(
CREATE TABLE serving_revisions (
  web_service_id INTEGER PRIMARY KEY NOT NULL REFERENCES web_services (id) ON DELETE CASCADE,
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  properties     TEXT NOT NULL CHECK (json_valid(properties))
);
ALTER TABLE web_services ADD COLUMN provisioning_error TEXT
  CHECK (provisioning_error IS NULL OR json_valid(provisioning_error));
)sql"},
      // Batch (BES) jobs. A job outlives nothing it names: its web service may be deleted while
      // it runs (it then fails) and its rows stay readable, so there is no foreign key. The rowid
      // orders a service's jobs by submission. request holds the caller's connection strings
      // (account keys): it is read by the host only.
      {3, R"sql(
CREATE TABLE batch_jobs (
  id               TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (id <> ''),
  service_id       TEXT NOT NULL,
  subscription_id  TEXT NOT NULL,
  resource_group   TEXT NOT NULL,
  web_service_name TEXT NOT NULL,
  request          TEXT NOT NULL CHECK (json_valid(request)),
  status           TEXT NOT NULL
                   CHECK (status IN ('NotStarted', 'Running', 'Failed', 'Cancelled', 'Finished')),
  results          TEXT CHECK (results IS NULL OR json_valid(results)),
  details          TEXT NOT NULL,
  created_on       TEXT NOT NULL,
  started_on       TEXT,
  ended_on         TEXT
);
CREATE INDEX batch_jobs_by_service ON batch_jobs (service_id);
-- Finding the jobs a stopped host left running, at every start.
CREATE INDEX batch_jobs_by_status ON batch_jobs (status);
)sql"},
      // Classic endpoints added to a web service (its default endpoint is the web service itself
      // and has no row). Keyed like the web service (lower-case keys) plus the endpoint's name,
      // which is lower case by rule. base_revision/base_properties are the web service's serving
      // revision when the endpoint was added or refreshed: what it serves, with the overrides in
      // resources ([{Name, Kind, Location{BaseLocation, RelativeLocation, SasBlobToken}}])
      // applied. The foreign key refuses an endpoint of a web service that is gone; the store also
      // deletes a web service's endpoints itself, in the transaction that deletes it.
      {4, R"sql(
CREATE TABLE classic_endpoints (
  subscription_key     TEXT NOT NULL,
  resource_group_key   TEXT NOT NULL,
  web_service_key      TEXT NOT NULL,
  name                 TEXT NOT NULL CHECK (name <> '' AND name = lower(name)),
  description          TEXT NOT NULL,
  created_on           TEXT NOT NULL,
  modified_on          TEXT NOT NULL,
  primary_key          TEXT NOT NULL CHECK (primary_key <> ''),
  secondary_key        TEXT NOT NULL CHECK (secondary_key <> ''),
  throttle_level       TEXT NOT NULL CHECK (throttle_level IN ('High', 'Low')),
  max_concurrent_calls INTEGER NOT NULL CHECK (max_concurrent_calls >= 1),
  prevent_update       INTEGER NOT NULL CHECK (prevent_update IN (0, 1)),
  base_revision        INTEGER NOT NULL CHECK (base_revision >= 1),
  base_properties      TEXT NOT NULL CHECK (json_valid(base_properties)),
  resources            TEXT NOT NULL CHECK (json_valid(resources) AND json_type(resources) = 'array'),
  version              INTEGER NOT NULL CHECK (version >= 1),
  PRIMARY KEY (subscription_key, resource_group_key, web_service_key, name),
  FOREIGN KEY (subscription_key, resource_group_key, web_service_key)
    REFERENCES web_services (subscription_key, resource_group_key, name_key) ON DELETE CASCADE
) WITHOUT ROWID;
)sql"},
  };
  return steps;
}

bool has_user_tables(sqlite::Database& db) {
  return db.query_int("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'") > 0;
}

// Refuses files that are not azml's. A brand-new file (no tables, no marks) is accepted.
void check_identity(sqlite::Database& db, std::int64_t application_id, std::int64_t version) {
  const std::string where = db.path().string();
  const bool blank = application_id == 0 && version == 0 && !has_user_tables(db);
  if (!blank && application_id != kAzmlApplicationId) {
    throw Error(ErrorCode::Invalid, where + " is not an azml database (it is an SQLite database of another application)");
  }
  if (version > latest_schema_version()) {
    throw Error(ErrorCode::Invalid, where + " has azml schema version " + std::to_string(version) +
                                        ", newer than this azml-host understands (" +
                                        std::to_string(latest_schema_version()) + "); use a newer azml-host");
  }
}

}  // namespace

std::int64_t latest_schema_version() noexcept { return migrations().back().version; }

void check_schema_identity(sqlite::Database& db) {
  check_identity(db, db.query_int("PRAGMA application_id"), db.query_int("PRAGMA user_version"));
}

void migrate_schema(sqlite::Database& db) {
  sqlite::Transaction transaction(db);
  const std::int64_t application_id = db.query_int("PRAGMA application_id");
  const std::int64_t version = db.query_int("PRAGMA user_version");
  check_identity(db, application_id, version);
  if (version == latest_schema_version()) return;  // nothing to write; the destructor ends the transaction

  for (const Migration& step : migrations()) {
    if (step.version <= version) continue;
    db.exec(step.sql);
    // PRAGMA values cannot be bound; these are the program's own constants, never input.
    db.exec(("PRAGMA user_version = " + std::to_string(step.version)).c_str());
  }
  db.exec(("PRAGMA application_id = " + std::to_string(kAzmlApplicationId)).c_str());
  transaction.commit();
}

}  // namespace azml::host::storage
