// The SQLite implementation of JobStore: the batch_jobs table of the host's database.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <mutex>

#include "common/error.hpp"
#include "storage/job_store.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"

namespace azml::host::storage {

namespace {

// As the web service store: long enough to ride out another writer, short enough to surface a
// stuck one as an error.
constexpr int kBusyTimeoutMilliseconds = 5000;

constexpr const char* kJobColumns =
    "id, service_id, subscription_id, resource_group, web_service_name, request, status, results, details, "
    "created_on, started_on, ended_on";

json parse_stored_json(sqlite::Database& db, const std::string& text, const char* what) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    throw Error(ErrorCode::Generic, "azml database " + db.path().string() + " holds malformed JSON in " + what);
  }
  return value;
}

std::optional<std::string> nullable(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Reads the columns listed in kJobColumns, in that order.
BatchJobRecord read_job(sqlite::Database& db, const sqlite::Statement& row) {
  BatchJobRecord job;
  job.id = row.column_text(0);
  job.service_id = row.column_text(1);
  job.web_service.subscription_id = row.column_text(2);
  job.web_service.resource_group = row.column_text(3);
  job.web_service.name = row.column_text(4);
  job.request = parse_stored_json(db, row.column_text(5), "batch_jobs.request");
  job.status = row.column_text(6);
  job.results = row.column_is_null(7) ? json() : parse_stored_json(db, row.column_text(7), "batch_jobs.results");
  job.details = row.column_text(8);
  job.created_on = row.column_text(9);
  job.started_on = row.column_text(10);
  job.ended_on = row.column_text(11);
  return job;
}

class SqliteJobStore final : public JobStore {
 public:
  explicit SqliteJobStore(const std::filesystem::path& path) : db_(path) {
    db_.exec(("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMilliseconds)).c_str());
    check_schema_identity(db_);
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    migrate_schema(db_);
  }

  void insert_job(const BatchJobRecord& job) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement insert(db_, std::string("INSERT INTO batch_jobs (") + kJobColumns +
                                      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                      "ON CONFLICT (id) DO NOTHING RETURNING id");
    insert.bind(1, job.id)
        .bind(2, job.service_id)
        .bind(3, job.web_service.subscription_id)
        .bind(4, job.web_service.resource_group)
        .bind(5, job.web_service.name)
        .bind(6, job.request.dump())
        .bind(7, job.status)
        .bind_nullable(8, job.results.is_null() ? std::optional<std::string>() : job.results.dump())
        .bind(9, job.details)
        .bind(10, job.created_on)
        .bind_nullable(11, nullable(job.started_on))
        .bind_nullable(12, nullable(job.ended_on));
    const bool inserted = insert.step();
    while (insert.step()) {
    }
    if (!inserted) throw Error(ErrorCode::Conflict, "a batch job with id " + job.id + " already exists");
  }

  std::optional<BatchJobRecord> find_job(const std::string& service_id, const std::string& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement select(db_, std::string("SELECT ") + kJobColumns +
                                      " FROM batch_jobs WHERE id = ?1 AND service_id = ?2");
    select.bind(1, id).bind(2, service_id);
    if (!select.step()) return std::nullopt;
    return read_job(db_, select);
  }

  std::vector<BatchJobRecord> list_jobs(const std::string& service_id, std::size_t limit) override {
    std::lock_guard<std::mutex> lock(mutex_);
    // The newest `limit` by rowid (submission order), then turned oldest first.
    sqlite::Statement select(db_, std::string("SELECT ") + kJobColumns +
                                      " FROM batch_jobs WHERE service_id = ?1 ORDER BY rowid DESC LIMIT ?2");
    select.bind(1, service_id)
        .bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max())));
    std::vector<BatchJobRecord> jobs;
    while (select.step()) jobs.push_back(read_job(db_, select));
    std::reverse(jobs.begin(), jobs.end());
    return jobs;
  }

  bool update_job(const std::string& id, const std::vector<std::string>& from, const JobUpdate& update) override {
    if (from.empty()) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    // The allowed statuses become a JSON array bound as one value: no SQL is ever spliced.
    json allowed = json::array();
    for (const auto& status : from) allowed.push_back(status);
    sqlite::Statement change(
        db_,
        "UPDATE batch_jobs SET status = ?2, "
        "results = CASE WHEN ?3 THEN ?4 ELSE results END, "
        "details = CASE WHEN ?5 THEN ?6 ELSE details END, "
        "started_on = CASE WHEN ?7 THEN ?8 ELSE started_on END, "
        "ended_on = CASE WHEN ?9 THEN ?10 ELSE ended_on END "
        "WHERE id = ?1 AND status IN (SELECT value FROM json_each(?11)) RETURNING id");
    change.bind(1, id)
        .bind(2, update.status)
        .bind(3, static_cast<std::int64_t>(update.results.has_value()))
        .bind_nullable(4, update.results && !update.results->is_null() ? std::optional<std::string>(update.results->dump())
                                                                         : std::nullopt)
        .bind(5, static_cast<std::int64_t>(update.details.has_value()))
        .bind(6, update.details.value_or(""))
        .bind(7, static_cast<std::int64_t>(update.started_on.has_value()))
        .bind_nullable(8, update.started_on ? nullable(*update.started_on) : std::nullopt)
        .bind(9, static_cast<std::int64_t>(update.ended_on.has_value()))
        .bind_nullable(10, update.ended_on ? nullable(*update.ended_on) : std::nullopt)
        .bind(11, allowed.dump());
    bool changed = false;
    while (change.step()) changed = true;
    return changed;
  }

  std::size_t fail_running_jobs(const std::string& details, const std::string& ended_on) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Statement change(db_,
                             "UPDATE batch_jobs SET status = 'Failed', details = ?1, ended_on = ?2 "
                             "WHERE status = 'Running' RETURNING id");
    change.bind(1, details).bind(2, ended_on);
    std::size_t count = 0;
    while (change.step()) ++count;
    return count;
  }

 private:
  std::mutex mutex_;
  sqlite::Database db_;
};

}  // namespace

std::unique_ptr<JobStore> open_sqlite_job_store(const std::filesystem::path& path) {
  return std::make_unique<SqliteJobStore>(path);
}

}  // namespace azml::host::storage
