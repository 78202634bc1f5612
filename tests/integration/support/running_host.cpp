#include "support/running_host.hpp"

namespace azml::test {

RunningHost::RunningHost(const std::string& executable, const std::vector<std::string>& arguments,
                         const std::string& ca_file)
    : dir_(std::make_unique<TempDir>("azml-host-test")) {
  process_ = std::make_unique<HostProcess>(executable, data_dir(), arguments, dir_->path() / "logs");
  info_ = process_->wait_until_ready();
  client_ = std::make_unique<TestClient>(info_.endpoint, info_.admin_token, ca_file);
}

std::string web_service_path(const std::string& subscription, const std::string& group, const std::string& name,
                             const std::string& api_version) {
  return "/subscriptions/" + subscription + "/resourceGroups/" + group +
         "/providers/Microsoft.MachineLearning/webServices/" + name + "?api-version=" + api_version;
}

std::string RunningHost::web_service_path(const std::string& group, const std::string& name,
                                          const std::string& api_version) const {
  return test::web_service_path(info_.subscription_id, group, name, api_version);
}

std::string RunningHost::group_list_path(const std::string& group, const std::string& api_version) const {
  return "/subscriptions/" + info_.subscription_id + "/resourceGroups/" + group +
         "/providers/Microsoft.MachineLearning/webServices?api-version=" + api_version;
}

std::string RunningHost::subscription_list_path(const std::string& api_version) const {
  return "/subscriptions/" + info_.subscription_id +
         "/providers/Microsoft.MachineLearning/webServices?api-version=" + api_version;
}

json minimal_web_service(const std::string& title, const std::string& location) {
  json service = json::parse(R"({
    "location": "",
    "tags": {"team": "tests"},
    "properties": {
      "title": "",
      "description": "a web service made by the integration tests",
      "readOnly": false,
      "exposeSampleData": true,
      "storageAccount": {"name": "teststorage", "key": "storage-secret-key"},
      "realtimeConfiguration": {"maxConcurrentCalls": 4},
      "diagnostics": {"level": "None"},
      "machineLearningWorkspace": {"id": "0123456789abcdef0123456789abcdef"},
      "packageType": "Graph",
      "assets": {
        "asset1": {"name": "Select Columns in Dataset", "type": "Module",
                   "locationInfo": {"uri": "aml://module/select-columns", "credentials": ""}}
      },
      "parameters": {},
      "input": {"title": "", "description": "", "type": "object",
        "properties": {"input1": {"title": "", "description": "", "type": "object",
          "properties": {"age": {"type": "Integer", "format": "Int32", "x-ms-isnullable": false}}}}},
      "output": {"title": "", "description": "", "type": "object",
        "properties": {"output1": {"title": "", "description": "", "type": "object",
          "properties": {"score": {"type": "Number", "format": "Double", "x-ms-isnullable": true}}}}},
      "package": {
        "nodes": {
          "node1": {"assetId": "asset1", "parameters": {"Select columns": {"value": "age"}}},
          "node2": {"inputId": "input1"},
          "node3": {"outputId": "output1"}
        },
        "edges": [
          {"sourceNodeId": "node2", "targetNodeId": "node1", "targetPortId": "Dataset"},
          {"sourceNodeId": "node1", "sourcePortId": "Results dataset", "targetNodeId": "node3"}
        ],
        "graphParameters": {}
      }
    }
  })");
  service["location"] = location;
  service["properties"]["title"] = title;
  return service;
}

}  // namespace azml::test
