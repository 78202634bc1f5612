#include "app/request_pipeline.hpp"

#include "common/arm_error.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "handlers/responses.hpp"
#include "runtime/runtime_routes.hpp"
#include "jobs/batch_routes.hpp"
#include "blobs/blob_routes.hpp"
#include "handlers/api_version.hpp"
#include "handlers/classic_api.hpp"
#include "handlers/public_urls.hpp"

namespace azml::host::app {

namespace {

// A client's own x-ms-client-request-id is echoed as the correlation id when it is a sane token.
bool is_echoable_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

http::Response error_response(const Error& error) {
  auto response = handlers::json_response(http_status_for(error), arm_error_body(error));
  if (response.status == 401) response.headers.set("WWW-Authenticate", auth::kBearerChallenge);
  return response;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

RequestPipeline::RequestPipeline(std::shared_ptr<const router::Router> router,
                                 std::shared_ptr<const auth::AdminAuthenticator> auth,
                                 InternalErrorReporter on_internal_error)
    : router_(std::move(router)), auth_(std::move(auth)), on_internal_error_(std::move(on_internal_error)) {
  if (!router_ || !auth_) throw Error(ErrorCode::Invalid, "the request pipeline needs a router and an authenticator");
}

http::Response RequestPipeline::route(const http::Request& request, const std::string& request_id) const {
  const Target target = parse_target(request.url);
  router::RouteMatch match = router_->match(request.method, target.segments);
  switch (match.outcome) {
    case router::RouteMatch::Outcome::NotFound:
      throw Error(ErrorCode::NotFound, "NotFound",
                  "The host serves no resource at '" + target.path + "'.");
    case router::RouteMatch::Outcome::MethodNotAllowed: {
      auto allowed = join(match.allowed, ", ");
      auto response = error_response(Error(ErrorCode::MethodNotAllowed, "MethodNotAllowed",
                                           "The method '" + request.method + "' is not allowed on '" + target.path +
                                               "'; allowed: " + allowed + "."));
      response.headers.set("Allow", allowed);
      return response;
    }
    case router::RouteMatch::Outcome::Found:
      break;
  }
  router::RouteRequest route_request{request, target, std::move(match.params), request_id};
  authorize(*match.route, route_request);
  return match.route->handler(route_request);
}

void RequestPipeline::authorize(const router::Route& route, const router::RouteRequest& request) const {
  switch (route.access) {
    case router::Access::Anonymous:
      return;
    case router::Access::Admin:
      auth_->authenticate(request.http.headers);
      return;
    case router::Access::AdminOrKey: {
      const std::string presented = auth::bearer_token(request.http.headers, "admin token or key");
      // The admin token is compared first, in constant time; only another token is looked up
      // as a key of what the URL names.
      if (auth_->accepts(presented) || route.key_check(request, presented)) return;
      throw Error(ErrorCode::Unauthorized, "InvalidAuthenticationToken",
                  "The access token is invalid. Use the admin token from the host's data directory, or the "
                  "primary or secondary key of the endpoint the URL names.");
    }
  }
  throw Error(ErrorCode::Generic, "route " + route.pattern + " has an unknown access mode");
}

http::Response RequestPipeline::handle(const http::Request& request) const {
  const std::string request_id = new_request_id();
  http::Response response;
  try {
    response = route(request, request_id);
  } catch (const Error& error) {
    response = error_response(error);
  } catch (const std::exception& e) {
    if (on_internal_error_) on_internal_error_(request_id, e.what());
    response = error_response(Error(ErrorCode::Generic, "InternalServerError",
                                    "The host met an unexpected error while processing the request; its log has "
                                    "the details (request id " + request_id + ")."));
  } catch (...) {
    if (on_internal_error_) on_internal_error_(request_id, "unknown exception");
    response = error_response(Error(ErrorCode::Generic, "InternalServerError",
                                    "The host met an unexpected error while processing the request."));
  }
  auto client_id = request.headers.get("x-ms-client-request-id");
  response.headers.set("x-ms-request-id", request_id);
  response.headers.set("x-ms-correlation-request-id",
                       client_id && is_echoable_id(trim(*client_id)) ? trim(*client_id) : request_id);
  return response;
}

transport::RequestHandler make_host_request_handler(const HostServices& services, const HostHandlerOptions& options) {
  if (services.catalog == nullptr) throw Error(ErrorCode::Invalid, "the host needs a catalog");
  auto router = std::make_shared<router::Router>();
  handlers::add_management_routes(*router, *services.catalog, options.management);
  if (services.runtime) {
    runtime::RuntimeRouteSettings runtime_settings;
    runtime_settings.scheme = options.management.scheme;
    runtime_settings.fallback_authority = options.management.fallback_authority;
    runtime::add_runtime_routes(*router, *services.runtime, runtime_settings);
  }
  if (services.classic) {
    handlers::add_classic_routes(*router, *services.classic, options.management);
  }
  if (services.runtime && services.batch_jobs) {
    jobs::add_batch_routes(*router, *services.runtime, *services.batch_jobs);
  }
  if (services.blobs) {
    blobs::BlobRouteSettings blob_settings;
    blob_settings.tls = options.management.scheme == "https";
    blob_settings.base_url = [management = options.management](const http::Request& request) {
      return handlers::public_base_url(request, management.scheme, management.fallback_authority);
    };
    blob_settings.require_api_version = [](const Query& query) { handlers::require_any_api_version(query); };
    blob_settings.on_internal_error = options.on_internal_error;
    blobs::add_blob_routes(*router, *services.blobs, blob_settings);
    blobs::add_storage_account_routes(*router, *services.blobs, *services.catalog, blob_settings);
  }
  auto pipeline = std::make_shared<const RequestPipeline>(
      router, std::make_shared<const auth::AdminAuthenticator>(options.admin_token), options.on_internal_error);
  return [pipeline](const http::Request& request) { return pipeline->handle(request); };
}

}  // namespace azml::host::app
