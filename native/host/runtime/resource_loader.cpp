#include "runtime/resource_loader.hpp"

#include "blobs/blob_auth.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"
#include "domain/classic_errors.hpp"

namespace azml::host::runtime {

namespace {

// What a location may be called in messages: without its query, which may hold a SAS token.
std::string without_query(const std::string& uri) { return uri.substr(0, uri.find('?')); }

std::string read_own_blob(blobs::BlobStore* store, const blobs::BlobAddress& address, const std::string& uri) {
  if (!store) {
    throw Error(ErrorCode::Invalid, without_query(uri) + " is a blob of this host, but this host has no blob store");
  }
  auto bytes = store->get_blob(address.account, address.container, address.name);
  if (!bytes) {
    throw Error(ErrorCode::NotFound, "blob '" + address.name + "' does not exist in container '" + address.container +
                                         "' of account '" + address.account + "' on this host");
  }
  return std::move(*bytes);
}

std::string fetch(client::Transport* transport, std::chrono::milliseconds timeout, const std::string& uri) {
  if (!transport) throw Error(ErrorCode::Invalid, "this host cannot fetch " + without_query(uri) + ": it has no HTTP client");
  http::Request request;
  request.method = "GET";
  request.url = uri;
  request.timeout = timeout;
  http::Response response;
  try {
    response = transport->send(request);
  } catch (const Error& error) {
    throw Error(error.code(), "cannot fetch " + without_query(uri) + ": " + error.what());
  }
  if (response.status == 200) return std::move(response.body);
  const std::string status = std::to_string(response.status) + " " + http::reason_phrase(response.status);
  if (response.status == 404) throw Error(ErrorCode::NotFound, without_query(uri) + " does not exist (HTTP " + status + ")");
  if (response.status == 401 || response.status == 403) {
    throw Error(ErrorCode::Unauthorized, "fetching " + without_query(uri) + " answered HTTP " + status);
  }
  throw Error(ErrorCode::Http, "fetching " + without_query(uri) + " answered HTTP " + status);
}

// Why the blob API refused a token, in words that hold none of it (its own messages quote the
// string to sign).
std::string refusal_reason(const Error& refused, const storage_auth::ServiceSas& sas, Clock::time_point now) {
  const std::string& code = refused.service_code();
  if (code == "AuthorizationPermissionMismatch") return "its SasBlobToken does not grant the read ('r') permission";
  if (code == "AuthorizationResourceTypeMismatch") return "its SasBlobToken covers another kind of resource";
  if (code == "AuthorizationProtocolMismatch") return "its SasBlobToken allows https only";
  if (code == "AuthorizationSourceIPMismatch") return "its SasBlobToken is limited to other source addresses";
  if (auto start = parse_sas_time(sas.start); start && now < *start) {
    return "its SasBlobToken is not valid before " + format_sas_time(*start);
  }
  return "its SasBlobToken is not a valid shared access signature of this host's storage account for this blob "
         "(make one with azml_blob_sas, or GET the batch job again for a fresh one)";
}

}  // namespace

bool is_own_blob_url(const ResourceSources& sources, const std::string& uri) {
  return blobs::parse_own_blob_url(uri, sources.own_authorities).has_value();
}

void check_own_blob_token(const ResourceSources& sources, const std::string& uri) {
  const auto address = blobs::parse_own_blob_url(uri, sources.own_authorities);
  const auto query_start = uri.find('?');
  if (!address || query_start == std::string::npos || query_start + 1 == uri.size()) return;
  const std::string shown = without_query(uri);
  const Query query = Query::parse(std::string_view(uri).substr(query_start + 1));
  const auto sas = storage_auth::service_sas_from_query(query);
  if (!sas) {
    throw domain::classic_errors::blob_location_unauthorized(
        shown, "its SasBlobToken is not a shared access signature (it has no 'sig')");
  }
  if (!sources.account) {
    throw domain::classic_errors::blob_location_unauthorized(shown, "this host has no storage account to verify its SasBlobToken with");
  }
  const Url url = parse_url(uri);
  http::Request request;
  request.method = "GET";
  request.url = url.path_and_query;
  request.remote_address = "127.0.0.1";  // the host reads the blob itself
  const std::string encoded_path = url.path_and_query.substr(0, url.path_and_query.find('?'));
  const blobs::BlobRequest blob_request{request, encoded_path, query, *address, url.scheme == "https"};
  const auto blob_exists = [] { return true; };
  const Clock::time_point now = sources.now();
  try {
    blobs::authorize_blob_request(*sources.account, blob_request, blobs::BlobOperation::GetBlob, now, blob_exists);
    return;
  } catch (const Error& refused) {
    // Expired is worth its own answer (get a fresh token): it is when the same token passes the
    // same checks just before its expiry.
    const auto expiry = parse_sas_time(sas->expiry);
    bool only_expired = false;
    if (expiry && *expiry <= now) {
      try {
        blobs::authorize_blob_request(*sources.account, blob_request, blobs::BlobOperation::GetBlob,
                                      *expiry - std::chrono::seconds(1), blob_exists);
        only_expired = true;
      } catch (const Error&) {
      }
    }
    if (only_expired) throw domain::classic_errors::blob_location_expired(shown, format_sas_time(*expiry));
    throw domain::classic_errors::blob_location_unauthorized(shown, refusal_reason(refused, *sas, now));
  }
}

engine::ResourceLoader make_resource_loader(ResourceSources sources) {
  auto shared = std::make_shared<ResourceSources>(std::move(sources));
  return [shared](const std::string& uri) -> std::string {
    if (auto address = blobs::parse_own_blob_url(uri, shared->own_authorities)) {
      return read_own_blob(shared->blob_store, *address, uri);
    }
    const std::string scheme = to_lower(uri.substr(0, uri.find(':')));
    if (scheme == "http" || scheme == "https") return fetch(shared->transport.get(), shared->fetch_timeout, uri);
    throw Error(ErrorCode::Invalid, "cannot load '" + uri +
                                        "': azml loads resources from this host's blob store or from an http(s) URL");
  };
}

}  // namespace azml::host::runtime
