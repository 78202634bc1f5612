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
