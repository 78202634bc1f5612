// The Batch Execution Service: jobs submitted against a web service, started, run on a bounded
// pool of workers, watched and cancelled (contract §4.1, §4.3). "Only BES can create trained
// models": a retraining service's job writes a new .ilearner and its evaluation results.
//
// Status lives in the JobStore, so it outlives the process: a job that was Running when the
// host stopped or died is Failed, with the reason, when the next host starts. A job runs the
// revision its service served when it was started.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/json.hpp"
#include "jobs/job_blobs.hpp"
#include "jobs/worker_pool.hpp"
#include "runtime/web_service_runtime.hpp"
#include "storage/job_store.hpp"

namespace azml::host::jobs {

// The Details of a job the host found Running at start.
inline constexpr const char* kInterruptedDetails =
    "the host restarted while the job was running; start a new job to run it again";

struct BatchJobSettings {
  std::size_t workers = 2;  // jobs that run at once (azml-host --job-workers)
  int training_threads = 1;  // XGBoost threads per job
  // How long the SAS of a result location stays valid; each status read makes a new one.
  std::chrono::seconds result_sas_lifetime{std::chrono::hours(24)};
  std::size_t list_limit = 100;  // jobs a list returns (the most recent)
};

// What the service tells the host's log: a job started, finished, failed or was cancelled.
struct JobEvent {
  // "job_started", "job_training", "job_finished", "job_failed", "job_cancelled", "jobs_interrupted"
  std::string event;
  std::string job_id;
  std::string web_service;  // resource group/name
  std::string details;
  double milliseconds = 0;  // how long it ran, for the end events
};
using JobEventSink = std::function<void(const JobEvent& event)>;

class BatchJobService {
 public:
  // Fails the jobs the store has Running (kInterruptedDetails) and starts the workers.
  BatchJobService(storage::JobStore& store, JobBlobs blobs, BatchJobSettings settings, JobEventSink events = nullptr);
  ~BatchJobService();  // stop()
  BatchJobService(const BatchJobService&) = delete;
  BatchJobService& operator=(const BatchJobService&) = delete;

  // Each call names the web service the request was routed and authenticated to.

  // Checks the request against the service's serving revision and stores the job NotStarted.
  // Returns its id. Error(Invalid, "BadArgument") naming the member at fault;
  // Error(Conflict, "WebServiceNotReady") when the service has no revision to run.
  std::string submit(const runtime::ServingState& service, const json& body);
  // NotStarted -> Running, queued for a worker. Starting a job that already started is a no-op;
  // Error(Conflict) for a cancelled one; Error(NotFound, "JobNotFound") for an unknown id.
  void start(const runtime::ServingState& service, const std::string& job_id);
  // The BES status body: {"StatusCode","Results","Details","CreatedAt","StartTime","EndTime"},
  // each result's SAS made afresh.
  json status(const runtime::ServingState& service, const std::string& job_id);
  // Cancels a job not yet ended (a running one stops at its next check: between nodes, between
  // boosting rounds); an ended job is left as it is.
  void cancel(const runtime::ServingState& service, const std::string& job_id);
  // The service's most recent jobs, oldest first, each as status() renders it plus "Id".
  json list(const runtime::ServingState& service);

  // Stops the workers. Jobs still running are left Running in the store, so the next start
  // fails them with kInterruptedDetails. Idempotent.
  void stop();

  // Jobs found Running (and failed) when this service started.
  std::size_t interrupted_at_start() const noexcept { return interrupted_at_start_; }

 private:
  struct ActiveJob {
    std::atomic<bool> cancelled{false};
  };

  storage::BatchJobRecord require_job(const runtime::ServingState& service, const std::string& job_id);
  json render(const storage::BatchJobRecord& job) const;
  void run(const std::string& job_id, const json& request, std::shared_ptr<const runtime::Revision> revision,
           std::shared_ptr<ActiveJob> active, const std::string& web_service);
  void emit(JobEvent event) const;

  storage::JobStore& store_;
  JobBlobs blobs_;
  BatchJobSettings settings_;
  JobEventSink events_;
  std::size_t interrupted_at_start_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex active_mutex_;
  std::map<std::string, std::shared_ptr<ActiveJob>> active_;  // started and not yet ended, by id
  WorkerPool pool_;  // last: its threads stop before the members they use go away
};

}  // namespace azml::host::jobs
