#include "jobs/batch_jobs.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/time_util.hpp"
#include "jobs/batch_request.hpp"
#include "jobs/job_execution.hpp"

namespace azml::host::jobs {

namespace {

namespace status = storage::job_status;

Error job_not_found(const std::string& job_id) {
  return Error(ErrorCode::NotFound, "JobNotFound", "No job with id '" + job_id + "' exists for this web service.");
}

std::string web_service_label(const ResourceKey& key) { return key.resource_group + "/" + key.name; }

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// A storage problem found while checking a submission is the request's fault, whatever kind of
// error the storage check raised (a key this host does not know is not the BES key's fault).
void check_reference(const JobBlobs& blobs, const BlobReference& reference, const std::string& where) {
  try {
    blobs.check(reference);
  } catch (const Error& e) {
    throw Error(ErrorCode::Invalid, "BadArgument", where + ": " + e.what()).with_target(where);
  }
}

}  // namespace

BatchJobService::BatchJobService(storage::JobStore& store, JobBlobs blobs, BatchJobSettings settings,
                                 JobEventSink events)
    : store_(store),
      blobs_(std::move(blobs)),
      settings_(settings),
      events_(std::move(events)),
      interrupted_at_start_(store_.fail_running_jobs(kInterruptedDetails, now_iso8601())),
      pool_(settings.workers) {
  if (interrupted_at_start_ > 0) {
    emit({"jobs_interrupted", "", "", std::to_string(interrupted_at_start_) + " job(s) failed: " + kInterruptedDetails, 0});
  }
}

BatchJobService::~BatchJobService() { stop(); }

void BatchJobService::stop() {
  stopping_ = true;
  {
    // Running jobs stop at their next check instead of holding the shutdown up.
    std::lock_guard<std::mutex> lock(active_mutex_);
    for (auto& [id, active] : active_) active->cancelled = true;
  }
  pool_.stop();
}

void BatchJobService::emit(JobEvent event) const {
  if (!events_) return;
  try {
    events_(event);
  } catch (...) {
    // Logging must never change a job's outcome.
  }
}

std::string BatchJobService::submit(const runtime::ServingState& service, const json& body) {
  const runtime::Revision& revision = runtime::WebServiceRuntime::serving_revision(service);
  const ServiceShape shape = ServiceShape::of(revision.graph());
  BatchRequest request = BatchRequest::parse(body, shape);
  for (const auto& [name, reference] : request.inputs) check_reference(blobs_, reference, "Inputs." + name);
  for (const auto& [name, reference] : request.outputs) check_reference(blobs_, reference, "Outputs." + name);
  if (request.inputs.empty()) {
    for (const auto& output : shape.outputs) {
      if (!request.outputs.count(output)) {
        throw Error(ErrorCode::Invalid, "BadArgument",
                    "the job has no inputs to put output '" + output + "' beside: give Outputs." + output +
                        " as {ConnectionString, RelativeLocation}")
            .with_target("Outputs." + output);
      }
    }
  }

  storage::BatchJobRecord job;
  job.id = random_hex(16);
  job.service_id = service.service_id;
  job.web_service = service.key;
  job.request = request.to_json();
  job.status = status::kNotStarted;
  job.created_on = now_iso8601();
  store_.insert_job(job);
  return job.id;
}

storage::BatchJobRecord BatchJobService::require_job(const runtime::ServingState& service, const std::string& job_id) {
  auto job = store_.find_job(service.service_id, job_id);
  if (!job) throw job_not_found(job_id);
  return std::move(*job);
}

void BatchJobService::start(const runtime::ServingState& service, const std::string& job_id) {
  storage::BatchJobRecord job = require_job(service, job_id);
  if (job.status == status::kCancelled) {
    throw Error(ErrorCode::Conflict, "JobCancelled", "The job '" + job.id + "' was cancelled; submit a new one.");
  }
  if (job.status != status::kNotStarted) return;
  if (stopping_) throw Error(ErrorCode::Conflict, "HostStopping", "The host is stopping; start the job later.");
  runtime::WebServiceRuntime::serving_revision(service);  // Conflict when there is none
  std::shared_ptr<const runtime::Revision> revision = service.revision;

  // Registered before the status changes, so that a cancel arriving in between finds it.
  auto active = std::make_shared<ActiveJob>();
  {
    std::lock_guard<std::mutex> lock(active_mutex_);
    if (!active_.emplace(job.id, active).second) return;  // another start of this job is under way
  }
  storage::JobUpdate update;
  update.status = status::kRunning;
  update.started_on = now_iso8601();
  if (!store_.update_job(job.id, {status::kNotStarted}, update)) {
    {
      std::lock_guard<std::mutex> lock(active_mutex_);
      if (auto mine = active_.find(job.id); mine != active_.end() && mine->second == active) active_.erase(mine);
    }
    // Someone else moved it first: started (fine) or cancelled (refused, as above).
    if (require_job(service, job_id).status == status::kCancelled) {
      throw Error(ErrorCode::Conflict, "JobCancelled", "The job '" + job.id + "' was cancelled; submit a new one.");
    }
    return;
  }
  const std::string label = web_service_label(service.key);
  pool_.post([this, id = job.id, request = std::move(job.request), revision, active, label] {
    run(id, request, revision, active, label);
  });
}

void BatchJobService::run(const std::string& job_id, const json& request, std::shared_ptr<const runtime::Revision> revision,
                          std::shared_ptr<ActiveJob> active, const std::string& web_service) {
  const auto began = std::chrono::steady_clock::now();
  auto elapsed_ms = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
  };
  auto finish = [&](storage::JobUpdate update) {
    update.ended_on = now_iso8601();
    try {
      return store_.update_job(job_id, {status::kRunning}, update);
    } catch (const std::exception& e) {
      emit({"job_failed", job_id, web_service, std::string("its status could not be stored: ") + e.what(), elapsed_ms()});
      return false;
    }
  };

