// PATCH on a stored web service (WebServices_Patch): the patch's properties replace the stored
// ones, except keys and storageAccount which merge field by field — PowerShell's
// Update-AzMlWebService -Keys @{primary=...} changes only the primary key (contract §1.5), and
// -StorageAccountKey sends a storageAccount with a key and no name (§2.3).
#include <cctype>
#include <string>

#include "definition/definition.hpp"
#include "definition/schema.hpp"

namespace azml::definition {

namespace {

// ARM treats "South Central US" and "southcentralus" as the same location.
std::string location_key(const std::string& location) {
  std::string key;
  for (char c : location) {
    if (!std::isspace(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

json without_null_members(const json& object) {
  json out = json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!it->is_null()) out[it.key()] = *it;
  }
  return out;
}

void check_location(const json& stored, const json& patch_location, json& merged) {
  auto stored_location = stored.find("location");
  if (stored_location == stored.end() || !stored_location->is_string()) {
    merged["location"] = patch_location;
    return;
  }
  const auto& current = stored_location->get_ref<const std::string&>();
  const auto& requested = patch_location.get_ref<const std::string&>();
  if (location_key(current) != location_key(requested)) {
    throw Error(ErrorCode::Invalid, "The location of a web service cannot be changed: it is '" + current +
                                        "', the patch asks for '" + requested + "'.")
        .with_target("location");
  }
}

bool merges_field_by_field(const std::string& property) {
  return property == "keys" || property == "storageAccount";
}

}  // namespace

json merge_patch(const json& stored_resource, const json& patch) {
  if (!stored_resource.is_object()) {
    throw Error(ErrorCode::Generic, "The stored web service is not a JSON object.");
  }
  const json normalized_patch = normalize(patch, Purpose::Patch);
  json merged = stored_resource;

  auto location = normalized_patch.find("location");
  if (location != normalized_patch.end() && location->is_string()) check_location(stored_resource, *location, merged);

  auto tags = normalized_patch.find("tags");
  if (tags != normalized_patch.end() && tags->is_object()) merged["tags"] = without_null_members(*tags);

  auto patch_properties = normalized_patch.find("properties");
  if (patch_properties == normalized_patch.end() || !patch_properties->is_object()) return merged;

  json& properties = merged["properties"];
  if (!properties.is_object()) properties = json::object();
  const detail::ObjectType& schema = detail::Schema::instance().properties();
  for (auto it = patch_properties->begin(); it != patch_properties->end(); ++it) {
    if (it->is_null()) continue;
    const detail::Field* field = schema.find_exact(it.key());
    if (field != nullptr && field->read_only) continue;  // the service's to set, not the caller's
    if (merges_field_by_field(it.key()) && it->is_object()) {
      json& target = properties[it.key()];
      if (!target.is_object()) target = json::object();
      for (auto member = it->begin(); member != it->end(); ++member) {
        if (!member->is_null()) target[member.key()] = *member;
      }
      continue;
    }
    properties[it.key()] = *it;
  }
  return merged;
}

}  // namespace azml::definition
