#include "engine/json_lookup.hpp"

#include "common/strings.hpp"

namespace azml::engine {

const json* find_member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto exact = object.find(std::string(key));
  if (exact != object.end()) return &*exact;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (iequals(it.key(), key)) return &it.value();
  }
  return nullptr;
}

}  // namespace azml::engine
