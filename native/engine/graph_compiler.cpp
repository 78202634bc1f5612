// compile_graph: from a definition's package to an immutable, loaded CompiledGraph.
#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/csv.hpp"
#include "engine/graph.hpp"
#include "engine/ilearner.hpp"
#include "engine/json_lookup.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, message); }

std::string optional_string(const json& object, std::string_view key) {
  const json* value = find_member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

// A parameter value as text: 2017 {"value": ...} objects, 2016 plain strings, and numbers
// or booleans, which hand-written definitions use.
std::string parameter_text(const json& value, const std::string& where) {
  const json* inner = &value;
  if (value.is_object()) {
    const json* thumbprint = find_member(value, "certificateThumbprint");
    if (thumbprint && thumbprint->is_string() && !thumbprint->get<std::string>().empty()) {
      invalid(where + " is encrypted (it has a certificateThumbprint); azml cannot decrypt Azure's values, give it in "
                      "clear");
    }
    inner = find_member(value, "value");
    if (!inner) return std::string();
  }
  switch (inner->type()) {
    case json::value_t::null: return std::string();
    case json::value_t::string: return inner->get<std::string>();
    case json::value_t::boolean: return format_boolean(inner->get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return format_number(inner->get<double>());
    default: return inner->dump();  // a column picker given as a JSON object
  }
}

bool has_extension(const std::string& uri, std::initializer_list<const char*> extensions) {
  std::string lower = to_lower(uri);
  auto query = lower.find_first_of("?#");
  if (query != std::string::npos) lower.resize(query);
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ends_with(lower, e); });
}

}  // namespace

// Builds a CompiledGraph; a friend of it.
class GraphBuilder {
 public:
  using Node = CompiledGraph::Node;

  GraphBuilder(const json& properties, const ResourceLoader& loader, const CompileOptions& options)
      : properties_(properties),
        loader_(loader),
        options_(options),
        registry_(options.registry ? *options.registry : ModuleRegistry::builtin()) {}

  std::shared_ptr<const CompiledGraph> build() {
    const json* package = find_member(properties_, "package");
    if (!package || !package->is_object()) invalid("the definition has no graph package (properties.package)");
    const json* nodes = find_member(*package, "nodes");
    if (!nodes || !nodes->is_object() || nodes->empty()) invalid("the graph package has no nodes");
    for (auto it = nodes->begin(); it != nodes->end(); ++it) add_node(it.key(), it.value());

    const json* edges = find_member(*package, "edges");
    if (edges && !edges->is_null()) {
      if (!edges->is_array()) invalid("the graph package's edges must be an array");
      for (size_t i = 0; i < edges->size(); ++i) add_edge(i, (*edges)[i]);
    }
    check_connections();
    const json* graph_parameters = find_member(*package, "graphParameters");
    if (graph_parameters && graph_parameters->is_object()) {
      for (auto it = graph_parameters->begin(); it != graph_parameters->end(); ++it) {
        add_global_parameter(it.key(), it.value());
      }
    }
    configure_modules();
    return finish();
  }

 private:
  // --- nodes ---

  void add_node(const std::string& id, const json& spec) {
    if (!spec.is_object()) invalid(id + ": a node must be an object");
    Node node;
    node.id = id;
    const std::string asset_id = optional_string(spec, "assetId");
    const std::string input_id = optional_string(spec, "inputId");
    const std::string output_id = optional_string(spec, "outputId");
    const int given = !asset_id.empty() + !input_id.empty() + !output_id.empty();
    if (given != 1) invalid(id + ": a node needs exactly one of assetId, inputId and outputId");
    if (const json* parameters = find_member(spec, "parameters"); parameters && parameters->is_object()) {
      for (auto it = parameters->begin(); it != parameters->end(); ++it) {
        node.parameters.set(it.key(), parameter_text(it.value(), id + ": parameter '" + it.key() + "'"));
      }
    }
    if (!input_id.empty()) {
      node.kind = Node::Kind::Input;
      node.name = input_id;
      node.label = id + " (input '" + input_id + "')";
      check_declared("input", input_id, id);
    } else if (!output_id.empty()) {
      node.kind = Node::Kind::Output;
      node.name = output_id;
      node.label = id + " (output '" + output_id + "')";
      check_declared("output", output_id, id);
    } else {
      resolve_asset(node, asset_id);
    }
    for (const auto& other : nodes_) {
      if (node.kind == other.kind && !node.name.empty() && iequals(node.name, other.name)) {
        invalid(id + ": " + (node.kind == Node::Kind::Input ? "input '" : "output '") + node.name +
                "' already has node " + other.id);
      }
    }
    nodes_.push_back(std::move(node));
  }

