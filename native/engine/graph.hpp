// The graph compiler and executor for a web service definition's package.
//
// compile() takes the WebServiceProperties (camelCase as the definition module emits them;
// PascalCase keys are accepted too) and resolves everything a request would otherwise have
// to: nodes to assets to modules (by "aml://module/<slug>" uri, else by the asset's name),
// ports from edges, node parameters with the graph and web service parameters linked to them,
// and every Resource asset (trained models, datasets) through the caller's loader. What it
// returns is immutable: executing it loads nothing, and any number of threads may execute it
// at once. The host compiles a new revision off to the side and swaps the pointer.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "engine/modules/module.hpp"
#include "engine/rrs_table.hpp"
#include "engine/run_context.hpp"
#include "engine/table.hpp"

namespace azml::engine {

// Returns the bytes at a Resource asset's locationInfo.uri (a blob, an https URL, a file);
// throws azml::Error when it cannot. Called only while compiling.
using ResourceLoader = std::function<std::string(const std::string& uri)>;

struct CompileOptions {
  ModelOptions model;  // XGBoost threads per prediction (default 1)
  const ModuleRegistry* registry = nullptr;  // nullptr: ModuleRegistry::builtin()
};

class CompiledGraph;

// Throws azml::Error(Invalid) naming the node, the module and the reason, e.g.
// "node4: module 'Execute R Script' is not implemented by azml", "node2: trained model
// 'x [trained model]' (https://...): checksum mismatch: the file is corrupt",
// "edge 3 (node1 -> node3): module 'Score Model' has no input port 'Data'; its input ports
// are 'Trained model', 'Dataset'".
std::shared_ptr<const CompiledGraph> compile_graph(const json& web_service_properties, const ResourceLoader& loader,
                                                   const CompileOptions& options = {});

class CompiledGraph {
 public:
  struct GraphInput {
    std::string name;        // "input1"
    std::string node_id;
    std::optional<TableSchema> schema;  // from the service's "input" specification, when given
  };
  struct GraphOutput {
    std::string name;  // "output1"
    std::string node_id;
  };

  const std::vector<GraphInput>& inputs() const noexcept { return inputs_; }
  const std::vector<GraphOutput>& outputs() const noexcept { return outputs_; }
  // The declared columns of an input, or nullptr (no schema, or no such input).
  const TableSchema* input_schema(const std::string& input_name) const;
  // Global parameters a request may set, by their graph parameter names.
  std::vector<std::string> global_parameter_names() const;

  // Runs the graph. Every input must be given; global parameters override the linked node
  // parameters (matched case-insensitively; an unknown name is an error). Returns every
  // output by name: a table, or a trained model for a retraining graph. Errors name the node
  // and module that failed.
  std::map<std::string, Value> execute(const std::map<std::string, Table>& inputs,
                                       const std::map<std::string, std::string>& global_parameters = {}) const;
  // The same, taking the input tables over rather than copying them: what a request that has
  // no further use for its tables calls.
  std::map<std::string, Value> execute(std::map<std::string, Table>&& inputs,
                                       const std::map<std::string, std::string>& global_parameters = {}) const;
  // The same, with the run's context (run_context.hpp) installed on this thread while it runs:
  // a set cancellation flag stops it between nodes and between boosting rounds with
  // azml::Error(Cancelled); Import Data fetches through the context's fetcher.
  std::map<std::string, Value> execute(const std::map<std::string, Table>& inputs,
                                       const std::map<std::string, std::string>& global_parameters,
                                       const RunContext& context) const;

  // The resolved graph, built by compile_graph (graph_compiler.cpp).
  struct Link {
    size_t source = 0;          // node index
    std::string source_port;    // canonical port name; empty for input and resource nodes
    std::string target_port;    // canonical port name; empty for output nodes
  };
  struct Node {
    enum class Kind { Input, Output, Module, Resource };
    std::string id;
    Kind kind = Kind::Module;
    std::string label;                           // "node3 (Score Model)"
    std::string name;                            // input/output name
    const Module* module = nullptr;
    Parameters parameters;                       // as the node gives them
    std::shared_ptr<const Operation> operation;  // configured with the defaults; null when a global parameter has none
    Value resource;                              // Resource nodes
    std::vector<Link> incoming;
    bool needed = false;                         // feeds an output
  };
  struct GlobalParameter {
    std::string name;
    std::optional<std::string> default_value;
    std::vector<std::pair<size_t, std::string>> links;  // node index, canonical parameter name
  };

  // In execution (topological) order: for callers that read a graph's shape
  // (engine/scoring_plan.hpp).
  const std::vector<Node>& nodes() const noexcept { return nodes_; }

 private:
  friend class GraphBuilder;
  std::shared_ptr<const Operation> operation_for(const Node& node, const std::map<std::string, std::string>* overrides) const;
  std::map<std::string, Value> execute_shared(const std::map<std::string, std::shared_ptr<const Table>>& inputs,
                                              const std::map<std::string, std::string>& global_parameters) const;

  std::vector<Node> nodes_;  // in execution (topological) order
  std::vector<GraphInput> inputs_;
  std::vector<GraphOutput> outputs_;
  std::vector<GlobalParameter> global_parameters_;
};

}  // namespace azml::engine
