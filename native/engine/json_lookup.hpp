// Case-insensitive member lookup: definitions arrive in PascalCase (the REST examples) or
// camelCase (production), and data keys such as parameter names change case in real
// definitions ("Trigonometric Function" vs "trigonometric Function").
#pragma once

#include <string_view>

#include "common/json.hpp"

namespace azml::engine {

// The member whose name equals `key` ignoring case (an exact match wins); nullptr when the
// value is not an object or has no such member.
const json* find_member(const json& object, std::string_view key);

}  // namespace azml::engine
