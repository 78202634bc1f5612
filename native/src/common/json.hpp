// The JSON type used everywhere inside azml (never in a public header).
//
// Objects keep their members in the order they were written: a definition's input columns are
// positional (RRS rows, exampleRequest), and an exported file should read like the one imported.
// Lookups in an ordered object are linear, so code that looks up many keys in one large object
// (graph nodes) builds its own index first.
#pragma once

#include <nlohmann/json.hpp>

namespace azml {
using json = nlohmann::ordered_json;
}  // namespace azml

namespace azml {

// The member `name` of `object` (exact spelling), or nullptr when `object` is not an object or
// has no such member: for reading stored, already normalised JSON without exceptions.
inline const json* json_member(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

// The string member `name` of `object`; "" when it is missing or not a string.
inline std::string json_string_member(const json& object, const char* name) {
  const json* value = json_member(object, name);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

}  // namespace azml
