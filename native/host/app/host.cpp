#include "app/host.hpp"

#include <unistd.h>

#include <cstdio>

#include "app/data_dir.hpp"
#include "app/ready_file.hpp"
#include "app/served_authorities.hpp"
#include "app/request_pipeline.hpp"
#include "auth/admin_token.hpp"
#include "blobs/blob_service.hpp"
#include "client/cpprest_transport.hpp"
#include "common/error.hpp"
#include "common/json.hpp"
#include "domain/catalog.hpp"
#include "domain/classic_workspace.hpp"
#include "jobs/batch_jobs.hpp"
#include "runtime/resource_loader.hpp"
#include "runtime/web_service_runtime.hpp"
#include "storage/job_store.hpp"
#include "storage/store.hpp"
#include "transport/free_port.hpp"
#include "transport/http_server.hpp"

namespace azml::host::app {

namespace {

std::string format_millis(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", ms);
  return text;
}

}  // namespace

// Destroyed in reverse order: the server (and its handlers) go before the catalog and store.
struct Host::State {
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<domain::Catalog> catalog;
  std::unique_ptr<blobs::BlobService> blobs;
  std::unique_ptr<runtime::WebServiceRuntime> runtime;
  std::unique_ptr<domain::ClassicWorkspace> classic;
  std::unique_ptr<storage::JobStore> job_store;
  // Declared after what its workers use (job_store, blobs, runtime), so it stops them first.
  std::unique_ptr<jobs::BatchJobService> batch_jobs;
  // Each feature's service is created in start() before the server, and destroyed after it.
  std::unique_ptr<transport::HttpServer> server;
  std::string endpoint;
  std::string subscription_id;
  bool ready_file_written = false;

