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
#include <vector>

#include "engine/graph.hpp"
#include "engine/scoring_plan.hpp"
#include "runtime/rrs_exchange.hpp"

namespace azml::host::runtime {

std::optional<RrsCall> read_rrs_request_fast(std::string_view body, const engine::CompiledGraph& graph,
                                             std::size_t max_rows);

// For a graph with a scoring plan (engine/scoring_plan.hpp): the same body read one step
// further, each feature cell straight into its slot of the model's row of features, so that
// no table is built at all. It takes what read_rrs_request_fast takes, given one row or more,
// and for those bodies plan.score(rows) returns what executing the graph on
// read_rrs_request_fast's tables would. nullopt for everything else, as above.
struct RrsFeatureRows {
  std::vector<float> features;  // rows x plan.width(), row-major
  std::size_t rows = 0;
};
std::optional<RrsFeatureRows> read_rrs_features_fast(std::string_view body, const engine::ScoringPlan& plan,
                                                     std::size_t max_rows);

}  // namespace azml::host::runtime
