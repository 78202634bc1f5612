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
