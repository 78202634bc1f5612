// The request-response body read straight from its text into typed columns, for the table form
// nearly every call uses:
//   {"Inputs":{"input1":{"ColumnNames":["a","b"],"Values":[[1.5,"x"],...]}},"GlobalParameters":{}}
// with exactly the service's inputs, a column schema for each, and values that fit the declared
// types. No JSON document is built and no number is turned into text and back: a number goes
// into its numeric column as the value read_rrs_request would have ended up with.
//
// It returns nullopt for everything else: another shape or member order it does not know, a
// string with an escape or a non-ASCII byte, a value of the wrong type, too many rows, a body
// that is not JSON. The caller then reads the body the general way (read_rrs_request), which
// accepts or refuses it and words the error, so this path never decides an error and never
// changes what a call returns.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "engine/graph.hpp"
#include "runtime/rrs_exchange.hpp"

namespace azml::host::runtime {

std::optional<RrsCall> read_rrs_request_fast(std::string_view body, const engine::CompiledGraph& graph,
                                             std::size_t max_rows);

}  // namespace azml::host::runtime
