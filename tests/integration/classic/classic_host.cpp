#include "classic_host.hpp"

#include <csignal>
#include <sstream>
#include <stdexcept>

#include "../../unit/client/loopback_http_server.hpp"
#include "client/cpprest_transport.hpp"

namespace azml::test {

namespace {

std::string sample_path(const std::string& name) { return std::string(AZML_TEST_SAMPLE_DATA_DIR) + "/" + name; }

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(field);
  return fields;
}

}  // namespace

std::string sample_file(const std::string& name) { return read_text_file(sample_path(name)); }

ClassicHost::ClassicHost()
    : dir_(std::make_unique<TempDir>("azml-classic-test")),
      port_(std::to_string(LoopbackHttpServer::unused_port())) {
  process_ = std::make_unique<HostProcess>(AZML_HOST_EXECUTABLE, dir_->path() / "data",
                                           std::vector<std::string>{"--port", port_}, dir_->path() / "logs");
  connect();
  blobs_->ensure_container(kModelsContainer);
  blobs_->put_blob(kModelsContainer, "v1.ilearner", sample_file("retrain-sample-v1.ilearner"));
  blobs_->put_blob(kModelsContainer, "v2.ilearner", sample_file("retrain-sample-v2.ilearner"));
  // Not a model: the census data under a model's name.
  blobs_->put_blob(kModelsContainer, "census.ilearner", sample_file("census-sample.csv"));
}

ClassicHost::~ClassicHost() = default;

void ClassicHost::connect() {
  info_ = process_->wait_until_ready();
  client_ = std::make_unique<TestClient>(info_.endpoint, info_.admin_token);
  const std::string accounts =
      "/subscriptions/" + info_.subscription_id + "/resourceGroups/azml/providers/Microsoft.Storage/storageAccounts";
  auto keys = client_->send(TestRequest("POST", accounts + "/azmlstore/listKeys?api-version=2019-06-01"));
  if (keys.status != 200) throw std::runtime_error("listKeys answered " + std::to_string(keys.status) + ": " + keys.body);
  const std::string key = keys.json_body().at("keys").at(0).at("value").get<std::string>();
  blobs_ = std::make_unique<client::BlobClient>(
      client::StorageConnection::parse("DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=" + key +
                                       ";BlobEndpoint=" + info_.endpoint + "/blob/azmlstore"),
      std::make_shared<client::CpprestTransport>());
}

void ClassicHost::restart() {
  const int code = process_->stop(SIGTERM);
  if (code != 0) throw std::runtime_error("the host stopped with exit code " + std::to_string(code));
  process_.reset();
  process_ = std::make_unique<HostProcess>(AZML_HOST_EXECUTABLE, dir_->path() / "data",
                                           std::vector<std::string>{"--port", port_}, dir_->path() / "logs-restarted");
  connect();
}

TestResponse ClassicHost::put_service(const std::string& name, const std::string& model_blob) {
  json service = json::parse(sample_file("RetrainSamplePre.json"));
  service["properties"]["assets"]["asset3"]["locationInfo"]["uri"] = model_url(model_blob);
  return client_->put("/subscriptions/" + info_.subscription_id + "/resourceGroups/" + kResourceGroup +
                          "/providers/Microsoft.MachineLearning/webServices/" + name + "?api-version=2017-01-01",
                      service);
}

std::string ClassicHost::web_service_id(const std::string& name) {
  auto listed = client_->get(web_services_path());
  if (listed.status != 200) throw std::runtime_error("the classic list answered " + listed.body);
  for (const auto& service : listed.json_body()) {
    if (service.at("Name") == name) return service.at("Id").get<std::string>();
  }
  throw std::runtime_error("no classic web service named " + name + " in " + listed.body);
}

std::string ClassicHost::web_services_path() const { return "/workspaces/" + info_.subscription_id + "/webservices"; }

std::string ClassicHost::web_service_path(const std::string& id) const { return web_services_path() + "/" + id; }

std::string ClassicHost::endpoint_path(const std::string& id, const std::string& name) const {
  return web_service_path(id) + "/endpoints/" + name;
}

TestResponse ClassicHost::add_endpoint(const std::string& id, const std::string& name, const json& body) {
  return client_->put(endpoint_path(id, name), body);
}

json ClassicHost::endpoint(const std::string& id, const std::string& name) {
  auto got = client_->get(endpoint_path(id, name));
  if (got.status != 200) throw std::runtime_error("GET endpoint " + name + " answered " + got.body);
  return got.json_body();
}

TestResponse ClassicHost::patch_endpoint(const std::string& id, const std::string& name, const json& body,
                                         const std::string& key) {
  TestRequest request("PATCH", endpoint_path(id, name));
  request.body = body.dump();
  if (!key.empty()) request.authorization = "Bearer " + key;
  return client_->send(request);
}

std::string ClassicHost::blob_base() const { return info_.endpoint + "/blob/azmlstore/"; }

std::string ClassicHost::model_url(const std::string& blob) const {
  return blob_base() + kModelsContainer + "/" + blob;
}

std::string ClassicHost::sas(const std::string& blob, const std::string& permissions,
                             std::chrono::system_clock::time_point expiry) const {
  return blobs_->blob_sas(kModelsContainer, blob, permissions, expiry);
}

TestResponse ClassicHost::score(const std::string& api_location, const std::string& key, const json& request) {
  TestRequest call("POST", api_location + "/execute?api-version=2.0&details=true");
  call.body = request.dump();
  call.authorization = "Bearer " + key;
  return client_->send(call);
}

json census_request(size_t rows) {
  std::stringstream lines(sample_file("census-sample.csv"));
  std::string line;
  std::getline(lines, line);  // age,workclass,hours-per-week,income
  json values = json::array();
  while (values.size() < rows && std::getline(lines, line)) {
    auto fields = split_csv_line(line);
    if (fields.size() < 3) continue;
    values.push_back(json::array({fields[0], fields[1], fields[2]}));
  }
  return json{{"Inputs", {{"input1", {{"ColumnNames", {"age", "workclass", "hours-per-week"}}, {"Values", values}}}}},
              {"GlobalParameters", json::object()}};
}

json resource_patch(const std::string& base, const std::string& relative, const std::string& sas,
                    const std::string& name) {
  json location = {{"BaseLocation", base}, {"RelativeLocation", relative}};
  if (!sas.empty()) location["SasBlobToken"] = sas;
  return json{{"Resources", json::array({{{"Name", name}, {"Location", location}}})}};
}

}  // namespace azml::test
