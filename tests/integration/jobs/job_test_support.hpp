// What the batch job tests share: a host with the shipped retraining service on it, its storage
// account (through libazml's BlobClient, the real client), BES calls over HTTP, and data sets
// made from tests/data/breast_cancer.csv.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/blob_client.hpp"
#include "support/host_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_client.hpp"

namespace azml::test {

inline constexpr const char* kTrainingPrimaryKey = "training-primary-key";
inline constexpr const char* kTrainingSecondaryKey = "training-secondary-key";
inline constexpr const char* kDataContainer = "retraining";

// module/Examples/breast-cancer/training-service.json with the keys above.
json training_service();
// The same service with a different graph: its package, assets and input/output replaced by
// what edit() makes of them.
json edited_training_service(const std::function<void(json& properties)>& edit);

// tests/data/breast_cancer.csv, whole.
const std::string& breast_cancer_csv();
// Rows made to order: the header and the first `rows` data rows, optionally without the label.
std::string breast_cancer_rows(size_t rows, bool with_label = true);
// A CSV with `rows` rows of 20 numeric features and a binary label "label", from a fixed seed:
// big enough that training it takes a while.
std::string generated_training_csv(size_t rows, unsigned seed = 7);

// A host on a data directory the test owns, so that it can be stopped and started again.
class JobHost {
 public:
  // Starts azml-host on `data_dir` (created when missing) with the arguments.
  JobHost(const std::filesystem::path& data_dir, const std::vector<std::string>& arguments,
          const std::filesystem::path& log_dir);
  // Starts one on a fresh directory of its own.
  explicit JobHost(const std::vector<std::string>& arguments = {});

  const HostInfo& info() const { return info_; }
  TestClient& client() { return *client_; }
  HostProcess& process() { return *process_; }

  // The host's storage account.
  std::string connection_string();
  client::BlobClient& blobs();
  void upload(const std::string& container, const std::string& blob, const std::string& data);
  // {"ConnectionString": <the account's>, "RelativeLocation": "container/blob"}.
  json reference(const std::string& container, const std::string& blob);

  // PUTs the service as resource group "rg" and returns its API location
  // (".../subscriptions/{workspace}/services/{id}") from its swaggerLocation; fails the test
  // when it does not provision.
  std::string deploy(const std::string& name, const json& service);

  // A BES call: method, the API location, what follows it ("/jobs", "/jobs/{id}/start"), the
  // body, and the key ("": no Authorization header). api-version=2.0 unless query says else.
  TestResponse bes(const std::string& method, const std::string& api_location, const std::string& path,
                   const std::optional<json>& body = std::nullopt, const std::string& key = kTrainingPrimaryKey,
                   const std::string& query = "api-version=2.0");
  // Submit (expecting 200 and a JSON string), start, status, cancel.
  std::string submit(const std::string& api_location, const json& request);
  void start(const std::string& api_location, const std::string& job_id);
  json status(const std::string& api_location, const std::string& job_id);
  void cancel(const std::string& api_location, const std::string& job_id);
  // Polls the status until it is Finished, Failed or Cancelled and returns it. A generous
  // deadline guards against a hung job so that a bug fails the test instead of stalling the
  // suite; it asserts nothing about speed.
  json wait_until_ended(const std::string& api_location, const std::string& job_id);
  // Waits until the host's log says `event` for the job (job_started, job_cancelled, ...).
  void wait_for_log(const std::string& event, const std::string& job_id);

 private:
  void connect();

  std::unique_ptr<TempDir> own_dir_;
  std::unique_ptr<HostProcess> process_;
  HostInfo info_;
  std::unique_ptr<TestClient> client_;
  std::string connection_string_;
  std::unique_ptr<client::BlobClient> blobs_;
};

// GETs an absolute URL without credentials (a result's BaseLocation + RelativeLocation +
// SasBlobToken): status and body.
std::pair<int, std::string> get_url(const std::string& url);

// A result location's full URL.
std::string result_url(const json& location);

}  // namespace azml::test
