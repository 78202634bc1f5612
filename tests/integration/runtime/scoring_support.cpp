#include "scoring_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/csv.hpp"
#include "engine/graph.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"

namespace azml::test {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const engine::Table& breast_cancer() {
  static const engine::Table table = engine::read_csv_file(std::string(AZML_TEST_DATA_DIR) + "/breast_cancer.csv");
  return table;
}

std::string trained(const engine::LearnerDefinition& learner, engine::Parameters parameters) {
  auto model = engine::train(engine::UntrainedModel(learner, std::move(parameters)), breast_cancer(), "diagnosis");
  return engine::write_ilearner(*model);
}

const char* reason_of(int status) {
  switch (status) {
    case 200: return "OK";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Status";
  }
}

}  // namespace

const std::string& boosted_tree_model() {
  static const std::string bytes =
      trained(engine::two_class_boosted_decision_tree(), engine::Parameters({{"Number of trees constructed", "40"}}));
  return bytes;
}

const std::string& logistic_model() {
  static const std::string bytes = trained(engine::two_class_logistic_regression(), engine::Parameters());
  return bytes;
}

std::unique_ptr<LoopbackHttpServer> serve_bytes(const std::string& body, int status) {
  std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason_of(status) +
                         "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  return std::make_unique<LoopbackHttpServer>(std::move(response));
}

json predictive_service(const std::string& model_uri, int max_calls) {
  json service = json::parse(read_file(std::string(AZML_EXAMPLES_DIR) + "/predictive-service.json"));
  json& properties = service["properties"];
  properties["assets"]["asset1"]["locationInfo"]["uri"] = model_uri;
  properties["keys"] = {{"primary", kPrimaryKey}, {"secondary", kSecondaryKey}};
  properties["realtimeConfiguration"]["maxConcurrentCalls"] = max_calls;
  return service;
}

engine::Table breast_cancer_rows(size_t rows) {
  std::vector<size_t> indices;
  for (size_t row = 0; row < rows; ++row) indices.push_back(row % breast_cancer().row_count());
  engine::Table table = breast_cancer().take_rows(indices);
  table.remove_columns({table.index_of("diagnosis")});
  return table;
}

json table_request(size_t rows) {
  const engine::Table table = breast_cancer_rows(rows);
  json values = json::array();
  for (size_t row = 0; row < table.row_count(); ++row) {
    json values_of_row = json::array();
    for (const auto& column : table.columns()) values_of_row.push_back(column.number(row));
    values.push_back(std::move(values_of_row));
  }
  return json{{"Inputs", {{"input1", {{"ColumnNames", table.column_names()}, {"Values", std::move(values)}}}}},
              {"GlobalParameters", json::object()}};
}

json swagger_request(size_t rows) {
  const engine::Table table = breast_cancer_rows(rows);
  json objects = json::array();
  for (size_t row = 0; row < table.row_count(); ++row) {
    json object = json::object();
    for (const auto& column : table.columns()) object[column.name()] = column.number(row);
    objects.push_back(std::move(object));
  }
  return json{{"Inputs", {{"input1", std::move(objects)}}}, {"GlobalParameters", json::object()}};
}

json expected_values(const std::string& model, size_t rows) {
  // The host's computation, done here by the engine: the same definition, the same model, the
  // same request body read the same way.
  const json service = predictive_service("https://models.test/model.ilearner");
  auto graph = engine::compile_graph(service.at("properties"), [&](const std::string&) { return model; });
  const json request = table_request(rows);
  engine::Table input =
      engine::table_from_rrs(request["Inputs"]["input1"], "input1", graph->input_schema("input1"));
  return engine::table_to_rrs(graph->execute({{"input1", input}}).at("output1").table()).at("Values");
}

ScoringHost::ScoringHost(const std::vector<std::string>& arguments) : host_(AZML_HOST_EXECUTABLE, arguments) {}

TestResponse ScoringHost::put_service(const std::string& name, const json& service) {
  return client().put(service_path(name), service);
}

TestResponse ScoringHost::patch_service(const std::string& name, const json& patch) {
  return client().patch(service_path(name), patch);
}

json ScoringHost::model_patch(const std::string& model_uri) {
  // PATCH replaces "assets" whole, so the patch carries all of them.
  json service = predictive_service(model_uri);
  return json{{"properties", {{"assets", service["properties"]["assets"]}}}};
}

std::string ScoringHost::service_url(const std::string& name) {
  TestResponse got = client().get(service_path(name));
  if (got.status != 200) throw std::runtime_error("GET " + name + " answered " + std::to_string(got.status) + ": " + got.body);
  std::string swagger = got.json_body()["properties"]["swaggerLocation"].get<std::string>();
  const std::string suffix = "/swagger.json";
  if (swagger.size() < suffix.size() || swagger.compare(swagger.size() - suffix.size(), suffix.size(), suffix) != 0) {
    throw std::runtime_error("unexpected swaggerLocation " + swagger);
  }
  return swagger.substr(0, swagger.size() - suffix.size());
}

TestResponse ScoringHost::execute(const std::string& service_url, const json& body, const std::string& query,
                                  const std::string& key) {
  TestRequest request("POST", service_url + "/execute?api-version=2.0" + query);
  request.body = body.dump();
  request.authorization = key.empty() ? std::string() : "Bearer " + key;
  return client().send(request);
}

json operation_of(TestClient& client, const TestResponse& response) {
  auto url = response.header("azure-asyncoperation");
  if (!url) throw std::runtime_error("the response has no Azure-AsyncOperation header: " + response.body);
  return client.get(*url).json_body();
}

}  // namespace azml::test
