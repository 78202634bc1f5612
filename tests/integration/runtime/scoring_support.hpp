// What the runtime tests share: two trained models with outputs that tell them apart, HTTP
// servers that hand them (or something else) to the host, the shipped predictive service
// pointed at them, breast cancer rows in both RRS forms, and a host with helpers to score.
#pragma once

#include <memory>
#include <string>

#include "../../unit/client/loopback_http_server.hpp"
#include "engine/table.hpp"
#include "support/running_host.hpp"

namespace azml::test {

// .ilearner files trained on tests/data/breast_cancer.csv: a boosted decision tree and a
// logistic regression. Both classify well and their probabilities differ on every row.
const std::string& boosted_tree_model();
const std::string& logistic_model();

// A server on 127.0.0.1 answering every GET with `body` and `status` (one per connection).
std::unique_ptr<LoopbackHttpServer> serve_bytes(const std::string& body, int status = 200);

// module/Examples/breast-cancer/predictive-service.json with its trained model at model_uri, keys set to
// kPrimaryKey/kSecondaryKey and at most max_calls concurrent calls.
json predictive_service(const std::string& model_uri, int max_calls = 20);
inline constexpr const char* kPrimaryKey = "scoring-primary-key";
inline constexpr const char* kSecondaryKey = "scoring-secondary-key";
inline constexpr const char* kWorkspaceId = "local";  // the example's machineLearningWorkspace.id

// The first `rows` rows of the data set without the label, as an engine table and as the
// bodies of the two RRS forms.
engine::Table breast_cancer_rows(size_t rows);
json table_request(size_t rows);
json swagger_request(size_t rows);

// What the host must answer for table_request(rows) under a model: the Values of the
// predictive service's output (Scored Labels, Scored Probabilities), scored here by the engine.
json expected_values(const std::string& model, size_t rows);

// A running host with a scoring service on it.
class ScoringHost {
 public:
  explicit ScoringHost(const std::vector<std::string>& arguments = {});

  RunningHost& host() { return host_; }
  TestClient& client() { return host_.client(); }
  std::string service_path(const std::string& name) const { return host_.web_service_path("rg", name); }

  // PUT and PATCH; the responses as the host gave them.
  TestResponse put_service(const std::string& name, const json& service);
  TestResponse patch_service(const std::string& name, const json& patch);
  // {"properties":{"assets":{...}}} with asset1 (the trained model) at model_uri: the patch of
  // the retraining workflow.
  static json model_patch(const std::string& model_uri);

  // ".../services/{id}" of a service, from the swaggerLocation its GET reports.
  std::string service_url(const std::string& name);
  // POSTs body to {service_url}/execute?api-version=2.0{query} with the key given ("": none).
  TestResponse execute(const std::string& service_url, const json& body, const std::string& query = "",
                       const std::string& key = kPrimaryKey);

 private:
  RunningHost host_;
};

// The async operation an ARM response's Azure-AsyncOperation header names.
json operation_of(TestClient& client, const TestResponse& response);

}  // namespace azml::test
