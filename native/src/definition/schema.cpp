#include "definition/schema.hpp"

#include "common/strings.hpp"

namespace azml::definition::detail {

// A schema object has at most two dozen fields: a scan with iequals beats hashing a lowered
// copy of every key of a large document.
const Field* ObjectType::find(std::string_view key) const noexcept {
  for (const Field& field : fields) {
    if (field.name.size() == key.size() && iequals(field.name, key)) return &field;
  }
  return nullptr;
}

const Field* ObjectType::find_exact(std::string_view camel_name) const noexcept {
  for (const Field& field : fields) {
    if (field.name == camel_name) return &field;
  }
  return nullptr;
}

const Schema& Schema::instance() {
  static const Schema schema;
  return schema;
}

Type& Schema::new_type(Kind kind) {
  Type& type = types_.emplace_back();
  type.kind = kind;
  return type;
}

ObjectType& Schema::new_object(std::string name) {
  ObjectType& object = objects_.emplace_back();
  object.name = std::move(name);
  return object;
}

namespace {

void add_field(ObjectType& object, std::string name, const Type& type, Required required = Required::Never,
               bool read_only = false) {
  object.fields.push_back(Field{std::move(name), &type, required, read_only});
}

}  // namespace

// Sources: the 2017-01-01 and 2016-05-01-preview swagger files (tests/fixtures) and the contract
// (§1.4-1.6). Where a real Azure document breaks a swagger rule, the document wins:
// GraphParameter.type is not required (the dogfood definition has none).
Schema::Schema() {
  const Type& string_type = new_type(Kind::String);
  const Type& boolean_type = new_type(Kind::Boolean);
  const Type& date_time_type = new_type(Kind::DateTime);
  const Type& any_type = new_type(Kind::Any);

  auto object_type = [this](const ObjectType& object) -> const Type& {
    Type& type = new_type(Kind::Object);
    type.object = &object;
    return type;
  };
  auto map_of = [this](const Type& element) -> const Type& {
    Type& type = new_type(Kind::Map);
    type.element = &element;
    return type;
  };
  auto array_of = [this](const Type& element) -> const Type& {
    Type& type = new_type(Kind::Array);
    type.element = &element;
    return type;
  };
  auto enum_of = [this](std::vector<std::string> values) -> Type& {
    Type& type = new_type(Kind::Enum);
    type.enum_values = std::move(values);
    return type;
  };

  // --- small value objects
  ObjectType& keys = new_object("WebServiceKeys");
  add_field(keys, "primary", string_type);
  add_field(keys, "secondary", string_type);

  ObjectType& realtime = new_object("RealtimeConfiguration");
  Type& max_concurrent_calls = new_type(Kind::Integer);
  max_concurrent_calls.minimum = 4;
  max_concurrent_calls.maximum = 200;
  add_field(realtime, "maxConcurrentCalls", max_concurrent_calls);

  ObjectType& diagnostics = new_object("DiagnosticsConfiguration");
  add_field(diagnostics, "level", enum_of({"None", "Error", "All"}), Required::Always);
  add_field(diagnostics, "expiry", date_time_type);

  ObjectType& storage_account = new_object("StorageAccount");
  add_field(storage_account, "name", string_type);
  add_field(storage_account, "key", string_type);

  ObjectType& workspace = new_object("MachineLearningWorkspace");
  add_field(workspace, "id", string_type, Required::Always);

  ObjectType& commitment_plan = new_object("CommitmentPlan");
  add_field(commitment_plan, "id", string_type, Required::Always);

  // BlobLocation (2017) and AssetLocation (2016) have the same shape.
  ObjectType& blob_location = new_object("BlobLocation");
  add_field(blob_location, "uri", string_type, Required::Always);
  add_field(blob_location, "credentials", string_type);

  // --- input/output schema (Swagger 2.0 shaped)
  ObjectType& column = new_object("ColumnSpecification");
  add_field(column, "type", enum_of({"Boolean", "Integer", "Number", "String"}), Required::Always);
  Type& column_format = enum_of({"Byte", "Char", "Complex64", "Complex128", "Date-time", "Date-timeOffset", "Double",
                                 "Duration", "Float", "Int8", "Int16", "Int32", "Int64", "Uint8", "Uint16", "Uint32",
                                 "Uint64"});
  column_format.enum_allows_empty = true;
  add_field(column, "format", column_format);
  add_field(column, "enum", array_of(any_type));
  add_field(column, "x-ms-isnullable", boolean_type);
  add_field(column, "x-ms-isordered", boolean_type);

  ObjectType& table = new_object("TableSpecification");
  add_field(table, "title", string_type);
  add_field(table, "description", string_type);
  add_field(table, "type", string_type, Required::Always);
  add_field(table, "format", string_type);
  add_field(table, "properties", map_of(object_type(column)));

  ObjectType& io_spec = new_object("ServiceInputOutputSpecification");
  add_field(io_spec, "title", string_type);
  add_field(io_spec, "description", string_type);
  add_field(io_spec, "type", string_type, Required::Always);
  add_field(io_spec, "properties", map_of(object_type(table)), Required::Always);

  ObjectType& example_request = new_object("ExampleRequest");
  add_field(example_request, "inputs", map_of(array_of(array_of(any_type))));
  add_field(example_request, "globalParameters", map_of(any_type));

  // --- assets
  ObjectType& port = new_object("Port");
  Type& port_type = enum_of({"Dataset"});
  port_type.enum_open = true;  // not among the enums the service is known to check
  add_field(port, "type", port_type);

  ObjectType& module_parameter = new_object("ModuleAssetParameter");
  ObjectType& mode_value_info = new_object("ModeValueInfo");
  const Type& module_parameters = array_of(object_type(module_parameter));
  add_field(module_parameter, "name", string_type);
  add_field(module_parameter, "parameterType", string_type);
  add_field(module_parameter, "modeValuesInfo", map_of(object_type(mode_value_info)));
  add_field(mode_value_info, "interfaceString", string_type);
  add_field(mode_value_info, "parameters", module_parameters);

  ObjectType& asset = new_object("AssetItem");
  add_field(asset, "name", string_type, Required::Always);
  add_field(asset, "id", string_type);
  add_field(asset, "type", enum_of({"Module", "Resource"}), Required::Always);
  add_field(asset, "locationInfo", object_type(blob_location), Required::Always);
  add_field(asset, "inputPorts", map_of(object_type(port)));
  add_field(asset, "outputPorts", map_of(object_type(port)));
  add_field(asset, "metadata", map_of(string_type));
  add_field(asset, "parameters", module_parameters);

  // --- parameters: {value, certificateThumbprint} in 2017, a plain string in 2016
  ObjectType& web_service_parameter = new_object("WebServiceParameter");
  add_field(web_service_parameter, "value", any_type);
  add_field(web_service_parameter, "certificateThumbprint", string_type);
  Type& parameter = new_type(Kind::Parameter);
  parameter.object = &web_service_parameter;
  const Type& parameters = map_of(parameter);

  // --- the graph package
  ObjectType& node = new_object("GraphNode");
  add_field(node, "assetId", string_type);
  add_field(node, "inputId", string_type);
  add_field(node, "outputId", string_type);
  add_field(node, "parameters", parameters);

  ObjectType& edge = new_object("GraphEdge");
  add_field(edge, "sourceNodeId", string_type);
  add_field(edge, "sourcePortId", string_type);
  add_field(edge, "targetNodeId", string_type);
  add_field(edge, "targetPortId", string_type);

  ObjectType& link = new_object("GraphParameterLink");
  add_field(link, "nodeId", string_type, Required::Always);
  add_field(link, "parameterKey", string_type, Required::Always);

  ObjectType& graph_parameter = new_object("GraphParameter");
  add_field(graph_parameter, "description", string_type);
  add_field(graph_parameter, "type",
            enum_of({"String", "Int", "Float", "Enumerated", "Script", "Mode", "Credential", "Boolean", "Double",
                     "ColumnPicker", "ParameterRange", "DataGatewayName"}));
  add_field(graph_parameter, "links", array_of(object_type(link)), Required::Always);

  ObjectType& package = new_object("GraphPackage");
  add_field(package, "nodes", map_of(object_type(node)));
  add_field(package, "edges", array_of(object_type(edge)));
  add_field(package, "graphParameters", map_of(object_type(graph_parameter)));

  // --- WebServiceProperties (+ WebServicePropertiesForGraph's package)
  ObjectType& properties = new_object("WebServiceProperties");
  Type& provisioning_state = enum_of({"Unknown", "Provisioning", "Succeeded", "Failed"});
  provisioning_state.enum_open = true;  // read-only, written by the service
  add_field(properties, "title", string_type);
  add_field(properties, "description", string_type);
  add_field(properties, "createdOn", date_time_type, Required::Never, true);
  add_field(properties, "modifiedOn", date_time_type, Required::Never, true);
  add_field(properties, "provisioningState", provisioning_state, Required::Never, true);
  add_field(properties, "keys", object_type(keys));
  add_field(properties, "readOnly", boolean_type);
  add_field(properties, "swaggerLocation", string_type, Required::Never, true);
  // azml's own: why the stored revision did not provision ({code,message,details}), written by
  // the service when provisioningState is Failed. Read-only, so export drops it and a PUT or
  // PATCH that carries it back is not taken for part of the definition.
  add_field(properties, "provisioningError", any_type, Required::Never, true);
  add_field(properties, "exposeSampleData", boolean_type);
  add_field(properties, "realtimeConfiguration", object_type(realtime));
  add_field(properties, "diagnostics", object_type(diagnostics));
  add_field(properties, "storageAccount", object_type(storage_account));
  add_field(properties, "machineLearningWorkspace", object_type(workspace));
  add_field(properties, "commitmentPlan", object_type(commitment_plan));
  add_field(properties, "input", object_type(io_spec));
  add_field(properties, "output", object_type(io_spec));
  add_field(properties, "exampleRequest", object_type(example_request));
  add_field(properties, "assets", map_of(object_type(asset)));
  add_field(properties, "parameters", parameters);
  add_field(properties, "packageType", enum_of({"Graph"}), Required::Always);
  add_field(properties, "payloadsInBlobStorage", boolean_type);
  add_field(properties, "payloadsLocation", object_type(blob_location));
  add_field(properties, "package", object_type(package));

  // --- Resource + WebService.properties
  ObjectType& resource = new_object("WebService");
  add_field(resource, "id", string_type, Required::Never, true);
  add_field(resource, "name", string_type, Required::Never, true);
  add_field(resource, "location", string_type, Required::CreateOnly);
  add_field(resource, "type", string_type, Required::Never, true);
  add_field(resource, "tags", map_of(string_type));
  add_field(resource, "properties", object_type(properties), Required::Always);

  web_service_ = &object_type(resource);
  resource_ = &resource;
  properties_ = &properties;
}

}  // namespace azml::definition::detail
