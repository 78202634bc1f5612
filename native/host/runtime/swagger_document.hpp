// The Swagger 2.0 document a web service's swaggerLocation serves: its execute operation in the
// swagger form (format=swagger), with the request and response rows typed by the definition's
// "input" and "output" specifications, and the key it takes.
#pragma once

#include <string>

#include "common/json.hpp"
#include "runtime/revision.hpp"

namespace azml::host::runtime {

struct SwaggerLocation {
  std::string scheme;     // "http" | "https"
  std::string authority;  // "127.0.0.1:8080"
  std::string base_path;  // "/subscriptions/{workspace}/services/{service id}"
};

json swagger_document(const std::string& service_name, const Revision& revision, const SwaggerLocation& location);

}  // namespace azml::host::runtime
