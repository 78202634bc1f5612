// The azml database schema and its migrations. PRAGMA user_version is the schema version and
// PRAGMA application_id marks the file as azml's, so a foreign database is refused before
// anything writes to it.
#pragma once

#include <cstdint>

#include "storage/sqlite.hpp"

namespace azml::host::storage {

// "azml" in ASCII, stored in the SQLite header.
constexpr std::int32_t kAzmlApplicationId = 0x617a6d6c;

// The version a database has once every migration ran.
std::int64_t latest_schema_version() noexcept;

// Throws azml::Error(Invalid) unless the database is azml's (or brand new) and not newer than
// this build. Only reads, so it can run before anything (WAL mode included) writes to the file.
void check_schema_identity(sqlite::Database& db);

// Applies the missing migration steps, all in one transaction, checking the identity again
// under the write lock (another process may have migrated in between).
void migrate_schema(sqlite::Database& db);

}  // namespace azml::host::storage
