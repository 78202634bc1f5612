// One pass over a web service document, driven by the schema table: builds the normalised copy
// (camelCase keys, canonical enum spelling, Json.NET-style scalar coercions) and collects the
// problems found on the way. Private to the definition component.
#pragma once

#include <string_view>
#include <vector>

#include "common/json.hpp"
#include "definition/definition.hpp"

namespace azml::definition::detail {

struct WalkResult {
  json normalized;
  // Values that do not have the schema's JSON type, keys given twice in different casing:
  // normalize() refuses a document with any of these.
  std::vector<Issue> shape_issues;
  // Missing required fields, enum values, ranges, date-time formats: validate() reports these.
  std::vector<Issue> rule_issues;
};

WalkResult walk_web_service(const json& document, Purpose purpose);

// "2017-04-26T17:08:46.4482096Z", "2017-01-01T01:01:01+02:00", "2017-01-01" ...
bool is_iso8601_date_time(std::string_view text) noexcept;

}  // namespace azml::definition::detail
