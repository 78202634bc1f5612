#include "runtime/rrs_exchange.hpp"

#include <vector>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::runtime {

namespace {

// The one api-version of the classic runtime APIs (contract §4.1).
constexpr const char* kRrsApiVersion = "2.0";

[[noreturn]] void bad_argument(const std::string& detail_code, const std::string& message, const std::string& target) {
  throw Error(ErrorCode::Invalid, "BadArgument", message).add_detail({detail_code, message, target}).with_target(target);
}

// Members are found by their exact name first, then case-insensitively: Json.NET clients
// bind "inputs" and "Inputs" alike.
const json* find_member(const json& object, const std::string& name) {
  auto exact = object.find(name);
  if (exact != object.end()) return &*exact;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (iequals(it.key(), name)) return &it.value();
  }
  return nullptr;
}

std::string input_names(const engine::CompiledGraph& graph) {
  std::vector<std::string> names;
  for (const auto& input : graph.inputs()) names.push_back(input.name);
  return names.empty() ? std::string("none") : engine::quote_names(names);
}

size_t row_count(const json& input, RrsFormat format) {
  if (format == RrsFormat::Swagger) return input.is_array() ? input.size() : 0;
  if (!input.is_object()) return 0;
  const json* values = find_member(input, "Values");
  return values && values->is_array() ? values->size() : 0;
}

engine::Table read_input(const json& input, const engine::CompiledGraph::GraphInput& spec, RrsFormat format,
                         size_t max_rows) {
  const size_t rows = row_count(input, format);
  if (rows > max_rows) {
    bad_argument("BatchSizeExceeded",
                 "input '" + spec.name + "' has " + std::to_string(rows) + " rows; a request-response call takes at most " +
                     std::to_string(max_rows) + " (use the batch execution service for more)",
                 spec.name);
  }
  const engine::TableSchema* schema = spec.schema ? &*spec.schema : nullptr;
  try {
    return format == RrsFormat::Swagger ? engine::table_from_rrs_rows(input, spec.name, schema)
                                        : engine::table_from_rrs(input, spec.name, schema);
  } catch (const Error& error) {
    if (error.code() != ErrorCode::Invalid) throw;
    bad_argument("InputParseError", error.what(), spec.name);
  }
}

std::string parameter_text(const std::string& name, const json& value) {
  switch (value.type()) {
    case json::value_t::string: return value.get<std::string>();
    case json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return value.dump();
    default:
      bad_argument("InvalidGlobalParameter",
                   "GlobalParameters." + name + " must be a string, a number or a boolean, not " + value.type_name(),
                   "GlobalParameters." + name);
  }
}

}  // namespace

RrsOptions rrs_options_of(const Query& query) {
  RrsOptions options;
  const auto version = query.get("api-version");
  if (!version || trim(*version) != kRrsApiVersion) {
    throw Error(ErrorCode::Invalid, "InvalidApiVersion",
                std::string(version ? "The api-version '" + *version + "' is not supported" : "The api-version query parameter is required") +
                    "; the request-response service takes api-version=" + kRrsApiVersion + ".")
        .with_target("api-version");
  }
  if (auto details = query.get("details")) {
    if (iequals(*details, "true")) {
      options.details = true;
    } else if (!iequals(*details, "false")) {
      throw Error(ErrorCode::Invalid, "BadArgument", "details must be true or false, not '" + *details + "'.")
          .with_target("details");
    }
  }
  if (auto format = query.get("format")) {
    if (iequals(*format, "swagger")) {
      options.format = RrsFormat::Swagger;
    } else {
      throw Error(ErrorCode::Invalid, "BadArgument",
                  "format must be 'swagger' (or absent for the table form), not '" + *format + "'.")
          .with_target("format");
    }
  }
  return options;
}

RrsCall read_rrs_request(const json& body, const engine::CompiledGraph& graph, RrsFormat format, size_t max_rows) {
  if (!body.is_object()) bad_argument("InvalidRequestBody", "The request body must be a JSON object with \"Inputs\".", "");
  const json* inputs = find_member(body, "Inputs");
  if (!inputs || !inputs->is_object()) {
    bad_argument("MissingInputs",
                 "The request body needs \"Inputs\": an object with " + input_names(graph) + ".", "Inputs");
  }
  RrsCall call;
  for (auto it = inputs->begin(); it != inputs->end(); ++it) {
    bool known = false;
    for (const auto& spec : graph.inputs()) known = known || iequals(spec.name, it.key());
    if (!known) {
      bad_argument("UnknownInput",
                   "Inputs." + it.key() + " is not an input of this web service; its inputs are " + input_names(graph) + ".",
                   "Inputs." + it.key());
    }
  }
  for (const auto& spec : graph.inputs()) {
    const json* input = find_member(*inputs, spec.name);
    if (!input || input->is_null()) {
      bad_argument("MissingInput", "Inputs." + spec.name + " is required; this web service's inputs are " +
                                       input_names(graph) + ".",
                   "Inputs." + spec.name);
    }
    call.inputs.emplace(spec.name, read_input(*input, spec, format, max_rows));
  }

  const json* parameters = find_member(body, "GlobalParameters");
  if (parameters && !parameters->is_null()) {
    if (!parameters->is_object()) {
      bad_argument("InvalidGlobalParameter", "GlobalParameters must be an object of names to values.",
                   "GlobalParameters");
    }
    for (auto it = parameters->begin(); it != parameters->end(); ++it) {
      if (it.value().is_null()) continue;
      call.global_parameters.emplace(it.key(), parameter_text(it.key(), it.value()));
    }
  }
  return call;
}

json write_rrs_response(const std::map<std::string, engine::Value>& results, const engine::CompiledGraph& graph,
                        const RrsOptions& options) {
  json outputs = json::object();
  for (const auto& output : graph.outputs()) {
    auto result = results.find(output.name);
    if (result == results.end()) continue;
    if (result->second.kind() != engine::PortKind::Dataset) {
      throw Error(ErrorCode::Invalid, "OutputNotATable",
                  "Output '" + output.name + "' of this web service is a " + engine::to_string(result->second.kind()) +
                      ", which the request-response service cannot return; run the service through the batch "
                      "execution service (jobs) instead.");
    }
    const engine::Table& table = result->second.table();
    if (options.format == RrsFormat::Swagger) {
      outputs[output.name] = engine::table_to_rrs_rows(table);
      continue;
    }
    json value = engine::table_to_rrs(table);
    if (!options.details) {
      value.erase("ColumnNames");
      value.erase("ColumnTypes");
    }
    outputs[output.name] = {{"type", "table"}, {"value", std::move(value)}};
  }
  return json{{"Results", std::move(outputs)}};
}

}  // namespace azml::host::runtime
