// The request-response service's wire forms (contract §4.2) around one graph execution: the
// request body read into the graph's input tables and global parameters, the graph's outputs
// written back as Azure wrote them.
//   table form   {"Inputs":{"input1":{"ColumnNames":[...],"Values":[[...]]}},"GlobalParameters":{}}
//                -> {"Results":{"output1":{"type":"table","value":{"ColumnNames","ColumnTypes","Values"}}}}
//                   (ColumnNames and ColumnTypes only with details=true; values as strings)
//   swagger form {"Inputs":{"input1":[{"column":"value"}]},"GlobalParameters":{}}
//                -> {"Results":{"output1":[{"column":"value"}]}}
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "common/json.hpp"
#include "common/url.hpp"
#include "engine/graph.hpp"

namespace azml::host::runtime {

enum class RrsFormat { Table, Swagger };

struct RrsOptions {
  RrsFormat format = RrsFormat::Table;
  bool details = false;  // table form: add ColumnNames and ColumnTypes
};

// Reads ?api-version=2.0[&details=true][&format=swagger]. Throws Error(Invalid) for a missing
// or other api-version and for values of details or format it does not know.
RrsOptions rrs_options_of(const Query& query);

struct RrsCall {
  std::map<std::string, engine::Table> inputs;
  std::map<std::string, std::string> global_parameters;
};

// Reads the body against the graph: every input of the graph must be given and no other, each
// with at most max_rows rows, typed by the service's input schema. Throws Error(Invalid,
// "BadArgument") whose message names the input, the row and the column at fault.
RrsCall read_rrs_request(const json& body, const engine::CompiledGraph& graph, RrsFormat format, size_t max_rows);

// The response body for the graph's outputs. Throws Error(Invalid) when an output is not a
// table (a retraining graph's trained model comes out of the batch service only).
json write_rrs_response(const std::map<std::string, engine::Value>& results, const engine::CompiledGraph& graph,
                        const RrsOptions& options);

}  // namespace azml::host::runtime
