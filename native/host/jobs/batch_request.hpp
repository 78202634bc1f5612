// The body of a BES job submission (contract §4.3), checked against the web service it runs:
//   {"Inputs": {name: AzureBlobDataReference}, "Outputs": {name: AzureBlobDataReference},
//    "GlobalParameters": {name: value}}
// and the older single-input form {"Input": AzureBlobDataReference, ...}, which feeds the
// service's only input. A job may have no inputs at all (GlobalParameters and Outputs only,
// for a graph that imports its data itself).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "engine/graph.hpp"
#include "jobs/blob_reference.hpp"

namespace azml::host::jobs {

// What a web service definition exposes to a batch job: its graph's input and output names and
// its global parameters.
struct ServiceShape {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::vector<std::string> global_parameters;

  // The names a compiled graph has.
  static ServiceShape of(const engine::CompiledGraph& graph);
};

struct BatchRequest {
  std::map<std::string, BlobReference> inputs;
  std::map<std::string, BlobReference> outputs;
  std::map<std::string, std::string> global_parameters;

  // Checks a submitted body: a JSON object; Inputs/Input, Outputs and GlobalParameters of the
  // right types; every input, output and parameter one the service has (names matched
  // case-insensitively, kept as the service spells them); every service input given. Throws
  // azml::Error(Invalid, "BadArgument") whose target is the offending member.
  static BatchRequest parse(const json& body, const ServiceShape& shape);

  // The normalised form stored with the job, and back (trusted: no checks against a service).
  json to_json() const;
  static BatchRequest from_json(const json& stored);
};

}  // namespace azml::host::jobs
