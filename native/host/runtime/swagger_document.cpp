#include "runtime/swagger_document.hpp"

#include "common/strings.hpp"

namespace azml::host::runtime {

namespace {

// A definition's ColumnSpecification ({"type":"Number","format":"Double"}) as a Swagger 2.0
// schema ({"type":"number","format":"double"}).
json column_schema(const json& column) {
  json schema = json::object();
  std::string type = "string";
  std::string format;
  if (column.is_object()) {
    auto t = column.find("type");
    if (t != column.end() && t->is_string()) type = to_lower(t->get<std::string>());
    auto f = column.find("format");
    if (f != column.end() && f->is_string()) format = to_lower(f->get<std::string>());
  }
  if (type != "integer" && type != "number" && type != "boolean") type = "string";
  schema["type"] = type;
  if (!format.empty()) schema["format"] = format;
  if (column.is_object()) {
    for (const char* extension : {"x-ms-isnullable", "enum"}) {
      auto value = column.find(extension);
      if (value != column.end() && !value->is_null()) schema[extension] = *value;
    }
  }
  return schema;
}

// The row object of one input or output: its columns from the specification, when it has one.
json row_schema(const json& specification, const std::string& port) {
  json row = {{"type", "object"}, {"properties", json::object()}};
  if (!specification.is_object()) return row;
  auto ports = specification.find("properties");
  if (ports == specification.end() || !ports->is_object()) return row;
  auto table = ports->find(port);
  if (table == ports->end() || !table->is_object()) return row;
  auto columns = table->find("properties");
  if (columns == table->end() || !columns->is_object()) return row;
  for (auto it = columns->begin(); it != columns->end(); ++it) row["properties"][it.key()] = column_schema(it.value());
  return row;
}

json rows_of(const std::string& definition) {
  return {{"type", "array"}, {"items", {{"$ref", "#/definitions/" + definition}}}};
}

}  // namespace

json swagger_document(const std::string& service_name, const Revision& revision, const SwaggerLocation& location) {
  const engine::CompiledGraph& graph = revision.graph();
  json definitions = json::object();

  json inputs = json::object();
  for (const auto& input : graph.inputs()) {
    const std::string name = input.name + "Item";
    definitions[name] = row_schema(revision.input_specification(), input.name);
    inputs[input.name] = rows_of(name);
  }
  json global_parameters = json::object();
  for (const auto& name : graph.global_parameter_names()) global_parameters[name] = {{"type", "string"}};
  definitions["ExecutionRequest"] = {
      {"type", "object"},
      {"required", json::array({"Inputs"})},
      {"properties",
       {{"Inputs", {{"type", "object"}, {"properties", std::move(inputs)}}},
        {"GlobalParameters", {{"type", "object"}, {"properties", std::move(global_parameters)}}}}}};

  json outputs = json::object();
  for (const auto& output : graph.outputs()) {
    const std::string name = output.name + "Item";
    definitions[name] = row_schema(revision.output_specification(), output.name);
    outputs[output.name] = rows_of(name);
  }
  definitions["ExecutionResults"] = {
      {"type", "object"},
      {"properties", {{"Results", {{"type", "object"}, {"properties", std::move(outputs)}}}}}};

  definitions["ErrorResponse"] = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"message", {{"type", "string"}}},
            {"target", {{"type", "string"}}},
            {"details", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}};

  json execute = {
      {"summary", "Scores rows with the web service"},
      {"operationId", "execute"},
      {"parameters",
       json::array({{{"name", "api-version"},
                     {"in", "query"},
                     {"required", true},
                     {"type", "string"},
                     {"enum", json::array({"2.0"})}},
                    {{"name", "format"},
                     {"in", "query"},
                     {"required", true},
                     {"type", "string"},
                     {"enum", json::array({"swagger"})},
                     {"description", "The swagger form: rows as objects of column names to values"}},
                    {{"name", "body"},
                     {"in", "body"},
                     {"required", true},
                     {"schema", {{"$ref", "#/definitions/ExecutionRequest"}}}}})},
      {"responses",
       {{"200", {{"description", "The outputs, one row object per scored row"},
                 {"schema", {{"$ref", "#/definitions/ExecutionResults"}}}}},
        {"default", {{"description", "An error"}, {"schema", {{"$ref", "#/definitions/ErrorResponse"}}}}}}}};

  const std::string title = revision.title().empty() ? service_name : revision.title();
  return json{
      {"swagger", "2.0"},
      {"info", {{"title", title}, {"description", revision.description()}, {"version", "2.0"}}},
      {"host", location.authority},
      {"basePath", location.base_path},
      {"schemes", json::array({location.scheme})},
      {"consumes", json::array({"application/json"})},
      {"produces", json::array({"application/json"})},
      {"securityDefinitions",
       {{"apiKey",
         {{"type", "apiKey"},
          {"name", "Authorization"},
          {"in", "header"},
          {"description", "'Bearer ' followed by the primary or secondary key of the web service"}}}}},
      {"security", json::array({{{"apiKey", json::array()}}})},
      {"paths", {{"/execute", {{"post", std::move(execute)}}}}},
      {"definitions", std::move(definitions)}};
}

}  // namespace azml::host::runtime