  // An input or output node must name one the service declares, when it declares any.
  void check_declared(const char* which, const std::string& name, const std::string& node_id) {
    const json* spec = find_member(properties_, which);
    const json* declared = spec ? find_member(*spec, "properties") : nullptr;
    if (!declared || !declared->is_object()) return;
    if (!find_member(*declared, name)) {
      std::vector<std::string> names;
      for (auto it = declared->begin(); it != declared->end(); ++it) names.push_back(it.key());
      invalid(node_id + ": " + which + " '" + name + "' is not declared in the service's " + which + " (it declares " +
              quote_names(names) + ")");
    }
  }

  void resolve_asset(Node& node, const std::string& asset_id) {
    const json* assets = find_member(properties_, "assets");
    const json* asset = assets ? find_member(*assets, asset_id) : nullptr;
    if (!asset || !asset->is_object()) invalid(node.id + ": asset '" + asset_id + "' is not in the definition's assets");
    const std::string name = optional_string(*asset, "name");
    const std::string type = optional_string(*asset, "type");
    const json* location = find_member(*asset, "locationInfo");
    const std::string uri = location ? optional_string(*location, "uri") : std::string();
    if (iequals(type, "Resource")) {
      node.kind = Node::Kind::Resource;
      load_resource(node, name, uri);
      return;
    }
    if (!iequals(type, "Module")) {
      invalid(node.id + ": asset '" + asset_id + "' has type '" + type + "'; expected Module or Resource");
    }
    node.kind = Node::Kind::Module;
    const Module* by_uri = registry_.find_by_uri(uri);
    const Module* by_name = registry_.find_by_name(name);
    if (by_uri && by_name && by_uri != by_name) {
      invalid(node.id + ": asset '" + asset_id + "' is named '" + name + "' but its uri " + uri + " is module '" +
              by_uri->info().name + "'");
    }
    node.module = by_uri ? by_uri : by_name;
    if (!node.module) {
      invalid(node.id + ": module '" + (name.empty() ? uri : name) + "' is not implemented by azml");
    }
    node.label = node.id + " (" + node.module->info().name + ")";
  }

  void load_resource(Node& node, const std::string& name, const std::string& uri) {
    const bool dataset = has_extension(uri, {".csv", ".tsv", ".tab"});
    const std::string what = (dataset ? "dataset '" : "trained model '") + name + "'";
    node.label = node.id + " (" + what + ")";
    if (uri.empty()) invalid(node.id + ": " + what + " has no locationInfo.uri");
    auto cached = loaded_.find(uri);
    if (cached != loaded_.end()) {
      node.resource = cached->second;
      return;
    }
    try {
      std::string bytes = loader_(uri);
      if (dataset) {
        node.resource = Value(read_csv(bytes, CsvReadOptions{delimiter_for_path(uri)}));
      } else {
        node.resource = Value(read_ilearner(bytes, options_.model));
      }
    } catch (const Error& e) {
      throw Error(e.code() == ErrorCode::NotFound ? ErrorCode::Invalid : e.code(),
                  node.id + ": " + what + " (" + uri + "): " + e.what());
    } catch (const std::exception& e) {
      invalid(node.id + ": " + what + " (" + uri + "): " + e.what());
    }
    loaded_.emplace(uri, node.resource);
  }

  // --- edges ---

