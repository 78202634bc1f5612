// The api-version query parameter every ARM request carries.
#pragma once

#include <string>
#include <vector>

#include "common/url.hpp"
#include "definition/definition.hpp"

namespace azml::host::handlers {

// The versions of Microsoft.MachineLearning/webServices the host speaks, newest first.
const std::vector<definition::ApiVersion>& all_web_service_api_versions();

// Returns the request's api-version when it is one of `supported`. Throws azml::Error(Invalid)
// with service code "MissingApiVersionParameter" when there is none, and
// "InvalidApiVersionParameter" (naming the supported versions) when it is another one.
definition::ApiVersion require_api_version(const Query& query,
                                           const std::vector<definition::ApiVersion>& supported);

// For routes outside the resource provider (the subscription list), which ARM serves under
// its own api-versions: any non-empty value is accepted; a missing one is refused as above.
std::string require_any_api_version(const Query& query);

}  // namespace azml::host::handlers
