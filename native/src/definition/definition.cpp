// normalize / validate / parse_and_check and the small lookups of definition.hpp. The schema
// walk lives in walker.cpp, the graph rules in graph_checks.cpp.
#include "definition/definition.hpp"

#include "common/strings.hpp"
#include "definition/graph_checks.hpp"
#include "definition/schema.hpp"
#include "definition/walker.hpp"

namespace azml::definition {

std::optional<ApiVersion> parse_api_version(std::string_view text) {
  if (iequals(text, "2017-01-01")) return ApiVersion::V2017_01_01;
  if (iequals(text, "2016-05-01-preview")) return ApiVersion::V2016_05_01_Preview;
  return std::nullopt;
}

const char* to_string(ApiVersion v) noexcept {
  switch (v) {
    case ApiVersion::V2016_05_01_Preview: return "2016-05-01-preview";
    case ApiVersion::V2017_01_01: return "2017-01-01";
  }
  return "2017-01-01";
}

Error invalid_definition(const std::vector<Issue>& issues) {
  if (issues.empty()) return Error(ErrorCode::Invalid, "The web service definition is invalid.");
  auto describe = [](const Issue& issue) {
    return issue.path.empty() ? issue.message : issue.path + ": " + issue.message;
  };
  Error error(ErrorCode::Invalid, describe(issues.front()));
  error.with_target(issues.front().path);
  for (const Issue& issue : issues) {
    error.add_detail({"InvalidWebServiceDefinition", describe(issue), issue.path});
  }
  return error;
}

json normalize(const json& web_service, Purpose purpose) {
  detail::WalkResult walked = detail::walk_web_service(web_service, purpose);
  if (!walked.shape_issues.empty()) throw invalid_definition(walked.shape_issues);
  return std::move(walked.normalized);
}

namespace {

// Everything validate() reports, with the normalised document it was found in.
detail::WalkResult check(const json& document, Purpose purpose, std::vector<Issue>& issues) {
  detail::WalkResult walked = detail::walk_web_service(document, purpose);
  issues = std::move(walked.shape_issues);
  issues.insert(issues.end(), walked.rule_issues.begin(), walked.rule_issues.end());
  detail::check_graph(walked.normalized, purpose, issues);
  return walked;
}

}  // namespace

// The walk runs again here (it is linear), so validate() is safe on any document, normalised
// or not, and reports shape problems too instead of misreading them.
std::vector<Issue> validate(const json& normalized, Purpose purpose) {
  std::vector<Issue> issues;
  check(normalized, purpose, issues);
  return issues;
}

json parse_and_check(const json& web_service, Purpose purpose) {
  std::vector<Issue> issues;
  detail::WalkResult walked = check(web_service, purpose, issues);
  if (!issues.empty()) throw invalid_definition(issues);
  return std::move(walked.normalized);
}

bool is_read_only_resource_field(std::string_view camel_name) noexcept {
  const detail::Field* field = detail::Schema::instance().resource().find_exact(camel_name);
  return field != nullptr && field->read_only;
}

bool is_read_only_property_field(std::string_view camel_name) noexcept {
  const detail::Field* field = detail::Schema::instance().properties().find_exact(camel_name);
  return field != nullptr && field->read_only;
}

}  // namespace azml::definition
