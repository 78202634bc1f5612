// CompiledGraph::execute: runs the needed nodes in order on one request's inputs.
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/graph.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, message); }

}  // namespace

const TableSchema* CompiledGraph::input_schema(const std::string& input_name) const {
  for (const auto& input : inputs_) {
    if (input.name == input_name && input.schema) return &*input.schema;
  }
  return nullptr;
}

std::vector<std::string> CompiledGraph::global_parameter_names() const {
  std::vector<std::string> names;
  for (const auto& parameter : global_parameters_) names.push_back(parameter.name);
  return names;
}

std::shared_ptr<const Operation> CompiledGraph::operation_for(
    const Node& node, const std::map<std::string, std::string>* overrides) const {
  if (!overrides) return node.operation;
  Parameters parameters = node.parameters;
  for (const auto& [name, value] : *overrides) parameters.set(name, value);
  try {
    return configure_module(*node.module, parameters);
  } catch (const Error& e) {
    throw Error(e.code(), node.label + ": " + e.what());
  }
}

std::map<std::string, Value> CompiledGraph::execute(const std::map<std::string, Table>& inputs,
                                                    const std::map<std::string, std::string>& global_parameters) const {
  std::map<std::string, std::shared_ptr<const Table>> shared;
  for (const auto& [name, table] : inputs) shared.emplace(name, std::make_shared<const Table>(table));
  return execute_shared(shared, global_parameters);
}

std::map<std::string, Value> CompiledGraph::execute(std::map<std::string, Table>&& inputs,
                                                    const std::map<std::string, std::string>& global_parameters) const {
  std::map<std::string, std::shared_ptr<const Table>> shared;
  for (auto& [name, table] : inputs) shared.emplace(name, std::make_shared<const Table>(std::move(table)));
  return execute_shared(shared, global_parameters);
}

std::map<std::string, Value> CompiledGraph::execute_shared(
    const std::map<std::string, std::shared_ptr<const Table>>& inputs,
    const std::map<std::string, std::string>& global_parameters) const {
  // Global parameters: every name must be one of the graph's; each linked node gets the
  // request's value, or the default, and is configured again when the request sets one.
  std::vector<const std::string*> given(global_parameters_.size(), nullptr);
  for (const auto& [name, value] : global_parameters) {
    bool known = false;
    for (size_t g = 0; g < global_parameters_.size(); ++g) {
      if (iequals(global_parameters_[g].name, name)) {
        given[g] = &value;
        known = true;
      }
    }
    if (!known) {
      invalid("unknown global parameter '" + name + "'; " +
              (global_parameters_.empty() ? std::string("this service has none")
                                          : "this service's are " + quote_names(global_parameter_names())));
    }
  }
  std::map<size_t, std::map<std::string, std::string>> node_overrides;
  for (size_t g = 0; g < global_parameters_.size(); ++g) {
    const GlobalParameter& parameter = global_parameters_[g];
    const std::string* value = given[g] ? given[g] : (parameter.default_value ? &*parameter.default_value : nullptr);
    if (!value) invalid("the global parameter '" + parameter.name + "' is required");
    for (const auto& [index, key] : parameter.links) {
      if (given[g] || !nodes_[index].operation) node_overrides[index][key] = *value;
    }
  }
  // Nodes configured again keep the defaults of their other linked parameters.
  for (auto& [index, values] : node_overrides) {
    for (size_t g = 0; g < global_parameters_.size(); ++g) {
      const GlobalParameter& parameter = global_parameters_[g];
      for (const auto& [linked, key] : parameter.links) {
        if (linked != index || values.count(key)) continue;
        const std::string* value = given[g] ? given[g] : (parameter.default_value ? &*parameter.default_value : nullptr);
        if (value) values[key] = *value;
      }
    }
  }

  for (const auto& [name, table] : inputs) {
    bool known = false;
    for (const auto& input : inputs_) known = known || input.name == name;
    if (!known) {
      std::vector<std::string> names;
      for (const auto& input : inputs_) names.push_back(input.name);
      invalid("unknown input '" + name + "'; this service's inputs are " + quote_names(names));
    }
  }

  std::vector<PortValues> produced(nodes_.size());
  std::map<std::string, Value> results;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& node = nodes_[i];
    if (!node.needed) continue;
    switch (node.kind) {
      case Node::Kind::Input: {
        auto it = inputs.find(node.name);
        if (it == inputs.end()) invalid("the input '" + node.name + "' is required");
        produced[i].emplace("", Value(it->second));
        break;
      }
      case Node::Kind::Resource: produced[i].emplace("", node.resource); break;
      case Node::Kind::Output: {
        const Link& link = node.incoming.front();
        results[node.name] = produced[link.source].at(link.source_port);
        break;
      }
      case Node::Kind::Module: {
        throw_if_cancelled();
        PortValues arguments;
        for (const auto& link : node.incoming) {
          auto value = produced[link.source].find(link.source_port);
          if (value == produced[link.source].end()) {
            throw Error(ErrorCode::Generic, node.label + ": " + nodes_[link.source].label + " produced nothing on port '" +
                                                link.source_port + "'");
          }
          arguments.emplace(link.target_port, value->second);
        }
        auto overrides = node_overrides.find(i);
        auto operation = operation_for(node, overrides == node_overrides.end() ? nullptr : &overrides->second);
        try {
          produced[i] = operation->run(arguments);
        } catch (const Error& e) {
          throw Error(e.code(), node.label + ": " + e.what());
        } catch (const std::exception& e) {
          throw Error(ErrorCode::Generic, node.label + ": " + e.what());
        }
        break;
      }
    }
  }
  return results;
}

std::map<std::string, Value> CompiledGraph::execute(const std::map<std::string, Table>& inputs,
                                                    const std::map<std::string, std::string>& global_parameters,
                                                    const RunContext& context) const {
  RunContextScope scope(context);
  return execute(inputs, global_parameters);
}

}  // namespace azml::engine
