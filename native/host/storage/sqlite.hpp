// RAII over the sqlite3 C API, private to the storage layer. Every failure becomes an
// azml::Error that names the database file and carries SQLite's own message, so a broken data
// directory is diagnosable from the host's log alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace azml::host::storage::sqlite {

class Database {
 public:
  // Opens (creating if needed) the file for reading and writing. No SQL runs here: a file that
  // is not an SQLite database is only detected by the first statement.
  explicit Database(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const noexcept { return db_; }
  const std::filesystem::path& path() const noexcept { return path_; }

  // Runs SQL that binds nothing and returns nothing (pragmas, DDL, BEGIN/COMMIT).
  void exec(const char* sql);
  // Runs SQL that returns one integer (a pragma's value).
  std::int64_t query_int(const char* sql);

  // Throws the azml::Error for SQLite result code `rc` while doing `what`.
  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

// A prepared statement. Parameters are 1-based and only ever bound, never spliced into SQL.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_nullable(int index, const std::optional<std::string>& value);  // nullopt binds NULL
  Statement& bind_null(int index);

  // Advances to the next row: true when one is available, false when the statement is done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  bool column_is_null(int column) const;
  std::string column_text(int column) const;  // "" for NULL
  std::int64_t column_int64(int column) const;
  double column_double(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT. IMMEDIATE takes the write lock up front, so two writers wait on
// busy_timeout instead of failing with a deadlock when both try to upgrade a read lock. Rolls
// back in the destructor unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace azml::host::storage::sqlite
