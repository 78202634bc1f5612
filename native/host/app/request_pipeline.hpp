// The request handler the transport calls: route, authenticate, run the route's handler, and
// turn whatever it raised into an ARM error response (the one place that maps azml::Error to a
// status and body, through common/arm_error). Every response leaves with x-ms-request-id and
// x-ms-correlation-request-id.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "auth/bearer_auth.hpp"
#include "domain/catalog.hpp"
#include "handlers/management_api.hpp"
#include "router/router.hpp"
#include "transport/request_handler.hpp"

namespace azml::host::runtime {
class WebServiceRuntime;
}  // namespace azml::host::runtime
namespace azml::host::jobs {
class BatchJobService;
}  // namespace azml::host::jobs

namespace azml::host::blobs {
class BlobService;
}  // namespace azml::host::blobs

namespace azml::host::domain {
class ClassicWorkspace;
}  // namespace azml::host::domain

namespace azml::host::app {

// Told about exceptions that are not azml::Error (bugs): the client gets a generic 500, the log
// gets the text.
using InternalErrorReporter = std::function<void(const std::string& request_id, const std::string& what)>;

class RequestPipeline {
 public:
  RequestPipeline(std::shared_ptr<const router::Router> router, std::shared_ptr<const auth::AdminAuthenticator> auth,
                  InternalErrorReporter on_internal_error = nullptr);

  http::Response handle(const http::Request& request) const;

 private:
  http::Response route(const http::Request& request, const std::string& request_id) const;
  // Throws azml::Error(Unauthorized) unless the request may call the route.
  void authorize(const router::Route& route, const router::RouteRequest& request) const;

  std::shared_ptr<const router::Router> router_;
  std::shared_ptr<const auth::AdminAuthenticator> auth_;
  InternalErrorReporter on_internal_error_;
};

struct HostHandlerOptions {
  std::string admin_token;
  handlers::ManagementSettings management;
  InternalErrorReporter on_internal_error;
};

// What the routes work on. Each feature adds its service here and its routes in
// make_host_request_handler; a null service means its routes are not served.
struct HostServices {
  domain::Catalog* catalog = nullptr;  // required: the management API
  runtime::WebServiceRuntime* runtime = nullptr;  // request-response scoring and swagger documents
  blobs::BlobService* blobs = nullptr;  // the blob API (/blob/...) and the storage account on the management API
  jobs::BatchJobService* batch_jobs = nullptr;  // BES: batch jobs (served only with a runtime, which finds services)
  domain::ClassicWorkspace* classic = nullptr;  // the classic web-service API (workspaces/{ws}/webservices)
};

// The whole host behind one function: every route over the services. Management routes need the
// admin token (a classic endpoint's routes also take that endpoint's keys); runtime and blob
// routes authenticate with their own keys. The services must outlive the returned handler.
transport::RequestHandler make_host_request_handler(const HostServices& services, const HostHandlerOptions& options);

}  // namespace azml::host::app
