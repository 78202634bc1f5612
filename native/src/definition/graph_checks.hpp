// Graph integrity of a normalised web service: nodes, edges, graph parameters and cycles.
// Private to the definition component.
#pragma once

#include <vector>

#include "common/json.hpp"
#include "definition/definition.hpp"

namespace azml::definition::detail {

// Appends every graph problem of `document` (a normalised WebService) to `issues`:
//  - every node has exactly one of assetId/inputId/outputId;
//  - the asset, input table or output table a node names exists (inputs and outputs are checked
//    when properties.input/output.properties are present);
//  - edges name existing source and target nodes, never target an input node nor leave an
//    output node, and use ports the asset declares (when it declares them);
//  - graph parameter links name existing nodes;
//  - the graph has no cycle (linear time, iterative: a 100,000-node chain is fine).
// For Purpose::Patch a reference is checked only when what it points into is in the document.
void check_graph(const json& document, Purpose purpose, std::vector<Issue>& issues);

}  // namespace azml::definition::detail
