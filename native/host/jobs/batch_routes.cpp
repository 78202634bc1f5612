#include "jobs/batch_routes.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"
#include "handlers/responses.hpp"

namespace azml::host::jobs {

namespace {

using router::RouteRequest;

const std::string& param(const RouteRequest& request, const char* name) {
  auto found = request.params.find(name);
  if (found == request.params.end()) throw Error(ErrorCode::Generic, std::string("route has no parameter ") + name);
  return found->second;
}

void require_batch_api_version(const Query& query) {
  auto version = query.get("api-version");
  if (!version || trim(*version).empty()) {
    throw Error(ErrorCode::Invalid, "MissingApiVersionParameter",
                std::string("The api-version query parameter (?api-version=) is required; BES speaks ") +
                    kBatchApiVersion + ".")
        .with_target("api-version");
  }
  if (trim(*version) != kBatchApiVersion) {
    throw Error(ErrorCode::Invalid, "InvalidApiVersionParameter",
                "The api-version '" + *version + "' is not supported; BES speaks " + kBatchApiVersion + ".")
        .with_target("api-version");
  }
}

json request_body(const RouteRequest& request) {
  if (trim(request.http.body).empty()) {
    throw Error(ErrorCode::Invalid, "BadArgument",
                "The job request has no body: send {\"Inputs\": {...}, \"Outputs\": {...}, \"GlobalParameters\": {...}}.");
  }
  try {
    return json::parse(request.http.body);
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::Invalid, "BadArgument", std::string("The job request is not valid JSON: ") + e.what());
  }
}

// Every BES call: the api-version, then the service the URL names, then its key.
template <typename Handler>
router::RouteHandler batch_handler(runtime::WebServiceRuntime& runtime, BatchJobService& jobs, Handler handler) {
  return [&runtime, &jobs, handler](const RouteRequest& request) {
    require_batch_api_version(request.target.query);
    runtime::ResolvedService service = runtime.find(param(request, "workspace"), param(request, "serviceId"));
    runtime::WebServiceRuntime::authenticate(*service.state, request.http.headers);
    return handler(jobs, *service.state, request);
  };
}

void add_for_prefix(router::Router& router, const std::string& prefix, runtime::WebServiceRuntime& runtime,
                    BatchJobService& jobs) {
  const std::string collection = prefix + "/{workspace}/services/{serviceId}/jobs";
  const std::string job = collection + "/{jobId}";
  using State = runtime::ServingState;
  router.add({"POST", collection, router::Access::Anonymous,
              batch_handler(runtime, jobs, [](BatchJobService& s, const State& service, const RouteRequest& request) {
                // The id as a JSON string: clients strip the quotes (contract §4.3).
                return handlers::json_response(200, json(s.submit(service, request_body(request))));
              })});
  router.add({"GET", collection, router::Access::Anonymous,
              batch_handler(runtime, jobs, [](BatchJobService& s, const State& service, const RouteRequest&) {
                return handlers::json_response(200, s.list(service));
              })});
  router.add({"POST", job + "/start", router::Access::Anonymous,
              batch_handler(runtime, jobs, [](BatchJobService& s, const State& service, const RouteRequest& request) {
                s.start(service, param(request, "jobId"));
                return handlers::empty_response(200);
              })});
  router.add({"GET", job, router::Access::Anonymous,
              batch_handler(runtime, jobs, [](BatchJobService& s, const State& service, const RouteRequest& request) {
                return handlers::json_response(200, s.status(service, param(request, "jobId")));
              })});
  router.add({"DELETE", job, router::Access::Anonymous,
              batch_handler(runtime, jobs, [](BatchJobService& s, const State& service, const RouteRequest& request) {
                s.cancel(service, param(request, "jobId"));
                return handlers::empty_response(200);
              })});
}

}  // namespace

void add_batch_routes(router::Router& router, runtime::WebServiceRuntime& runtime, BatchJobService& jobs) {
  add_for_prefix(router, "/workspaces", runtime, jobs);
  add_for_prefix(router, "/subscriptions", runtime, jobs);
}

}  // namespace azml::host::jobs
