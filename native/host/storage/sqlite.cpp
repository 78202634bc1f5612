#include "storage/sqlite.hpp"

#include <sqlite3.h>

#include <limits>

#include "common/error.hpp"

namespace azml::host::storage::sqlite {

namespace {

int checked_size(Database& db, size_t size) {
  if (size > static_cast<size_t>(std::numeric_limits<int>::max())) db.fail(SQLITE_TOOBIG, "binding a value");
  return static_cast<int>(size);
}

}  // namespace

Database::Database(const std::filesystem::path& path) : path_(path) {
  // NOMUTEX: the store serialises every call with its own mutex, so SQLite's would be redundant.
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw Error(ErrorCode::Generic, "cannot open the azml database " + path.string() + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int rc, std::string_view what) const {
  const int primary = rc & 0xff;
  std::string detail = db_ && sqlite3_errcode(db_) == rc ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (primary == SQLITE_NOTADB) {
    throw Error(ErrorCode::Invalid, path_.string() + " is not an azml database (it is not an SQLite file)");
  }
  std::string message = "azml database " + path_.string() + ": " + std::string(what) + " failed: " + detail;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    // Another process held the write lock longer than busy_timeout.
    throw Error(ErrorCode::Timeout, message);
  }
  throw Error(ErrorCode::Generic, message);
}

void Database::exec(const char* sql) {
  char* raw_message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &raw_message);
  sqlite3_free(raw_message);  // the same text is available from sqlite3_errmsg in fail()
  if (rc != SQLITE_OK) fail(rc, sql);
}

std::int64_t Database::query_int(const char* sql) {
  Statement statement(*this, sql);
  if (!statement.step()) fail(SQLITE_ERROR, std::string(sql) + " (no row)");
  return statement.column_int64(0);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db.handle(), sql.data(), checked_size(db, sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) db_.fail(rc, "preparing " + std::string(sql));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), checked_size(db_, value.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, "binding parameter " + std::to_string(index));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "binding parameter " + std::to_string(index));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "binding parameter " + std::to_string(index));
  return *this;
}

Statement& Statement::bind_nullable(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_.fail(rc, "binding parameter " + std::to_string(index));
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, std::string("running ") + sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
}

bool Statement::column_is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Statement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!open_) return;
  // A failed statement may already have rolled SQLite back; then there is nothing to undo and
  // the ROLLBACK error is meaningless. Either way a destructor must not throw.
  if (!sqlite3_get_autocommit(db_.handle())) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace azml::host::storage::sqlite
