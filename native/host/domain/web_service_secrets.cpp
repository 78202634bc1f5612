#include "domain/web_service_secrets.hpp"

#include <optional>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "domain/catalog_errors.hpp"

namespace azml::host::domain {

namespace {

// 64 random bytes encode to 88 base64 characters, the length of the keys Azure generated.
constexpr size_t kGeneratedKeyBytes = 64;

const json* member(const json* object, const char* name) {
  if (!object || !object->is_object()) return nullptr;
  auto it = object->find(name);
  if (it == object->end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> string_member(const json* object, const char* name) {
  const json* value = member(object, name);
  if (!value || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

void erase_if_null(json& object, const char* name) {
  auto it = object.find(name);
  if (it != object.end() && it->is_null()) object.erase(it);
}

void reconcile_keys(json& properties, const json* stored_properties) {
  erase_if_null(properties, "keys");
  if (!properties.contains("keys")) properties["keys"] = json::object();
  json& keys = properties["keys"];
  if (!keys.is_object()) {
    throw Error(ErrorCode::Invalid, "BadRequest", "properties.keys must be an object with primary and secondary")
        .with_target("properties.keys");
  }
  const json* stored_keys = member(stored_properties, "keys");
  for (const char* field : {"primary", "secondary"}) {
    const std::string path = std::string("properties.keys.") + field;
    erase_if_null(keys, field);
    auto given = keys.find(field);
    if (given != keys.end()) {
      if (!given->is_string()) {
        throw Error(ErrorCode::Invalid, "BadRequest", path + " must be a string").with_target(path);
      }
      if (given->get_ref<const std::string&>().empty()) throw errors::empty_key(path);
      continue;
    }
    auto stored = string_member(stored_keys, field);
    keys[field] = stored && !stored->empty() ? *stored : new_service_key();
  }
}

void reconcile_storage_key(json& properties, const json* stored_properties) {
  erase_if_null(properties, "storageAccount");
  auto account = properties.find("storageAccount");
  if (account == properties.end() || !account->is_object()) return;
  erase_if_null(*account, "key");
  if (account->contains("key")) return;
  const json* stored_account = member(stored_properties, "storageAccount");
  auto stored_key = string_member(stored_account, "key");
  auto stored_name = string_member(stored_account, "name");
  auto name = string_member(&*account, "name");
  // The key of one account must never be handed to another.
  if (stored_key && stored_name && name && iequals(*stored_name, *name)) (*account)["key"] = *stored_key;
}

void reconcile_commitment_plan(json& properties, const json* stored_properties, const std::string& name) {
  erase_if_null(properties, "commitmentPlan");
  const json* stored_plan = member(stored_properties, "commitmentPlan");
  auto stored_id = string_member(stored_plan, "id");
  if (!stored_id) return;  // never set: the request may set it
  auto requested = properties.find("commitmentPlan");
  if (requested == properties.end()) {
    properties["commitmentPlan"] = *stored_plan;
    return;
  }
  auto requested_id = string_member(&*requested, "id");
  // ARM ids compare case-insensitively.
  if (!requested_id || !iequals(*requested_id, *stored_id)) {
    throw errors::commitment_plan_cannot_change(name, *stored_id, requested_id.value_or(""));
  }
}

}  // namespace

void reconcile_secrets(json& properties, const json* stored_properties, const std::string& name) {
  reconcile_keys(properties, stored_properties);
  reconcile_storage_key(properties, stored_properties);
  reconcile_commitment_plan(properties, stored_properties, name);
}

std::string new_service_key() { return random_key_base64(kGeneratedKeyBytes); }

json service_keys(const json& properties) {
  const json* keys = member(&properties, "keys");
  return json{{"primary", string_member(keys, "primary").value_or("")},
              {"secondary", string_member(keys, "secondary").value_or("")}};
}

}  // namespace azml::host::domain
