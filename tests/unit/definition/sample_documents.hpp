// Documents shared by the definition test files.
#pragma once

#include <string>
#include <vector>

#include "common/json.hpp"
#include "definition/definition.hpp"

namespace azml::definition::test {

// A complete, valid PUT body (Purpose::Create): two assets (the second declares its ports), an
// input and an output table, a four-node graph input -> asset1 -> asset2 -> output, a graph
// parameter and a global parameter.
inline json good_web_service() {
  return json::parse(R"({
    "location": "South Central US",
    "tags": {"env": "test"},
    "properties": {
      "title": "Income prediction",
      "description": "A web service used by the tests",
      "readOnly": false,
      "exposeSampleData": true,
      "keys": {"primary": "p-key", "secondary": "s-key"},
      "storageAccount": {"name": "account", "key": "storage-key"},
      "realtimeConfiguration": {"maxConcurrentCalls": 20},
      "diagnostics": {"level": "None", "expiry": "2030-01-01T00:00:00Z"},
      "machineLearningWorkspace": {"id": "8b841df9d60a4d54bcebd4948b10a5db"},
      "packageType": "Graph",
      "assets": {
        "asset1": {"name": "Import Data", "type": "Module",
                   "locationInfo": {"uri": "aml://module/import", "credentials": ""}},
        "asset2": {"name": "Score Model", "type": "Module",
                   "locationInfo": {"uri": "aml://module/score"},
                   "inputPorts": {"Dataset": {"type": "Dataset"}},
                   "outputPorts": {"Scored dataset": {"type": "Dataset"}},
                   "metadata": {"kind": "scorer"},
                   "parameters": [{"name": "Mode", "parameterType": "Mode",
                                   "modeValuesInfo": {"Fast": {"interfaceString": "fast",
                                     "parameters": [{"name": "Depth", "parameterType": "Int"}]}}}]}
      },
      "parameters": {"Account Key": {"value": "secret", "certificateThumbprint": ""}},
      "input": {"title": "", "description": "", "type": "object", "properties": {
        "input1": {"title": "", "description": "", "type": "object", "properties": {
          "age": {"type": "Integer", "format": "Int32", "x-ms-isnullable": true},
          "workclass": {"type": "String", "format": "", "x-ms-isnullable": false}}}}},
      "output": {"type": "object", "properties": {
        "output1": {"type": "object", "properties": {
          "Scored Labels": {"type": "Number", "format": "Double"}}}}},
      "exampleRequest": {"inputs": {"input1": [[39, "State-gov"], [50, null]]},
                         "globalParameters": {"Account Key": "secret"}},
      "package": {
        "nodes": {
          "node1": {"inputId": "input1"},
          "node2": {"assetId": "asset1", "parameters": {"R Script": {"value": "x <- 1", "certificateThumbprint": ""}}},
          "node3": {"assetId": "asset2"},
          "node4": {"outputId": "output1"}
        },
        "edges": [
          {"sourceNodeId": "node1", "targetNodeId": "node2", "targetPortId": "Dataset1"},
          {"sourceNodeId": "node2", "sourcePortId": "Results dataset", "targetNodeId": "node3", "targetPortId": "Dataset"},
          {"sourceNodeId": "node3", "sourcePortId": "Scored dataset", "targetNodeId": "node4"}
        ],
        "graphParameters": {
          "gp": {"description": "the script", "type": "Script",
                 "links": [{"nodeId": "node2", "parameterKey": "R Script"}]}
        }
      }
    }
  })");
}

inline std::vector<std::string> issue_paths(const std::vector<Issue>& issues) {
  std::vector<std::string> paths;
  for (const auto& issue : issues) paths.push_back(issue.path);
  return paths;
}

inline std::string describe(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& issue : issues) out += "\n  " + issue.path + ": " + issue.message;
  return out.empty() ? " (none)" : out;
}

// A copy of a normalised document without what export drops: read-only fields and null members.
inline json without_read_only_and_nulls(const json& document) {
  json out = document;
  for (const char* field : {"id", "name", "type"}) out.erase(field);
  if (out.contains("properties") && out["properties"].is_object()) {
    for (const char* field : {"createdOn", "modifiedOn", "provisioningState", "swaggerLocation"}) {
      out["properties"].erase(field);
    }
  }
  // Null members at any depth (not null array items).
  std::vector<json*> pending{&out};
  while (!pending.empty()) {
    json* value = pending.back();
    pending.pop_back();
    if (value->is_object()) {
      for (auto it = value->begin(); it != value->end();) {
        if (it->is_null()) {
          it = value->erase(it);
        } else {
          pending.push_back(&*it);
          ++it;
        }
      }
    } else if (value->is_array()) {
      for (auto& item : *value) pending.push_back(&item);
    }
  }
  return out;
}

}  // namespace azml::definition::test
