// The error a failed provisioning records in the async operation and in the web service.
// The engine's messages start with the node they are about ("node4: module 'Execute R Script'
// is not implemented by azml"); the details repeat that node with its asset's module name, so
// a client can point at the part of the graph to fix without parsing text.
#include <optional>
#include <string>

#include "domain/provisioner.hpp"

namespace azml::host::domain {

namespace {

struct NodeAsset {
  std::string node_id;
  std::string asset_name;  // the module's name for a Module asset
  std::string asset_type;  // "Module" | "Resource"
};

// The node a message starts with ("node4: ..."), when it is a node of the package.
std::optional<NodeAsset> node_named_by(const json& properties, const std::string& message) {
  const auto colon = message.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  const std::string node_id = message.substr(0, colon);
  const json* package = json_member(properties, "package");
  const json* nodes = package ? json_member(*package, "nodes") : nullptr;
  const json* node = nodes ? json_member(*nodes, node_id.c_str()) : nullptr;
  if (!node) return std::nullopt;
  NodeAsset found{node_id, "", ""};
  const std::string asset_id = json_string_member(*node, "assetId");
  const json* assets = json_member(properties, "assets");
  const json* asset = assets && !asset_id.empty() ? json_member(*assets, asset_id.c_str()) : nullptr;
  if (asset) {
    found.asset_name = json_string_member(*asset, "name");
    found.asset_type = json_string_member(*asset, "type");
  }
  return found;
}

bool contains(const std::string& text, const char* fragment) { return text.find(fragment) != std::string::npos; }

// A stable code for what went wrong, for scripts that branch on it.
std::string detail_code(const NodeAsset* node, const std::string& message) {
  if (node && node->asset_type == "Resource") {
    return contains(message, "not a usable .ilearner file") ? "InvalidTrainedModel" : "ResourceNotAvailable";
  }
  if (contains(message, "is not implemented by azml")) return "ModuleNotSupported";
  return "InvalidGraph";
}

}  // namespace

json provisioning_error_of(const WebServiceRecord& record, const Error& error) {
  const std::string reason = error.what();
  const auto node = node_named_by(record.properties, reason);

  std::string detail_message = reason;
  if (node) {
    std::string where = "node '" + node->node_id + "'";
    if (!node->asset_name.empty()) {
      where += node->asset_type == "Resource" ? " (resource '" + node->asset_name + "')"
                                              : " (module '" + node->asset_name + "')";
    }
    detail_message = where + reason.substr(node->node_id.size());
  }
  json detail = {{"code", detail_code(node ? &*node : nullptr, reason)}, {"message", detail_message}};
  if (node) detail["target"] = node->node_id;

  return json{{"code", "ProvisioningFailed"},
              {"message", "Web service '" + record.key.name + "' cannot run, so it was not provisioned: " + detail_message},
              {"details", json::array({std::move(detail)})}};
}

}  // namespace azml::host::domain
