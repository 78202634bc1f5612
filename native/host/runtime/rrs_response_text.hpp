// The request-response service's response body written straight from the output tables: the
// same bytes as write_rrs_response's document dumped by handlers::json_response, without building
// the document and a string per value first.
//
// It returns nullopt when a name or value holds a byte outside ASCII (the JSON library's UTF-8
// checks then decide how it is written) or an output is not a table (write_rrs_response words
// that error); the caller then takes the general path.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/graph.hpp"
#include "runtime/rrs_exchange.hpp"

namespace azml::host::runtime {

std::optional<std::string> rrs_response_text(const std::map<std::string, engine::Value>& results,
                                             const engine::CompiledGraph& graph, const RrsOptions& options);

}  // namespace azml::host::runtime