  HostServices services() {
    HostServices s;
    s.catalog = catalog.get();
    s.runtime = runtime.get();
    s.batch_jobs = batch_jobs.get();
    s.blobs = blobs.get();
    s.classic = classic.get();
    return s;
  }
};

Host::Host(HostOptions options, Logger& logger) : options_(std::move(options)), logger_(logger) {}

Host::~Host() {
  try {
    stop();
  } catch (...) {
  }
}

void Host::start() {
  if (state_) return;
  auto state = std::make_unique<State>();
  const auto& dir = options_.data_dir;

  // Unusable TLS files stop the start before anything is created.
  if (!options_.tls_certificate_file.empty()) {
    transport::check_tls_files(options_.tls_certificate_file, options_.tls_private_key_file);
  }
  prepare_data_dir(dir);
  state->lock = std::make_unique<DataDirLock>(dir);
  state->store = storage::open_sqlite_store(dir / kDatabaseFileName);
  state->catalog = std::make_unique<domain::Catalog>(*state->store);
  const auto subscriptions = state->catalog->subscriptions();
  if (subscriptions.empty()) throw Error(ErrorCode::Generic, "the catalog serves no subscription");
  state->subscription_id = subscriptions.front();
  // Blobs (datasets, .ilearner models) live beside the database, under the storage account
  // whose key the database keeps.
  state->blobs = std::make_unique<blobs::BlobService>(blobs::open_file_blob_store(dir / kBlobsFolderName),
                                                      blobs::load_or_create_storage_account(*state->store));

  auto token = auth::load_or_create_admin_token(dir);
  if (token.created) {
    logger_.log(LogLevel::Info, "admin_token_created", {{"file", (dir / auth::kAdminTokenFileName).string()}});
  }
  if (token.permissions_tightened) {
    logger_.log(LogLevel::Warn, "admin_token_permissions_tightened",
                {{"file", (dir / auth::kAdminTokenFileName).string()}, {"mode", "0600"}});
  }

  // The port is settled first: the handler's absolute URLs and host.json both name it.
  transport::ServerOptions server_options;
  server_options.listen_address = options_.listen_address;
  server_options.port = options_.port != 0 ? options_.port : transport::find_free_port(options_.listen_address);
  server_options.tls_certificate_file = options_.tls_certificate_file;
  server_options.tls_private_key_file = options_.tls_private_key_file;
  server_options.max_body_bytes = options_.max_body_bytes;
  server_options.threads = options_.server_threads;
  const bool tls = !server_options.tls_certificate_file.empty();
  state->endpoint = transport::endpoint_url(tls, server_options.listen_address, server_options.port);

  // Scoring: every stored web service's serving revision is compiled and its models loaded
  // before the first request can arrive.
  // Blob URLs of this host, under any port it has had, are read from its blob store directly.
  const std::vector<std::string> served_authorities =
      remember_served_authorities(*state->store, state->endpoint, server_options.port);
  runtime::ResourceSources sources;
  sources.blob_store = &state->blobs->store();
  sources.own_authorities = served_authorities;
  sources.transport = std::make_shared<client::CpprestTransport>();
  sources.account = state->blobs->account();
  state->runtime = std::make_unique<runtime::WebServiceRuntime>(std::move(sources));
  state->catalog->set_provisioner(state->runtime.get());
  for (const auto& failure : state->catalog->restore_serving_revisions()) {
    logger_.log(LogLevel::Error, "serving_revision_not_restored",
                {{"resource_group", failure.key.resource_group},
                 {"web_service", failure.key.name},
                 {"revision", std::to_string(failure.revision)},
                 {"reason", failure.reason}});
  }
  // Classic endpoints after their web services, whose compiled revisions they share when they can.
  state->classic = std::make_unique<domain::ClassicWorkspace>(*state->catalog, *state->store);
  state->classic->set_provisioner(state->runtime.get());
  for (const auto& failure : state->classic->restore_endpoints()) {
    // The reason names the model's location without its SAS token.
    logger_.log(LogLevel::Error, "endpoint_not_restored",
                {{"resource_group", failure.web_service.resource_group},
                 {"web_service", failure.web_service.name},
                 {"endpoint", failure.endpoint},
                 {"reason", failure.reason}});
  }

  // Batch jobs (BES): their own connection to the database; jobs a previous run left Running
  // are failed first, with the reason.
  state->job_store = storage::open_sqlite_job_store(dir / kDatabaseFileName);
  jobs::OwnBlobService own_blobs;
  own_blobs.store = &state->blobs->store();
  own_blobs.authorities = served_authorities;
  own_blobs.key_matches = [service = state->blobs.get()](const std::string& account, const std::string& key) {
    return service->is_account_key(account, key);
  };
  jobs::BatchJobSettings job_settings;
  job_settings.workers = options_.job_workers;
  job_settings.training_threads = options_.job_threads;
  job_settings.result_sas_lifetime = std::chrono::seconds(options_.job_result_sas_seconds);
  Logger& job_logger = logger_;
  state->batch_jobs = std::make_unique<jobs::BatchJobService>(
      *state->job_store, jobs::JobBlobs(std::move(own_blobs), std::make_shared<client::CpprestTransport>()),
      job_settings, [&job_logger](const jobs::JobEvent& event) {
        const bool failed = event.event == "job_failed" || event.event == "jobs_interrupted";
        job_logger.log(failed ? LogLevel::Warn : LogLevel::Info, event.event,
                       {{"job_id", event.job_id},
                        {"web_service", event.web_service},
                        {"ms", format_millis(event.milliseconds)},
                        {"details", event.details}});
      });

  HostHandlerOptions handler_options;
  handler_options.admin_token = token.value;
  handler_options.management.scheme = tls ? "https" : "http";
  handler_options.management.fallback_authority = authority_of(state->endpoint);
  handler_options.management.list_page_size = options_.list_page_size;
  Logger& logger = logger_;
  handler_options.on_internal_error = [&logger](const std::string& request_id, const std::string& what) {
    logger.log(LogLevel::Error, "internal_error", {{"request_id", request_id}, {"what", what}});
  };
  auto observer = [&logger](const http::Request& request, const http::Response& response,
                            std::chrono::duration<double, std::milli> elapsed) {
    const LogLevel level = response.status >= 500 ? LogLevel::Error : LogLevel::Info;
    if (!logger.enabled(level)) return;  // no fields made for a line nobody keeps
    // The path only: a query string is the client's business and the log need not keep it.
    const auto query = request.url.find('?');
    logger.log(level, "request",
               {{"method", request.method},
                {"path", request.url.substr(0, query)},
                {"status", std::to_string(response.status)},
                {"ms", format_millis(elapsed.count())},
                {"request_id", response.headers.get("x-ms-request-id").value_or("")},
                {"remote", request.remote_address}});
  };

  state->server = std::make_unique<transport::HttpServer>(
      server_options, make_host_request_handler(state->services(), handler_options), observer);
  state->server->start();

  const json ready = {{"endpoint", state->endpoint},
                      {"pid", static_cast<long long>(::getpid())},
                      {"subscriptionId", state->subscription_id}};
  write_file_atomically(dir / kReadyFileName, ready.dump() + "\n", 0644);
  state->ready_file_written = true;

  logger_.log(LogLevel::Info, "started",
              {{"endpoint", state->endpoint},
               {"data_dir", dir.string()},
               {"subscription_id", state->subscription_id},
               {"version", AZML_VERSION_STRING}});
  state_ = std::move(state);
}

void Host::stop() {
  if (!state_) return;
  auto state = std::move(state_);
  state->server->stop();
  if (state->ready_file_written) {
    std::error_code ec;
    std::filesystem::remove(options_.data_dir / kReadyFileName, ec);
    if (ec) {
      logger_.log(LogLevel::Warn, "ready_file_not_removed",
                  {{"file", (options_.data_dir / kReadyFileName).string()}, {"error", ec.message()}});
    }
  }
  logger_.log(LogLevel::Info, "stopped", {{"endpoint", state->endpoint}});
}

const std::string& Host::endpoint() const {
  static const std::string none;
  return state_ ? state_->endpoint : none;
}

const std::string& Host::subscription_id() const {
  static const std::string none;
  return state_ ? state_->subscription_id : none;
}

}  // namespace azml::host::app
