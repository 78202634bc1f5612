// The ARM management API of azml-host: Microsoft.MachineLearning/webServices (contract §1.1-1.3),
// its async operations, the provider's operation list and the subscription list. Each route is
// a function from a parsed request to a response over the domain Catalog.
#pragma once

#include <cstddef>
#include <string>

#include "domain/catalog.hpp"
#include "router/router.hpp"

namespace azml::host::handlers {

struct ManagementSettings {
  // The scheme clients reach the host with ("http" or "https"), for the absolute URLs handed back.
  std::string scheme = "http";
  // host:port used in those URLs when a request has no usable Host header.
  std::string fallback_authority = "127.0.0.1";
  // Web services per list page (ARM pages hold about a hundred).
  std::size_t list_page_size = 100;
};

// Adds every management route to the router. The catalog must outlive the router.
void add_management_routes(router::Router& router, domain::Catalog& catalog, const ManagementSettings& settings);

}  // namespace azml::host::handlers