  if (!active->cancelled) {
    emit({"job_started", job_id, web_service, "", 0});
    engine::RunContext context;
    context.cancelled = &active->cancelled;
    context.fetch_data = [this](const engine::ImportSource& source) { return blobs_.fetch(source); };
    context.training_threads = settings_.training_threads;
    // Once per Train Model node: when the long part of a job begins, and how long it may be.
    context.on_boosting_round = [&](int round, int rounds) {
      if (round == 1) emit({"job_training", job_id, web_service, "up to " + std::to_string(rounds) + " rounds", 0});
    };
    std::string failure;
    try {
      json results = execute_batch_job(revision->graph(), BatchRequest::from_json(request), job_id, blobs_, context);
      storage::JobUpdate update;
      update.status = status::kFinished;
      update.results = std::move(results);
      if (finish(std::move(update))) emit({"job_finished", job_id, web_service, "", elapsed_ms()});
    } catch (const Error& e) {
      failure = e.what();
    } catch (const std::exception& e) {
      failure = std::string("the job failed unexpectedly: ") + e.what();
    } catch (...) {
      failure = "the job failed unexpectedly";
    }
    if (!failure.empty()) {
      if (stopping_) {
        // Left Running: the next host start fails it with kInterruptedDetails.
      } else if (active->cancelled) {
        emit({"job_cancelled", job_id, web_service, failure, elapsed_ms()});
      } else {
        storage::JobUpdate update;
        update.status = status::kFailed;
        update.details = failure;
        if (finish(std::move(update))) emit({"job_failed", job_id, web_service, failure, elapsed_ms()});
      }
    }
  }
  std::lock_guard<std::mutex> lock(active_mutex_);
  active_.erase(job_id);
}

void BatchJobService::cancel(const runtime::ServingState& service, const std::string& job_id) {
  storage::BatchJobRecord job = require_job(service, job_id);
  // Two rounds at most: a job may move from NotStarted to Running between the read and the update.
  for (int attempt = 0; attempt < 2; ++attempt) {
    storage::JobUpdate update;
    update.status = status::kCancelled;
    update.ended_on = now_iso8601();
    if (job.status == status::kNotStarted) {
      update.details = "the job was cancelled before it started";
      if (store_.update_job(job.id, {status::kNotStarted}, update)) return;
    } else if (job.status == status::kRunning) {
      update.details = "the job was cancelled while it was running";
      if (store_.update_job(job.id, {status::kRunning}, update)) {
        std::lock_guard<std::mutex> lock(active_mutex_);
        if (auto found = active_.find(job.id); found != active_.end()) found->second->cancelled = true;
        return;
      }
    } else {
      return;  // already ended: nothing to cancel
    }
    job = require_job(service, job_id);
  }
}

json BatchJobService::render(const storage::BatchJobRecord& job) const {
  json results = nullptr;
  if (job.status == status::kFinished && job.results.is_object()) {
    results = json::object();
    const auto expiry = std::chrono::system_clock::now() + settings_.result_sas_lifetime;
    for (auto it = job.results.begin(); it != job.results.end(); ++it) {
      results[it.key()] = blobs_.result_location(BlobReference::parse(*it, "Results." + it.key()), expiry);
    }
  }
  return json{{"StatusCode", job.status},
              {"Results", std::move(results)},
              {"Details", text_or_null(job.details)},
              {"CreatedAt", job.created_on},
              {"StartTime", text_or_null(job.started_on)},
              {"EndTime", text_or_null(job.ended_on)}};
}

json BatchJobService::status(const runtime::ServingState& service, const std::string& job_id) {
  return render(require_job(service, job_id));
}

json BatchJobService::list(const runtime::ServingState& service) {
  json jobs = json::array();
  for (const auto& job : store_.list_jobs(service.service_id, settings_.list_limit)) {
    json item = {{"Id", job.id}};
    item.update(render(job));
    jobs.push_back(std::move(item));
  }
  return jobs;
}

}  // namespace azml::host::jobs
