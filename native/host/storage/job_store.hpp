// Persistence of batch (BES) jobs, behind an interface of its own so that the job queue can
// move to a server database without touching the web service store.
//
// A job's status only moves forward: NotStarted -> Running -> Finished | Failed | Cancelled,
// or NotStarted -> Cancelled. Every change is one conditional update ("from these statuses"),
// so a cancel racing a worker's finish leaves exactly one of them in the record.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "storage/records.hpp"

namespace azml::host::storage {

// BES's BatchScoreStatusCode names, as the wire carries them (contract §4.3).
namespace job_status {
inline constexpr const char* kNotStarted = "NotStarted";
inline constexpr const char* kRunning = "Running";
inline constexpr const char* kFailed = "Failed";
inline constexpr const char* kCancelled = "Cancelled";
inline constexpr const char* kFinished = "Finished";
}  // namespace job_status

struct BatchJobRecord {
  std::string id;          // 32 lowercase hex characters
  std::string service_id;  // domain::Catalog::service_id of the web service it runs
  ResourceKey web_service;
  // The submitted request, normalised: {"Inputs":{..},"Outputs":{..},"GlobalParameters":{..}}.
  // Connection strings in it hold account keys: it never leaves the host.
  json request = json::object();
  std::string status = job_status::kNotStarted;
  // Where each output was written: {name: {"ConnectionString","BaseLocation","RelativeLocation"}}
  // without any SAS (a fresh one is made for every read); null until Finished.
  json results;
  std::string details;     // why it failed or was cancelled; "" otherwise
  std::string created_on;  // ISO 8601 UTC
  std::string started_on;  // "" until started
  std::string ended_on;    // "" until it ends
};

// The fields a status change sets besides the status; unset ones keep their values.
struct JobUpdate {
  std::string status;
  std::optional<json> results;
  std::optional<std::string> details;
  std::optional<std::string> started_on;
  std::optional<std::string> ended_on;
};

class JobStore {
 public:
  virtual ~JobStore() = default;

  // Error(Conflict) when the id exists.
  virtual void insert_job(const BatchJobRecord& job) = 0;
  // The job with this id that runs this web service; nullopt otherwise (ids compare
  // case-insensitively).
  virtual std::optional<BatchJobRecord> find_job(const std::string& service_id, const std::string& id) = 0;
  // The web service's most recent jobs, at most `limit`, oldest first.
  virtual std::vector<BatchJobRecord> list_jobs(const std::string& service_id, std::size_t limit) = 0;
  // Applies the update when the job's status is one of `from`; returns whether it did.
  virtual bool update_job(const std::string& id, const std::vector<std::string>& from, const JobUpdate& update) = 0;
  // Ends every job that is Running (its worker is gone: the host stopped or died while it ran)
  // as Failed with these details. Returns how many there were.
  virtual std::size_t fail_running_jobs(const std::string& details, const std::string& ended_on) = 0;
};

// The SQLite job store over the host's database file (the schema's batch_jobs table). Opens a
// connection of its own; migrates the schema when it is the first to open the file.
std::unique_ptr<JobStore> open_sqlite_job_store(const std::filesystem::path& path);

}  // namespace azml::host::storage
