// What the classic endpoint tests share: an azml-host on loopback whose blob store holds the
// trained sample models (tests/pester/data: v1 a boosted tree, v2 a logistic regression, both
// trained on census-sample.csv), RetrainSamplePre published on v1, helpers for the classic routes,
// and census rows to score. The host can be restarted on its data directory.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/blob_client.hpp"
#include "support/host_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_client.hpp"

namespace azml::test {

inline constexpr const char* kModelName = "Retrain Sample [trained model]";
inline constexpr const char* kResourceGroup = "Default-MachineLearning-SouthCentralUS";
inline constexpr const char* kModelsContainer = "models";

class ClassicHost {
 public:
  ClassicHost();
  ~ClassicHost();

  TestClient& client() { return *client_; }
  const HostInfo& info() const { return info_; }
  const std::string& workspace() const { return info_.subscription_id; }

  // Stops the host (SIGTERM, a clean stop) and starts it again on the same data directory and
  // port.
  void restart();

  // The web service RetrainSamplePre (or another name) on a model blob of the host's store.
  TestResponse put_service(const std::string& name, const std::string& model_blob);
  // The classic id of an ARM web service, from the classic list.
  std::string web_service_id(const std::string& name);

  // "/workspaces/{ws}/webservices[/{id}[/endpoints[/{name}]]]".
  std::string web_services_path() const;
  std::string web_service_path(const std::string& id) const;
  std::string endpoint_path(const std::string& id, const std::string& name) const;

  TestResponse add_endpoint(const std::string& id, const std::string& name, const json& body = json::object());
  // The endpoint's JSON (admin token); throws unless 200.
  json endpoint(const std::string& id, const std::string& name);
  // PATCH with the admin token, or with `key` when given.
  TestResponse patch_endpoint(const std::string& id, const std::string& name, const json& body,
                              const std::string& key = "");

  // "{endpoint}/blob/azmlstore/" and "{that}models/{blob}".
  std::string blob_base() const;
  std::string model_url(const std::string& blob) const;
  // A service SAS for a blob of the models container ("?sv=...").
  std::string sas(const std::string& blob, const std::string& permissions, std::chrono::system_clock::time_point expiry) const;
  client::BlobClient& blobs() { return *blobs_; }
  // Everything the running host wrote to its standard output and error.
  std::string log_text() const { return process_->stdout_text() + process_->stderr_text(); }

  // POSTs rows to {api_location}/execute?api-version=2.0&details=true with `key`.
  TestResponse score(const std::string& api_location, const std::string& key, const json& request);

 private:
  void connect();

  std::unique_ptr<TempDir> dir_;
  // The port the host listens on, kept across restarts: the models' blob URLs name it.
  std::string port_;
  std::unique_ptr<HostProcess> process_;
  HostInfo info_;
  std::unique_ptr<TestClient> client_;
  std::unique_ptr<client::BlobClient> blobs_;
};

// {"Inputs":{"input1":{"ColumnNames":["age","workclass","hours-per-week"],"Values":[...]}}} with
// the first `rows` rows of census-sample.csv (values as strings, the income label left out).
json census_request(size_t rows);

// {"Resources":[{"Name","Location":{"BaseLocation","RelativeLocation"[,"SasBlobToken"]}}]}.
json resource_patch(const std::string& base, const std::string& relative, const std::string& sas = "",
                    const std::string& name = kModelName);

// The bytes of a file of tests/pester/data.
std::string sample_file(const std::string& name);

}  // namespace azml::test
