// The ARM WebService model (Microsoft.MachineLearning/webServices), shared by libazml and
// azml-host. A web service is kept as JSON so that fields azml does not know survive every
// round trip; this module knows the schema and uses it to normalise, check and export.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/json.hpp"

namespace azml::definition {

enum class ApiVersion { V2016_05_01_Preview, V2017_01_01 };

// "2017-01-01" / "2016-05-01-preview"; nullopt for anything else.
std::optional<ApiVersion> parse_api_version(std::string_view text);
const char* to_string(ApiVersion v) noexcept;

// One problem found in a document, with the JSON path it is about
// ("properties.package.edges[2].targetNodeId").
struct Issue {
  std::string path;
  std::string message;
};

// What the document is for; it decides which fields are required.
enum class Purpose {
  Create,  // PUT body: location (2016 and 2017 alike: ARM needs one), properties, packageType
  Patch,   // PATCH body: nothing is required; what is present must be well-formed
  Import,  // a definition file: properties and packageType required, location optional
};

// Normalises a WebService resource (the whole PUT/GET body):
//  - keys of known schema objects are matched case-insensitively and renamed to camelCase
//    (AssetId -> assetId, Value -> value, ...); keys that are data (asset ids, node ids,
//    parameter names, column names) are never renamed;
//  - unknown fields are kept as they are;
//  - values of known fields must have the schema's JSON type (string, boolean, integer,
//    number, object, array); a mismatch is an Issue naming the path. As Json.NET does, a
//    string holding "true"/"false" or an integer is read into a boolean or integer field;
//  - enum values are matched case-insensitively and take the schema's spelling ("graph" ->
//    "Graph"); values outside the enum are left for validate() to report;
//  - null is accepted anywhere and kept (checks treat it as absent, export drops it).
// Both api-versions are accepted: the 2016 string-valued parameters (map<string,string>) and
// the 2017 WebServiceParameter objects ({value, certificateThumbprint}) are kept as given.
// Throws azml::Error(Invalid) with every Issue in details() and the first one as the message.
json normalize(const json& web_service, Purpose purpose);

// Checks a normalised document: required fields for the purpose, enums (packageType Graph,
// asset type, column type and format, diagnostics level, graph parameter type),
// realtimeConfiguration.maxConcurrentCalls in 4..200, and graph integrity: every node has
// exactly one of assetId/inputId/outputId; assets, inputs and outputs it names exist; edges
// join existing nodes; graph parameter links name existing nodes; the graph has no cycle.
// Also: no edge enters an input node or leaves an output node, and an edge's port ids exist
// when its asset declares inputPorts/outputPorts. Where a real Azure document breaks a swagger
// rule the document wins (GraphParameter.type is not required; "format": "" is accepted).
// Inputs/outputs are checked against input/output.properties only when those are present.
// For Patch, references are checked only into collections present in the patch.
// Returns every problem found (empty: valid). Also safe on a document that is not normalised:
// it then reports the problems normalize() would throw for as well.
std::vector<Issue> validate(const json& normalized, Purpose purpose);

// normalize + validate; throws azml::Error(Invalid) listing every Issue.
json parse_and_check(const json& web_service, Purpose purpose);

// Builds the azml::Error for a list of issues (message = first issue, details = all, target =
// first path). Used by normalize/parse_and_check and by the host.
Error invalid_definition(const std::vector<Issue>& issues);

// The read-only fields of the resource and its properties.
bool is_read_only_resource_field(std::string_view camel_name) noexcept;    // id, name, type
bool is_read_only_property_field(std::string_view camel_name) noexcept;    // createdOn, modifiedOn, provisioningState, swaggerLocation

// Export: the web service without read-only fields and without nulls (at any depth), keys
// kept in a stable order. The result is what Import reads back. The document is normalised
// first (camelCase out whatever came in; Error(Invalid) on a shape problem). Null members go;
// null items of arrays stay (they are data: a missing value in an example row).
json export_definition(const json& web_service);
// export_definition, dumped indented by 2 spaces with a trailing newline.
std::string export_text(const json& web_service);

// Import: parses text (UTF-8 JSON), normalises and validates it for Purpose::Import.
// Blank text: Error(Invalid, "The Azure ML web service definition is not specified.").
// Malformed JSON: Error(Invalid) with line and column.
json import_text(std::string_view text);

// Parses JSON text for any purpose, with a clear error (line, column) when malformed.
// `what` names the text in the message ("the request body"). A leading UTF-8 byte order mark
// is skipped; text nested more than 512 levels deep is refused (Error(Invalid)).
json parse_json(std::string_view text, std::string_view what);

// PATCH semantics on the stored (normalised, full) properties: every property present in the
// patch replaces the stored one, except "keys" and "storageAccount", whose fields merge one by
// one. Top-level "tags" replace; "location", when present, must equal the stored one.
// Nulls in the patch are ignored. The result must still be validated by the caller.
// The patch is normalised first (PascalCase accepted; Error(Invalid) on a shape problem);
// read-only properties in it are ignored; a location that differs is Error(Invalid) with
// target "location" ("South Central US" and "southcentralus" are the same location).
json merge_patch(const json& stored_resource, const json& patch);

}  // namespace azml::definition
