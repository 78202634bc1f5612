// The runtime API of azml-host (contract §4.1, §4.2): request-response scoring and each web
// service's swagger document, at the two URL shapes Azure used, plus a liveness probe. These
// routes are anonymous to the router: a web service's own keys authenticate its calls.
//   POST /workspaces/{workspace}/services/{serviceId}/execute?api-version=2.0[&details=true][&format=swagger]
//   POST /subscriptions/{workspace}/services/{serviceId}/execute?...
//   GET  /workspaces|subscriptions/{workspace}/services/{serviceId}/swagger.json
//   GET  /health
#pragma once

#include <cstddef>
#include <string>

#include "router/router.hpp"
#include "runtime/web_service_runtime.hpp"

namespace azml::host::runtime {

// Azure's request-response calls were for a handful of rows; larger sets go to batch jobs.
inline constexpr std::size_t kDefaultMaxRowsPerCall = 1000;

struct RuntimeRouteSettings {
  // How clients reach the host, for the swagger document's host and schemes.
  std::string scheme = "http";
  std::string fallback_authority = "127.0.0.1";
  std::size_t max_rows_per_call = kDefaultMaxRowsPerCall;
};

// Adds the routes. The runtime must outlive the router.
void add_runtime_routes(router::Router& router, WebServiceRuntime& runtime, const RuntimeRouteSettings& settings);

}  // namespace azml::host::runtime
