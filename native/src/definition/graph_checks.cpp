#include "definition/graph_checks.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace azml::definition::detail {

namespace {

const std::string kPackagePath = "properties.package";

// The member as an object, or nullptr when absent, null or of another type (a shape issue
// reported by the walker already).
const json* object_member(const json& parent, const char* name) {
  if (!parent.is_object()) return nullptr;
  auto it = parent.find(name);
  return it != parent.end() && it->is_object() ? &*it : nullptr;
}

const json* array_member(const json& parent, const char* name) {
  if (!parent.is_object()) return nullptr;
  auto it = parent.find(name);
  return it != parent.end() && it->is_array() ? &*it : nullptr;
}

const std::string* string_member(const json& parent, const char* name) {
  if (!parent.is_object()) return nullptr;
  auto it = parent.find(name);
  return it != parent.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

bool has_non_null(const json& parent, const char* name) {
  auto it = parent.find(name);
  return it != parent.end() && !it->is_null();
}

// Whether references into parent[name] can be checked: it is an object, or it is absent (then
// nothing can be referenced) — except in a patch, where an absent collection is the stored one.
// A member of the wrong type is a shape issue already; references into it are not checked.
bool references_checkable(const json& parent, const char* name, Purpose purpose) {
  auto it = parent.find(name);
  if (it == parent.end() || it->is_null()) return purpose != Purpose::Patch;
  return it->is_object();
}

bool has_entry(const json* map, const std::string& key) {
  if (map == nullptr) return false;
  auto it = map->find(key);
  return it != map->end() && !it->is_null();
}

enum class Role { Asset, Input, Output, Unknown };

struct NodeInfo {
  const std::string* id = nullptr;
  Role role = Role::Unknown;
  const json* asset = nullptr;  // Role::Asset with a defined asset
};

struct Adjacent {
  size_t node;
  size_t edge;
};

class GraphChecker {
 public:
  GraphChecker(Purpose purpose, std::vector<Issue>& issues) : purpose_(purpose), issues_(issues) {}

  void run(const json& document) {
    const json* properties = object_member(document, "properties");
    if (properties == nullptr) return;
    const json* package = object_member(*properties, "package");
    if (package == nullptr) return;

    assets_ = object_member(*properties, "assets");
    assets_known_ = references_checkable(*properties, "assets", purpose_);
    if (const json* input = object_member(*properties, "input")) input_tables_ = object_member(*input, "properties");
    if (const json* output = object_member(*properties, "output")) {
      output_tables_ = object_member(*output, "properties");
    }
    nodes_ = object_member(*package, "nodes");
    nodes_known_ = references_checkable(*package, "nodes", purpose_);

    check_nodes();
    if (const json* edges = array_member(*package, "edges")) check_edges(*edges);
    if (const json* graph_parameters = object_member(*package, "graphParameters")) {
      check_graph_parameters(*graph_parameters);
    }
    check_cycles();
  }

 private:
  void issue(std::string path, std::string message) { issues_.push_back({std::move(path), std::move(message)}); }

  void check_nodes() {
    if (nodes_ == nullptr) return;
    node_info_.reserve(nodes_->size());
    for (auto it = nodes_->begin(); it != nodes_->end(); ++it) {
      if (!it->is_object()) continue;  // null: absent; other types: a shape issue already
      NodeInfo info;
      info.id = &it.key();
      auto node_path = [&] { return kPackagePath + ".nodes." + it.key(); };
      std::string roles;
      int role_count = 0;
      for (const char* role : {"assetId", "inputId", "outputId"}) {
        if (!has_non_null(*it, role)) continue;
        roles += role_count++ == 0 ? "" : " and ";
        roles += role;
      }
      if (role_count != 1) {
        issue(node_path(), "a node must have exactly one of assetId, inputId or outputId; it has " +
                             (role_count == 0 ? std::string("none") : roles));
      } else if (const std::string* asset_id = string_member(*it, "assetId")) {
        info.role = Role::Asset;
        if (assets_known_ && !has_entry(assets_, *asset_id)) {
          issue(node_path() + ".assetId", "asset '" + *asset_id + "' is not defined in properties.assets");
        } else if (assets_ != nullptr) {
          info.asset = &assets_->at(*asset_id);
        }
      } else if (const std::string* input_id = string_member(*it, "inputId")) {
        info.role = Role::Input;
        if (input_tables_ != nullptr && !has_entry(input_tables_, *input_id)) {
          issue(node_path() + ".inputId", "input '" + *input_id + "' is not defined in properties.input.properties");
        }
      } else if (const std::string* output_id = string_member(*it, "outputId")) {
        info.role = Role::Output;
        if (output_tables_ != nullptr && !has_entry(output_tables_, *output_id)) {
          issue(node_path() + ".outputId",
                "output '" + *output_id + "' is not defined in properties.output.properties");
        }
      }
      node_index_.emplace(it.key(), node_info_.size());
      node_info_.push_back(info);
    }
    adjacency_.resize(node_info_.size());
  }

  // The node an edge end names, or nullopt after reporting why it cannot be used.
  static std::string edge_path(size_t index) { return kPackagePath + ".edges[" + std::to_string(index) + "]"; }

  std::optional<size_t> edge_end(const json& edge, const char* field, size_t index) {
    if (!has_non_null(edge, field)) {
      issue(edge_path(index) + "." + field, std::string("an edge must name its ") +
                          (std::string(field) == "sourceNodeId" ? "source" : "target") + " node");
      return std::nullopt;
    }
    const std::string* node_id = string_member(edge, field);
    if (node_id == nullptr || !nodes_known_) return std::nullopt;
    auto found = node_index_.find(*node_id);
    if (found == node_index_.end()) {
      issue(edge_path(index) + "." + field, "node '" + *node_id + "' does not exist in properties.package.nodes");
      return std::nullopt;
    }
    return found->second;
  }

  void check_port(const NodeInfo& node, const json& edge, const char* port_field, const char* ports_name,
                  size_t index) {
    if (node.asset == nullptr) return;
    const json* ports = object_member(*node.asset, ports_name);
    const std::string* port = string_member(edge, port_field);
    if (ports == nullptr || port == nullptr || has_entry(ports, *port)) return;
    issue(edge_path(index) + "." + port_field, "the asset of node '" + *node.id + "' has no " +
                                            (std::string(ports_name) == "inputPorts" ? "input" : "output") +
                                            " port '" + *port + "'");
  }

  void check_edges(const json& edges) {
    for (size_t i = 0; i < edges.size(); ++i) {
      const json& edge = edges[i];
      if (!edge.is_object()) continue;
      auto source = edge_end(edge, "sourceNodeId", i);
      auto target = edge_end(edge, "targetNodeId", i);
      if (source) {
        const NodeInfo& node = node_info_[*source];
        if (node.role == Role::Output) {
          issue(edge_path(i) + ".sourceNodeId", "output node '" + *node.id + "' cannot be the source of an edge");
        }
        check_port(node, edge, "sourcePortId", "outputPorts", i);
      }
      if (target) {
        const NodeInfo& node = node_info_[*target];
        if (node.role == Role::Input) {
          issue(edge_path(i) + ".targetNodeId", "input node '" + *node.id + "' cannot be the target of an edge");
        }
        check_port(node, edge, "targetPortId", "inputPorts", i);
      }
      if (source && target) adjacency_[*source].push_back({*target, i});
    }
  }

  void check_graph_parameters(const json& graph_parameters) {
    if (!nodes_known_) return;
    for (auto it = graph_parameters.begin(); it != graph_parameters.end(); ++it) {
      const json* links = array_member(*it, "links");
      if (links == nullptr) continue;
      for (size_t j = 0; j < links->size(); ++j) {
        const std::string* node_id = string_member((*links)[j], "nodeId");
        if (node_id == nullptr || node_index_.count(*node_id) != 0) continue;
        issue(kPackagePath + ".graphParameters." + it.key() + ".links[" + std::to_string(j) + "].nodeId",
              "node '" + *node_id + "' does not exist in properties.package.nodes");
      }
    }
  }

  // Iterative depth-first search with three colours: O(nodes + edges), no recursion. Reports
  // the first edge that closes a cycle, with the cycle it closes.
  void check_cycles() {
    enum : unsigned char { kUnseen, kOnPath, kDone };
    const size_t n = node_info_.size();
    std::vector<unsigned char> state(n, kUnseen);
    std::vector<size_t> position_on_path(n, 0);
    struct Frame {
      size_t node;
      size_t next;  // next adjacency entry to follow
    };
    std::vector<Frame> path;
    for (size_t start = 0; start < n; ++start) {
      if (state[start] != kUnseen) continue;
      path.push_back({start, 0});
      state[start] = kOnPath;
      position_on_path[start] = 0;
      while (!path.empty()) {
        Frame& frame = path.back();
        if (frame.next == adjacency_[frame.node].size()) {
          state[frame.node] = kDone;
          path.pop_back();
          continue;
        }
        const Adjacent next = adjacency_[frame.node][frame.next++];
        if (state[next.node] == kOnPath) {
          report_cycle(path, position_on_path[next.node], next);
          return;
        }
        if (state[next.node] == kUnseen) {
          state[next.node] = kOnPath;
          position_on_path[next.node] = path.size();
          path.push_back({next.node, 0});
        }
      }
    }
  }

  template <typename Path>
  void report_cycle(const Path& path, size_t cycle_start, const Adjacent& closing) {
    const size_t length = path.size() - cycle_start;
    std::string cycle;
    constexpr size_t kShown = 8;
    for (size_t k = cycle_start; k < path.size(); ++k) {
      size_t offset = k - cycle_start;
      if (length > kShown && offset == kShown / 2) {
        cycle += "... (" + std::to_string(length - kShown) + " more) -> ";
        k = path.size() - kShown / 2 - 1;
        continue;
      }
      cycle += *node_info_[path[k].node].id + " -> ";
    }
    cycle += *node_info_[closing.node].id;
    issue(edge_path(closing.edge), "the graph has a cycle: " + cycle);
  }

  Purpose purpose_;
  std::vector<Issue>& issues_;
  const json* assets_ = nullptr;
  bool assets_known_ = true;
  const json* input_tables_ = nullptr;
  const json* output_tables_ = nullptr;
  const json* nodes_ = nullptr;
  bool nodes_known_ = true;
  std::vector<NodeInfo> node_info_;
  std::unordered_map<std::string_view, size_t> node_index_;  // views of the document's keys
  std::vector<std::vector<Adjacent>> adjacency_;
};

}  // namespace

void check_graph(const json& document, Purpose purpose, std::vector<Issue>& issues) {
  GraphChecker(purpose, issues).run(document);
}

}  // namespace azml::definition::detail
