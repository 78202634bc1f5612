#include "job_test_support.hpp"

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "client/cpprest_transport.hpp"

namespace azml::test {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Generous: a job on a loaded machine may take long. Only a hang gets near it.
constexpr auto kDeadline = std::chrono::minutes(5);

}  // namespace

json training_service() {
  json service = json::parse(read_file(std::string(AZML_EXAMPLES_DIR) + "/training-service.json"));
  service["properties"]["keys"] = {{"primary", kTrainingPrimaryKey}, {"secondary", kTrainingSecondaryKey}};
  return service;
}

json edited_training_service(const std::function<void(json& properties)>& edit) {
  json service = training_service();
  edit(service["properties"]);
  return service;
}

const std::string& breast_cancer_csv() {
  static const std::string text = read_file(std::string(AZML_TEST_DATA_DIR) + "/breast_cancer.csv");
  return text;
}

std::string breast_cancer_rows(size_t rows, bool with_label) {
  std::istringstream in(breast_cancer_csv());
  std::string line;
  std::string out;
  for (size_t i = 0; i <= rows && std::getline(in, line); ++i) {
    if (!with_label) line = line.substr(0, line.rfind(','));
    out += line + "\n";
  }
  return out;
}

std::string generated_training_csv(size_t rows, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::string out;
  for (int f = 1; f <= 20; ++f) out += "f" + std::to_string(f) + ",";
  out += "label\n";
  char number[32];
  for (size_t r = 0; r < rows; ++r) {
    double score = 0;
    for (int f = 1; f <= 20; ++f) {
      const double value = normal(random);
      score += value * (f % 3 == 0 ? 0.8 : (f % 3 == 1 ? -0.5 : 0.1));
      std::snprintf(number, sizeof number, "%.5f,", value);
      out += number;
    }
    out += (score + normal(random) > 0 ? "yes\n" : "no\n");
  }
  return out;
}

JobHost::JobHost(const std::filesystem::path& data_dir, const std::vector<std::string>& arguments,
                 const std::filesystem::path& log_dir) {
  process_ = std::make_unique<HostProcess>(AZML_HOST_EXECUTABLE, data_dir, arguments, log_dir);
  connect();
}

JobHost::JobHost(const std::vector<std::string>& arguments) : own_dir_(std::make_unique<TempDir>("azml-jobs-test")) {
  process_ = std::make_unique<HostProcess>(AZML_HOST_EXECUTABLE, own_dir_->path() / "data", arguments,
                                           own_dir_->path() / "logs");
  connect();
}

void JobHost::connect() {
  info_ = process_->wait_until_ready();
  client_ = std::make_unique<TestClient>(info_.endpoint, info_.admin_token);
}

std::string JobHost::connection_string() {
  if (connection_string_.empty()) {
    TestResponse keys = client_->post("/subscriptions/" + info_.subscription_id +
                                      "/resourceGroups/azml/providers/Microsoft.Storage/storageAccounts/azmlstore/"
                                      "listKeys?api-version=2021-09-01");
    if (keys.status != 200) throw std::runtime_error("listKeys of the storage account answered " + keys.body);
    const std::string key = keys.json_body()["keys"][0]["value"].get<std::string>();
    connection_string_ = "DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=" + key +
                         ";BlobEndpoint=" + info_.endpoint + "/blob/azmlstore";
  }
  return connection_string_;
}

client::BlobClient& JobHost::blobs() {
  if (!blobs_) {
    blobs_ = std::make_unique<client::BlobClient>(client::StorageConnection::parse(connection_string()),
                                                  std::make_shared<client::CpprestTransport>());
  }
  return *blobs_;
}

void JobHost::upload(const std::string& container, const std::string& blob, const std::string& data) {
  blobs().ensure_container(container);
  blobs().put_blob(container, blob, data, "text/csv");
}

