// The BES routes (contract §4.1), under both URL shapes Azure used:
//   /workspaces/{workspace}/services/{serviceId}/jobs...      (classic web services)
//   /subscriptions/{workspace}/services/{serviceId}/jobs...   (new, ARM web services)
//   POST   .../jobs?api-version=2.0               submit: the job id as a JSON string
//   GET    .../jobs?api-version=2.0               the service's recent jobs
//   POST   .../jobs/{jobId}/start?api-version=2.0 start (empty body)
//   GET    .../jobs/{jobId}?api-version=2.0       status and results, with fresh SAS tokens
//   DELETE .../jobs/{jobId}?api-version=2.0       cancel
// Each authenticates with the web service's primary or secondary key ("Authorization: Bearer"),
// as RRS does.
#pragma once

#include "jobs/batch_jobs.hpp"
#include "router/router.hpp"
#include "runtime/web_service_runtime.hpp"

namespace azml::host::jobs {

// The api-version BES speaks.
inline constexpr const char* kBatchApiVersion = "2.0";

// Adds the routes. runtime and jobs must outlive the router.
void add_batch_routes(router::Router& router, runtime::WebServiceRuntime& runtime, BatchJobService& jobs);

}  // namespace azml::host::jobs
