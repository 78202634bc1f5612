// The blob REST routes: parse the address from the path as received, settle the service
// version, authorize, run the operation, and answer every error in Azure's XML.
#include "blobs/blob_routes.hpp"

#include "blobs/blob_auth.hpp"
#include "blobs/blob_names.hpp"
#include "blobs/blob_operations.hpp"
#include "blobs/storage_errors.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

constexpr const char* kContainerPattern = "/blob/{account}/{container}";
constexpr const char* kBlobPattern = "/blob/{account}/{container}/{blob*}";
constexpr const char* kAccountPattern = "/blob/{account}";
const char* const kMethods[] = {"GET", "HEAD", "PUT", "DELETE", "POST", "PATCH", "OPTIONS"};

// The oldest version Azure Storage ever spoke.
constexpr const char* kOldestServiceVersion = "2009-09-19";

bool is_version_date(const std::string& v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return true;
}

// The version the request speaks: x-ms-version, else a SAS's sv, else azml's own. A version
// dated after today cannot exist yet, whatever a client says.
std::string service_version(const http::Request& http, const Query& query, Clock::time_point now) {
  auto header = http.headers.get("x-ms-version");
  if (!header) return query.get("sv").value_or(storage_auth::kServiceVersion);
  const std::string version = trim(*header);
  const std::string today = format_sas_time(now).substr(0, 10);
  if (!is_version_date(version) || version < kOldestServiceVersion || version > today) {
    throw invalid_header("x-ms-version", version,
                         "is not a service version (a date from " + std::string(kOldestServiceVersion) +
                             " to today, e.g. " + storage_auth::kServiceVersion + ")");
  }
  return version;
}

// The address as the client wrote it: segments split before decoding, so an empty segment
// ("a//b") or "%2e%2e" reaches the name checks as what it is.
BlobAddress address_of(const std::string& encoded_path) {
  std::vector<std::string> segments = split(encoded_path, '/');  // "", "blob", account, container, ...
  BlobAddress address;
  if (segments.size() < 3) return address;
  address.account = url_decode(segments[2]);
  if (segments.size() > 3) address.container = url_decode(segments[3]);
  // "/blob/a/c/" names the container, like "/blob/a/c".
  if (segments.size() == 5 && segments[4].empty()) return address;
  for (size_t i = 4; i < segments.size(); ++i) {
    if (i > 4) address.name += '/';
    address.name += url_decode(segments[i]);
  }
  if (segments.size() > 4 && address.name.empty()) address.name = "/";  // refused by the name check
  return address;
}

Error unsupported_verb(const std::string& method, const std::string& what) {
  return storage_error(405, "UnsupportedHttpVerb",
                       "The resource doesn't support the specified HTTP verb " + method + " (" + what + ").");
}

// Which operation the method and query ask for; throws for the ones azml-host does not serve.
BlobOperation operation_of(const http::Request& http, const Query& query, bool on_blob) {
  const auto restype = query.get("restype");
  const auto comp = query.get("comp");
  const std::string& method = http.method;
  if (on_blob) {
    if (comp) {
      throw invalid_query_parameter("comp", *comp,
                                    "is not supported on blobs by azml-host (it serves Put Blob, Get "
                                    "Blob, Get Blob Properties and Delete Blob)");
    }
    if (method == "PUT") return BlobOperation::PutBlob;
    if (method == "GET") return BlobOperation::GetBlob;
    if (method == "HEAD") return BlobOperation::GetBlobProperties;
    if (method == "DELETE") return BlobOperation::DeleteBlob;
    throw unsupported_verb(method, "a blob takes PUT, GET, HEAD and DELETE");
  }
  if (!restype || *restype != "container") {
    throw invalid_query_parameter("restype", restype.value_or(""),
                                  "must be 'container' on a container URL (?restype=container)");
  }
  if (method == "PUT" && !comp) return BlobOperation::CreateContainer;
  if (method == "GET" && comp && *comp == "list") return BlobOperation::ListBlobs;
  if (comp) {
    throw invalid_query_parameter("comp", *comp,
                                  "is not supported on containers by azml-host (it serves Create "
                                  "Container and List Blobs: PUT ?restype=container, GET "
                                  "?restype=container&comp=list)");
  }
  throw unsupported_verb(method, "a container takes PUT ?restype=container and GET ?restype=container&comp=list");
}

http::Response run(BlobService& service, const BlobRouteSettings& settings, const router::RouteRequest& route,
                   std::string& version) {
  const http::Request& http = route.http;
  const std::string encoded_path = http.url.substr(0, http.url.find('?'));
  const Query& query = route.target.query;
  const Clock::time_point now = settings.now();
  version = service_version(http, query, now);

  BlobRequest request{http, encoded_path, query, address_of(encoded_path), settings.tls};
  const BlobAddress& address = request.address;
  check_account_name(address.account);
  if (address.account != service.account().name) {
    throw storage_error(404, "ResourceNotFound",
                        "The storage account '" + address.account + "' does not exist on this host (its account is '" +
                            service.account().name + "').");
  }
  if (address.container.empty()) {
    throw invalid_query_parameter("comp", query.get("comp").value_or(""),
                                  "account-level operations (such as List Containers) are not served by azml-host");
  }
  check_container_name(address.container);
  const bool on_blob = !address.name.empty();
  if (on_blob) check_blob_name(address.name);
  const BlobOperation operation = operation_of(http, query, on_blob);

  BlobStore& store = service.store();
  authorize_blob_request(service.account(), request, operation, now, [&] {
    return store.get_properties(address.account, address.container, address.name).has_value();
  });

  BlobCall call{service, settings, route, request};
  switch (operation) {
    case BlobOperation::CreateContainer: return create_container(call);
    case BlobOperation::ListBlobs: return list_blobs(call);
    case BlobOperation::PutBlob: return put_blob(call);
    case BlobOperation::GetBlob: return get_blob(call, false);
    case BlobOperation::GetBlobProperties: return get_blob(call, true);
    case BlobOperation::DeleteBlob: return delete_blob(call);
  }
  throw Error(ErrorCode::Generic, "unhandled blob operation");
}

http::Response handle(BlobService& service, const BlobRouteSettings& settings, const router::RouteRequest& route) {
  std::string version = storage_auth::kServiceVersion;
  http::Response response;
  try {
    response = run(service, settings, route, version);
  } catch (const Error& error) {
    if (error.http_status() < 400 && settings.on_internal_error)
      settings.on_internal_error(route.request_id, error.what());
    response = storage_error_response(error, route.http.method, route.request_id);
  }
  response.headers.set("x-ms-version", version);
  response.headers.set("Date", format_rfc1123(Clock::now()));
  if (auto client_id = route.http.headers.get("x-ms-client-request-id")) {
    response.headers.set("x-ms-client-request-id", client_id->substr(0, 1024));
  }
  return response;
}

}  // namespace

void add_blob_routes(router::Router& router, BlobService& service, const BlobRouteSettings& settings) {
  auto shared = std::make_shared<const BlobRouteSettings>(settings);
  BlobService* blob_service = &service;
  auto handler = [blob_service, shared](const router::RouteRequest& request) {
    return handle(*blob_service, *shared, request);
  };
  // Every method goes to the handler, which answers the ones it does not serve in Azure's XML.
  for (const char* pattern : {kAccountPattern, kContainerPattern, kBlobPattern}) {
    for (const char* method : kMethods) router.add({method, pattern, router::Access::Anonymous, handler});
  }
}

}  // namespace azml::host::blobs
