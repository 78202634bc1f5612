#include "runtime/runtime_routes.hpp"

#include "common/arm_error.hpp"
#include "common/error.hpp"
#include "definition/definition.hpp"
#include "handlers/public_urls.hpp"
#include "handlers/responses.hpp"
#include "runtime/rrs_exchange.hpp"
#include "runtime/rrs_fast_request.hpp"
#include "runtime/rrs_response_text.hpp"
#include "runtime/swagger_document.hpp"

namespace azml::host::runtime {

namespace {

using router::RouteRequest;

// Both URL shapes: classic workspaces and ARM web services (whose "subscriptions" segment holds
// the workspace id, contract §4.1).
constexpr const char* kServiceCollections[] = {"workspaces", "subscriptions"};

// How long a throttled client should wait before trying again: calls are short.
constexpr const char* kThrottledRetryAfterSeconds = "1";

ResolvedService resolve(const WebServiceRuntime& runtime, const RouteRequest& request) {
  return runtime.find(request.param("workspace"), request.param("serviceId"));
}

json request_body(const RouteRequest& request) {
  if (request.http.body.empty()) {
    throw Error(ErrorCode::Invalid, "BadArgument", "The request body is empty; send {\"Inputs\": {...}}.");
  }
  try {
    return definition::parse_json(request.http.body, "the request body");
  } catch (const Error& error) {
    if (error.code() != ErrorCode::Invalid) throw;
    throw Error(ErrorCode::Invalid, "BadArgument", error.what());
  }
}

// Runs the call, through the graph or its scoring plan.
template <typename Run>
std::map<std::string, engine::Value> run(Run&& run_call) {
  try {
    return run_call();
  } catch (const Error& error) {
    // Bad data that passed the schema (a label unseen in training, an unknown global
    // parameter) is the caller's to fix; anything else is the host's and stays a 500.
    if (error.code() != ErrorCode::Invalid) throw;
    throw Error(ErrorCode::Invalid, "BadArgument", error.what()).add_detail({"ExecutionError", error.what(), ""});
  }
}

http::Response throttled(const Error& error) {
  auto response = handlers::json_response(http_status_for(error), arm_error_body(error));
  response.headers.set("Retry-After", kThrottledRetryAfterSeconds);
  return response;
}

http::Response execute(const WebServiceRuntime& runtime, const RuntimeRouteSettings& settings,
                       const RouteRequest& request) {
  const RrsOptions options = rrs_options_of(request.target.query);
  const ResolvedService service = resolve(runtime, request);
  WebServiceRuntime::authenticate(*service.state, request.http.headers);
  // The revision loaded here serves the whole call, whatever is published meanwhile.
  const Revision& revision = WebServiceRuntime::serving_revision(*service.state);
  try {
    ConcurrentCall call(*service.slot, *service.state);
    // Nearly every call is read and answered on the fast paths: straight into the model's
    // features when the graph has a scoring plan, else into tables. What they do not take, the
    // general reader and writer take, and word any error.
    const engine::ScoringPlan* plan = options.format == RrsFormat::Table ? revision.scoring_plan() : nullptr;
    std::optional<RrsFeatureRows> rows;
    if (plan) rows = read_rrs_features_fast(request.http.body, *plan, settings.max_rows_per_call);
    std::map<std::string, engine::Value> results;
    if (rows) {
      results = run([&] { return plan->score(rows->features, rows->rows); });
    } else {
      std::optional<RrsCall> fast;
      if (options.format == RrsFormat::Table) {
        fast = read_rrs_request_fast(request.http.body, revision.graph(), settings.max_rows_per_call);
      }
      RrsCall input = fast ? std::move(*fast)
                           : read_rrs_request(request_body(request), revision.graph(), options.format,
                                              settings.max_rows_per_call);
      results = run([&] { return revision.graph().execute(std::move(input.inputs), input.global_parameters); });
    }
    if (auto text = rrs_response_text(results, revision.graph(), options)) {
      http::Response response;
      response.status = 200;
      response.headers.set("Content-Type", handlers::kJsonContentType);
      response.body = std::move(*text);
      return response;
    }
    return handlers::json_response(200, write_rrs_response(results, revision.graph(), options));
  } catch (const Error& error) {
    if (error.code() == ErrorCode::Throttled) return throttled(error);
    throw;
  }
}

http::Response swagger(const WebServiceRuntime& runtime, const RuntimeRouteSettings& settings, const char* collection,
                       const RouteRequest& request) {
  const ResolvedService service = resolve(runtime, request);
  const Revision& revision = WebServiceRuntime::serving_revision(*service.state);
  const std::string base = handlers::public_base_url(request.http, settings.scheme, settings.fallback_authority);
  SwaggerLocation location;
  location.scheme = settings.scheme;
  location.authority = base.substr(base.find("://") + 3);
  location.base_path =
      handlers::encode_path({collection, request.param("workspace"), "services", service.state->service_id});
  return handlers::json_response(200, swagger_document(service.state->key.name, revision, location));
}

http::Response health() { return handlers::json_response(200, json{{"status", "Healthy"}}); }

}  // namespace

void add_runtime_routes(router::Router& router, WebServiceRuntime& runtime, const RuntimeRouteSettings& settings) {
  const WebServiceRuntime* shared = &runtime;
  for (const char* collection : kServiceCollections) {
    const std::string service = std::string("/") + collection + "/{workspace}/services/{serviceId}";
    router.add({"POST", service + "/execute", router::Access::Anonymous,
                [shared, settings](const RouteRequest& request) { return execute(*shared, settings, request); }});
    // The document describes a service's schema, not its data, so it takes no key: a browser
    // opening swaggerLocation has none to send.
    router.add({"GET", service + "/swagger.json", router::Access::Anonymous,
                [shared, settings, collection](const RouteRequest& request) {
                  return swagger(*shared, settings, collection, request);
                }});
  }
  // A liveness probe that touches nothing: load balancers poll it, and it is the transport's
  // own cost in benchmarks. POST takes a body and ignores it, so a benchmark can also measure
  // the transport carrying exactly the request a scoring call carries.
  router.add({"GET", "/health", router::Access::Anonymous, [](const RouteRequest&) { return health(); }});
  router.add({"POST", "/health", router::Access::Anonymous, [](const RouteRequest&) { return health(); }});
}

}  // namespace azml::host::runtime