json JobHost::reference(const std::string& container, const std::string& blob) {
  return json{{"ConnectionString", connection_string()}, {"RelativeLocation", container + "/" + blob}};
}

std::string JobHost::deploy(const std::string& name, const json& service) {
  const std::string path = "/subscriptions/" + info_.subscription_id + "/resourceGroups/rg/providers/"
                           "Microsoft.MachineLearning/webServices/" + name + "?api-version=2017-01-01";
  TestResponse put = client_->put(path, service);
  if (put.status != 200 && put.status != 201) throw std::runtime_error("PUT " + name + " answered " + put.body);
  json got = client_->get(path).json_body();
  const json& properties = got["properties"];
  if (properties.value("provisioningState", "") != "Succeeded") {
    throw std::runtime_error("web service " + name + " did not provision: " + properties.dump());
  }
  std::string location = properties["swaggerLocation"].get<std::string>();
  const std::string suffix = "/swagger.json";
  if (location.size() < suffix.size() || location.compare(location.size() - suffix.size(), suffix.size(), suffix) != 0) {
    throw std::runtime_error("unexpected swaggerLocation " + location);
  }
  return location.substr(0, location.size() - suffix.size());
}

TestResponse JobHost::bes(const std::string& method, const std::string& api_location, const std::string& path,
                          const std::optional<json>& body, const std::string& key, const std::string& query) {
  TestRequest request(method, api_location + path + (query.empty() ? "" : "?" + query));
  if (body) request.body = body->is_string() ? body->get<std::string>() : body->dump();
  request.authorization = key.empty() ? std::string() : "Bearer " + key;
  return client_->send(request);
}

std::string JobHost::submit(const std::string& api_location, const json& request) {
  TestResponse response = bes("POST", api_location, "/jobs", request);
  if (response.status != 200) throw std::runtime_error("submit answered " + std::to_string(response.status) + ": " + response.body);
  json id = response.json_body();
  if (!id.is_string()) throw std::runtime_error("submit did not answer a JSON string: " + response.body);
  return id.get<std::string>();
}

void JobHost::start(const std::string& api_location, const std::string& job_id) {
  TestResponse response = bes("POST", api_location, "/jobs/" + job_id + "/start");
  if (response.status != 200) throw std::runtime_error("start answered " + std::to_string(response.status) + ": " + response.body);
}

json JobHost::status(const std::string& api_location, const std::string& job_id) {
  TestResponse response = bes("GET", api_location, "/jobs/" + job_id);
  if (response.status != 200) throw std::runtime_error("status answered " + std::to_string(response.status) + ": " + response.body);
  return response.json_body();
}

void JobHost::cancel(const std::string& api_location, const std::string& job_id) {
  TestResponse response = bes("DELETE", api_location, "/jobs/" + job_id);
  if (response.status != 200) throw std::runtime_error("cancel answered " + std::to_string(response.status) + ": " + response.body);
}

json JobHost::wait_until_ended(const std::string& api_location, const std::string& job_id) {
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  for (;;) {
    json body = status(api_location, job_id);
    const std::string code = body["StatusCode"].get<std::string>();
    if (code == "Finished" || code == "Failed" || code == "Cancelled") return body;
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("job " + job_id + " never ended: " + body.dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void JobHost::wait_for_log(const std::string& event, const std::string& job_id) {
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  const std::string needle = "event=" + event + " job_id=" + job_id;
  while (process_->stderr_text().find(needle) == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the host never logged '" + needle + "':\n" + process_->stderr_text());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::pair<int, std::string> get_url(const std::string& url) {
  client::CpprestTransport transport;
  http::Request request;
  request.method = "GET";
  request.url = url;
  http::Response response = transport.send(request);
  return {response.status, response.body};
}

std::string result_url(const json& location) {
  return location["BaseLocation"].get<std::string>() + location["RelativeLocation"].get<std::string>() +
         location["SasBlobToken"].get<std::string>();
}

}  // namespace azml::test
