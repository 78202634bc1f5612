#include "jobs/batch_request.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::jobs {

namespace {

[[noreturn]] void invalid(const std::string& target, const std::string& message) {
  throw Error(ErrorCode::Invalid, "BadArgument", message).with_target(target);
}

const json* member(const json& object, const char* name) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (iequals(it.key(), name)) return &*it;
  }
  return nullptr;
}

std::string quoted_list(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

// The service's spelling of a name given in any case; throws naming what the service has.
const std::string& known_name(const std::vector<std::string>& names, const std::string& given, const char* kind,
                              const std::string& target) {
  for (const auto& name : names) {
    if (iequals(name, given)) return name;
  }
  invalid(target, std::string("the web service has no ") + kind + " '" + given + "'; its " + kind + "s: " +
                      quoted_list(names));
}

std::map<std::string, BlobReference> references(const json& object, const char* member_name,
                                                const std::vector<std::string>& names, const char* kind) {
  std::map<std::string, BlobReference> out;
  if (object.is_null()) return out;
  if (!object.is_object()) invalid(member_name, std::string(member_name) + " must be an object of " + kind + " names");
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string where = std::string(member_name) + "." + it.key();
    const std::string& name = known_name(names, it.key(), kind, where);
    if (out.count(name)) invalid(where, std::string(kind) + " '" + name + "' is given twice");
    out.emplace(name, BlobReference::parse(*it, where));
  }
  return out;
}

std::string parameter_text(const json& value, const std::string& where) {
  switch (value.type()) {
    case json::value_t::string: return value.get<std::string>();
    case json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return value.dump();
    default: invalid(where, where + " must be a string (or a number or boolean)");
  }
}

}  // namespace

ServiceShape ServiceShape::of(const engine::CompiledGraph& graph) {
  ServiceShape shape;
  for (const auto& input : graph.inputs()) shape.inputs.push_back(input.name);
  for (const auto& output : graph.outputs()) shape.outputs.push_back(output.name);
  shape.global_parameters = graph.global_parameter_names();
  return shape;
}

BatchRequest BatchRequest::parse(const json& body, const ServiceShape& shape) {
  if (!body.is_object()) invalid("", "the job request must be a JSON object with Inputs, Outputs and GlobalParameters");
  for (auto it = body.begin(); it != body.end(); ++it) {
    static const char* const known[] = {"Inputs", "Input", "Outputs", "GlobalParameters"};
    if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return iequals(k, it.key()); })) {
      invalid(it.key(), "the job request has an unknown member '" + it.key() +
                            "'; it takes Inputs (or Input), Outputs and GlobalParameters");
    }
  }
  BatchRequest request;
  const json* inputs = member(body, "Inputs");
  const json* single = member(body, "Input");
  if (inputs && single && !inputs->is_null() && !single->is_null()) {
    invalid("Input", "give either Inputs or the older single Input, not both");
  }
  if (inputs) request.inputs = references(*inputs, "Inputs", shape.inputs, "input");
  if (single && !single->is_null()) {
    if (shape.inputs.size() != 1) {
      invalid("Input", "the single Input form needs a web service with exactly one input; this one has " +
                           quoted_list(shape.inputs) + ": use Inputs");
    }
    request.inputs.emplace(shape.inputs.front(), BlobReference::parse(*single, "Input"));
  }
  if (const json* outputs = member(body, "Outputs")) {
    request.outputs = references(*outputs, "Outputs", shape.outputs, "output");
  }
  if (const json* parameters = member(body, "GlobalParameters"); parameters && !parameters->is_null()) {
    if (!parameters->is_object()) invalid("GlobalParameters", "GlobalParameters must be an object of names and values");
    for (auto it = parameters->begin(); it != parameters->end(); ++it) {
      const std::string where = "GlobalParameters." + it.key();
      const std::string& name = known_name(shape.global_parameters, it.key(), "global parameter", where);
      request.global_parameters[name] = parameter_text(*it, where);
    }
  }
  for (const auto& input : shape.inputs) {
    if (!request.inputs.count(input)) {
      invalid("Inputs." + input, "the web service's input '" + input +
                                     "' needs a blob: give Inputs." + input + " as {ConnectionString, RelativeLocation}");
    }
  }
  return request;
}

json BatchRequest::to_json() const {
  json out = {{"Inputs", json::object()}, {"Outputs", json::object()}, {"GlobalParameters", json::object()}};
  for (const auto& [name, reference] : inputs) out["Inputs"][name] = reference.to_json();
  for (const auto& [name, reference] : outputs) out["Outputs"][name] = reference.to_json();
  for (const auto& [name, value] : global_parameters) out["GlobalParameters"][name] = value;
  return out;
}

BatchRequest BatchRequest::from_json(const json& stored) {
  BatchRequest request;
  for (auto it = stored.at("Inputs").begin(); it != stored.at("Inputs").end(); ++it) {
    request.inputs.emplace(it.key(), BlobReference::parse(*it, "Inputs." + it.key()));
  }
  for (auto it = stored.at("Outputs").begin(); it != stored.at("Outputs").end(); ++it) {
    request.outputs.emplace(it.key(), BlobReference::parse(*it, "Outputs." + it.key()));
  }
  for (auto it = stored.at("GlobalParameters").begin(); it != stored.at("GlobalParameters").end(); ++it) {
    request.global_parameters.emplace(it.key(), it->get<std::string>());
  }
  return request;
}

}  // namespace azml::host::jobs
