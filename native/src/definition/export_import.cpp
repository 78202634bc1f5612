// Export and Import of definition files, as Export-/Import-AzMlWebService do them: export drops
// what the Azure SDK's serializer drops (read-only fields, nulls); import reads it back.
#include <string>

#include "common/strings.hpp"
#include "definition/definition.hpp"
#include "definition/schema.hpp"

namespace azml::definition {

namespace {

void erase_read_only(json& object, const detail::ObjectType& type) {
  for (const detail::Field& field : type.fields) {
    if (field.read_only) object.erase(field.name);
  }
}

// Json.NET's NullValueHandling.Ignore: null members go, at any depth. Null array items stay:
// dropping them would shift the values after them (example rows, enum lists).
void drop_null_members(json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it->is_null()) {
        it = value.erase(it);
      } else {
        drop_null_members(*it);
        ++it;
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) drop_null_members(item);
  }
}

}  // namespace

json export_definition(const json& web_service) {
  json exported = normalize(web_service, Purpose::Patch);
  const detail::Schema& schema = detail::Schema::instance();
  erase_read_only(exported, schema.resource());
  auto properties = exported.find("properties");
  if (properties != exported.end() && properties->is_object()) erase_read_only(*properties, schema.properties());
  drop_null_members(exported);
  return exported;  // members keep the order of the stored definition: the output is stable
}

std::string export_text(const json& web_service) {
  try {
    return export_definition(web_service).dump(2) + "\n";
  } catch (const json::type_error& e) {
    // dump() refuses strings that are not UTF-8 (parse_json never produces them).
    throw Error(ErrorCode::Invalid, std::string("The web service definition cannot be written: ") + e.what());
  }
}

json import_text(std::string_view text) {
  std::string_view content = text;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (trim(content).empty()) {
    // The Azure SDK's words (ModelsSerializationUtil.GetAzureMLWebServiceFromJsonDefinition).
    throw Error(ErrorCode::Invalid, "The Azure ML web service definition is not specified.");
  }
  return parse_and_check(parse_json(content, "the web service definition"), Purpose::Import);
}

}  // namespace azml::definition
