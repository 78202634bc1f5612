#include "handlers/api_version.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::handlers {

namespace {
Error missing_api_version() {
  return Error(ErrorCode::Invalid, "MissingApiVersionParameter",
               "The api-version query parameter (?api-version=) is required for all requests.");
}
}  // namespace

const std::vector<definition::ApiVersion>& all_web_service_api_versions() {
  static const std::vector<definition::ApiVersion> versions = {definition::ApiVersion::V2017_01_01,
                                                               definition::ApiVersion::V2016_05_01_Preview};
  return versions;
}

definition::ApiVersion require_api_version(const Query& query,
                                           const std::vector<definition::ApiVersion>& supported) {
  auto given = query.get("api-version");
  if (!given || trim(*given).empty()) throw missing_api_version();
  auto parsed = definition::parse_api_version(*given);
  for (auto version : supported) {
    if (parsed && *parsed == version) return version;
  }
  std::string names;
  for (auto version : supported) {
    if (!names.empty()) names += ", ";
    names += definition::to_string(version);
  }
  throw Error(ErrorCode::Invalid, "InvalidApiVersionParameter",
              "The api-version '" + *given + "' is invalid. The supported versions are '" + names + "'.")
      .with_target("api-version");
}

std::string require_any_api_version(const Query& query) {
  auto given = query.get("api-version");
  if (!given || trim(*given).empty()) throw missing_api_version();
  return *given;
}

}  // namespace azml::host::handlers
