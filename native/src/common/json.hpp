// The JSON type used everywhere inside azml (never in a public header).
#pragma once

#include <nlohmann/json.hpp>

namespace azml {
using json = nlohmann::json;
}  // namespace azml