  size_t node_index(const std::string& id, const std::string& where) const {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].id == id) return i;
    }
    invalid(where + ": node '" + id + "' does not exist");
  }

  PortKind source_kind(const Node& source, const std::string& port) const {
    switch (source.kind) {
      case Node::Kind::Input: return PortKind::Dataset;
      case Node::Kind::Resource: return source.resource.kind();
      case Node::Kind::Module: return source.module->info().output(port)->kind;
      case Node::Kind::Output: break;
    }
    return PortKind::Dataset;
  }

  void add_edge(size_t index, const json& edge) {
    std::string where = "edge " + std::to_string(index + 1);
    if (!edge.is_object()) invalid(where + " must be an object");
    const std::string source_id = optional_string(edge, "sourceNodeId");
    const std::string target_id = optional_string(edge, "targetNodeId");
    if (source_id.empty() || target_id.empty()) invalid(where + " needs sourceNodeId and targetNodeId");
    where += " (" + source_id + " -> " + target_id + ")";
    const size_t source = node_index(source_id, where);
    const size_t target = node_index(target_id, where);
    const Node& from = nodes_[source];
    Node& to = nodes_[target];

    CompiledGraph::Link link;
    link.source = source;
    const std::string source_port = optional_string(edge, "sourcePortId");
    if (from.kind == Node::Kind::Output) invalid(where + ": an output node cannot be the source of an edge");
    if (from.kind == Node::Kind::Module) {
      const PortSpec* port = from.module->info().output(source_port);
      if (!port) invalid(where + ": module '" + from.module->info().name + "' has no output port '" + source_port +
                         "'; its output ports are " + port_names(from.module->info().outputs));
      link.source_port = port->name;
    }
    const std::string target_port = optional_string(edge, "targetPortId");
    PortKind produced = source_kind(from, link.source_port);
    switch (to.kind) {
      case Node::Kind::Input: invalid(where + ": an input node cannot be the target of an edge");
      case Node::Kind::Resource: invalid(where + ": a resource node cannot be the target of an edge");
      case Node::Kind::Output:
        if (!to.incoming.empty()) invalid(where + ": output '" + to.name + "' already has an incoming edge");
        break;
      case Node::Kind::Module: {
        const PortSpec* port = to.module->info().input(target_port);
        if (!port) invalid(where + ": module '" + to.module->info().name + "' has no input port '" + target_port +
                           "'; its input ports are " + port_names(to.module->info().inputs));
        for (const auto& existing : to.incoming) {
          if (existing.target_port == port->name) {
            invalid(where + ": input port '" + port->name + "' of " + to.label + " already has an incoming edge");
          }
        }
        if (port->kind != produced) {
          invalid(where + ": input port '" + port->name + "' of " + to.label + " takes a " + to_string(port->kind) +
                  ", but " + from.label + " gives a " + to_string(produced));
        }
        link.target_port = port->name;
        break;
      }
    }
    to.incoming.push_back(std::move(link));
  }

  static std::string port_names(const std::vector<PortSpec>& ports) {
    std::vector<std::string> names;
    for (const auto& port : ports) names.push_back(port.name);
    return quote_names(names);
  }

  void check_connections() const {
    bool any_output = false;
    for (const auto& node : nodes_) {
      if (node.kind == Node::Kind::Output) {
        any_output = true;
        if (node.incoming.empty()) invalid(node.label + ": no edge leads to this output");
      }
      if (node.kind != Node::Kind::Module) continue;
      for (const auto& port : node.module->info().inputs) {
        bool connected = std::any_of(node.incoming.begin(), node.incoming.end(),
                                     [&](const CompiledGraph::Link& l) { return l.target_port == port.name; });
        if (!connected && !port.optional) invalid(node.label + ": input port '" + port.name + "' is not connected");
      }
    }
    if (!any_output) invalid("the graph has no output node");
  }

  // --- global parameters ---

  void add_global_parameter(const std::string& name, const json& spec) {
    CompiledGraph::GlobalParameter parameter;
    parameter.name = name;
    const json* links = find_member(spec, "links");
    if (!links || !links->is_array() || links->empty()) invalid("graph parameter '" + name + "' has no links");
    for (const auto& link : *links) {
      const std::string node_id = optional_string(link, "nodeId");
      const std::string key = optional_string(link, "parameterKey");
      const std::string where = "graph parameter '" + name + "'";
      const size_t index = node_index(node_id, where);
      const Node& node = nodes_[index];
      if (node.kind != Node::Kind::Module) invalid(where + ": " + node.label + " is not a module");
      const ParameterSpec* target = nullptr;
      for (const auto& candidate : node.module->info().parameters) {
        bool match = iequals(candidate.name, key);
        for (const auto& alias : candidate.aliases) match = match || iequals(alias, key);
        if (match) target = &candidate;
      }
      if (!target) invalid(where + ": module '" + node.module->info().name + "' of " + node.id + " has no parameter '" + key + "'");
      parameter.links.emplace_back(index, target->name);
      if (!parameter.default_value) {
        if (auto own = node.parameters.find(key)) parameter.default_value = own;
      }
    }
    // The web service's parameters give the defaults, ahead of the nodes' own values.
    const json* service_parameters = find_member(properties_, "parameters");
    if (const json* given = service_parameters ? find_member(*service_parameters, name) : nullptr) {
      if (!given->is_null()) parameter.default_value = parameter_text(*given, "web service parameter '" + name + "'");
    }
    global_parameters_.push_back(std::move(parameter));
  }

  void configure_modules() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& node = nodes_[i];
      if (node.kind != Node::Kind::Module) continue;
      Parameters parameters = node.parameters;
      bool complete = true;
      for (const auto& global : global_parameters_) {
        for (const auto& [index, key] : global.links) {
          if (index != i) continue;
          if (global.default_value) {
            parameters.set(key, *global.default_value);
          } else {
            complete = false;
          }
        }
      }
      try {
        if (complete) {
          node.operation = configure_module(*node.module, parameters);
        } else {
          // Checks the parameter names now; the values wait for the request.
          Parameters names_only;
          for (const auto& [name, value] : parameters.items()) names_only.set(name, value);
          std::vector<ParameterSpec> optional_specs = node.module->info().parameters;
          for (auto& spec : optional_specs) spec.default_value = spec.default_value.value_or("");
          names_only.resolved(optional_specs, "module '" + node.module->info().name + "'");
        }
      } catch (const Error& e) {
        throw Error(e.code(), node.id + ": " + e.what());
      }
    }
  }

  // --- order ---

  std::shared_ptr<const CompiledGraph> finish() {
    // Kahn's algorithm, taking ready nodes in definition order so execution order is stable.
    const size_t n = nodes_.size();
    std::vector<size_t> pending(n, 0);
    std::vector<std::vector<size_t>> consumers(n);
    for (size_t i = 0; i < n; ++i) {
      for (const auto& link : nodes_[i].incoming) {
        ++pending[i];
        consumers[link.source].push_back(i);
      }
    }
    std::vector<size_t> order;
    std::vector<bool> placed(n, false);
    while (order.size() < n) {
      bool progressed = false;
      for (size_t i = 0; i < n; ++i) {
        if (placed[i] || pending[i] != 0) continue;
        placed[i] = true;
        order.push_back(i);
        for (size_t consumer : consumers[i]) --pending[consumer];
        progressed = true;
      }
      if (!progressed) {
        std::vector<std::string> stuck;
        for (size_t i = 0; i < n; ++i) {
          if (!placed[i]) stuck.push_back(nodes_[i].id);
        }
        invalid("the graph has a cycle through " + quote_names(stuck));
      }
    }
    // Which nodes feed an output: walk back from the outputs.
    std::vector<bool> needed(n, false);
    std::vector<size_t> stack;
    for (size_t i = 0; i < n; ++i) {
      if (nodes_[i].kind == Node::Kind::Output) stack.push_back(i);
    }
    while (!stack.empty()) {
      size_t i = stack.back();
      stack.pop_back();
      if (needed[i]) continue;
      needed[i] = true;
      for (const auto& link : nodes_[i].incoming) stack.push_back(link.source);
    }

    auto graph = std::shared_ptr<CompiledGraph>(new CompiledGraph());
    std::vector<size_t> position(n);
    for (size_t k = 0; k < n; ++k) position[order[k]] = k;
    for (size_t k = 0; k < n; ++k) {
      Node node = std::move(nodes_[order[k]]);
      node.needed = needed[order[k]];
      for (auto& link : node.incoming) link.source = position[link.source];
      if (node.kind == Node::Kind::Input) {
        CompiledGraph::GraphInput input{node.name, node.id, std::nullopt};
        if (const json* spec = find_member(properties_, "input")) {
          if (const json* declared = find_member(*spec, "properties")) {
            if (const json* table = find_member(*declared, node.name)) input.schema = schema_from_specification(*table);
          }
        }
        graph->inputs_.push_back(std::move(input));
      }
      if (node.kind == Node::Kind::Output) graph->outputs_.push_back({node.name, node.id});
      graph->nodes_.push_back(std::move(node));
    }
    for (auto& global : global_parameters_) {
      for (auto& link : global.links) link.first = position[link.first];
    }
    graph->global_parameters_ = std::move(global_parameters_);
    return graph;
  }

  const json& properties_;
  const ResourceLoader& loader_;
  const CompileOptions& options_;
  const ModuleRegistry& registry_;
  std::vector<Node> nodes_;  // in definition order until finish()
  std::vector<CompiledGraph::GlobalParameter> global_parameters_;
  std::map<std::string, Value> loaded_;  // resources by uri, each loaded once
};

std::shared_ptr<const CompiledGraph> compile_graph(const json& web_service_properties, const ResourceLoader& loader,
                                                   const CompileOptions& options) {
  // A whole WebService resource is accepted too: its "properties" are what matters.
  const json* properties = &web_service_properties;
  if (!find_member(web_service_properties, "package")) {
    if (const json* inner = find_member(web_service_properties, "properties"); inner && inner->is_object()) {
      properties = inner;
    }
  }
  if (!properties->is_object()) invalid("the web service definition must be a JSON object");
  if (!loader) invalid("compile_graph needs a resource loader");
  return GraphBuilder(*properties, loader, options).build();
}

}  // namespace azml::engine
