#include "client/blob_client.hpp"

#include <algorithm>

#include "client/blob_responses.hpp"
#include "client/cpprest_transport.hpp"
#include "client/request_id_policy.hpp"
#include "client/retry_policy.hpp"
#include "client/shared_key_policy.hpp"
#include "client/user_agent_policy.hpp"
#include "common/content_md5.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

void require_name(const std::string& value, const char* what) {
  if (value.empty()) throw Error(ErrorCode::Invalid, std::string(what) + " must not be empty").with_target(what);
}

// Each segment of a blob name percent-encoded, the '/' between them kept: the service sees the
// virtual directories, and the signature covers the path as sent.
std::string encode_blob_name(const std::string& blob) {
  std::string out;
  bool first = true;
  for (const auto& segment : split(blob, '/')) {
    if (!first) out += '/';
    out += url_encode(segment);
    first = false;
  }
  return out;
}

std::string quoted(const std::string& container, const std::string& blob) { return "'" + container + "/" + blob + "'"; }

std::vector<std::unique_ptr<Policy>> blob_policies(const StorageConnection& connection) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RequestIdPolicy>());
  policies.push_back(std::make_unique<UserAgentPolicy>(""));
  policies.push_back(std::make_unique<RetryPolicy>(RetryOptions{}, TimeSource::real()));
  if (!connection.account_key.empty()) {
    policies.push_back(
        std::make_unique<SharedKeyPolicy>(connection.account_name, connection.account_key, TimeSource::real()));
  }
  return policies;
}

// The permission letters, checked and put in the order the service requires.
std::string ordered_permissions(const std::string& permissions) {
  constexpr std::string_view kBlobLetters = "racwdxytmeopi";
  if (permissions.empty())
    throw Error(ErrorCode::Invalid, "the SAS needs at least one permission").with_target("permissions");
  for (char c : permissions) {
    if (kBlobLetters.find(c) == std::string_view::npos) {
      throw Error(ErrorCode::Invalid, std::string("unknown blob SAS permission '") + c + "' (use letters of \"" +
                                          std::string(kBlobLetters) + "\", e.g. \"r\" or \"rw\")")
          .with_target("permissions");
    }
  }
  std::string ordered;
  for (char c : storage_auth::kBlobSasPermissionOrder) {
    if (permissions.find(c) != std::string::npos) ordered += c;
  }
  return ordered;
}

}  // namespace

BlobClient::BlobClient(StorageConnection connection, std::shared_ptr<Transport> transport)
    : connection_(std::move(connection)), transport_(std::move(transport)) {
  if (connection_.blob_endpoint.empty()) {
    throw Error(ErrorCode::Invalid, "the storage connection has no blob endpoint").with_target("BlobEndpoint");
  }
  parse_url(connection_.blob_endpoint);
  while (connection_.blob_endpoint.back() == '/') connection_.blob_endpoint.pop_back();
  if (connection_.account_key.empty() && connection_.sas_token.empty()) {
    throw Error(ErrorCode::Invalid, "the storage connection has neither an account key nor a SAS token")
        .with_target("AccountKey");
  }
  if (!connection_.account_key.empty() && connection_.account_name.empty()) {
    throw Error(ErrorCode::Invalid, "an account key needs the account name").with_target("AccountName");
  }
  if (!transport_) transport_ = std::make_shared<CpprestTransport>();
  pipeline_ = std::make_unique<Pipeline>(blob_policies(connection_), transport_);
}

std::string BlobClient::container_url(const std::string& container) const {
  require_name(container, "container");
  return connection_.blob_endpoint + "/" + url_encode(container);
}

std::string BlobClient::blob_url(const std::string& container, const std::string& blob) const {
  require_name(blob, "blob");
  return container_url(container) + "/" + encode_blob_name(blob);
}

std::string BlobClient::with_sas(std::string url) const {
  if (connection_.sas_token.empty()) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + connection_.sas_token;
}

http::Response BlobClient::send(const std::string& method, const std::string& url, http::Headers headers,
                                std::string body) const {
  http::Request request;
  request.method = method;
  request.url = with_sas(url);
  request.headers = std::move(headers);
  request.headers.set("x-ms-version", storage_auth::kServiceVersion);
  request.body = std::move(body);
  return pipeline_->send(std::move(request));
}

void BlobClient::ensure_container(const std::string& container) {
  http::Response response = send("PUT", container_url(container) + "?restype=container", {});
  if (response.status == 201) return;
  if (response.status == 409) {
    Error error = storage_error_from_response(response, "create container '" + container + "'");
    if (error.service_code() == "ContainerAlreadyExists") return;
    throw error;
  }
  throw storage_error_from_response(response, "create container '" + container + "'");
}

void BlobClient::put_blob(const std::string& container, const std::string& blob, std::string_view data,
                          const std::string& content_type) {
  http::Headers headers;
  headers.set("x-ms-blob-type", "BlockBlob");
  headers.set("Content-Type", content_type.empty() ? "application/octet-stream" : content_type);
  // Lets the service refuse a body that was damaged on the way.
  headers.set("Content-MD5", content_md5(data));
  http::Response response = send("PUT", blob_url(container, blob), std::move(headers), std::string(data));
  if (response.status != 201) throw storage_error_from_response(response, "put blob " + quoted(container, blob));
}

std::string BlobClient::get_blob(const std::string& container, const std::string& blob) {
  http::Response response = send("GET", blob_url(container, blob), {});
  if (response.status != 200) throw storage_error_from_response(response, "get blob " + quoted(container, blob));
  if (auto md5 = response.headers.get("Content-MD5"); md5 && !trim(*md5).empty()) {
    if (trim(*md5) != content_md5(response.body)) {
      throw Error(ErrorCode::Http, "get blob " + quoted(container, blob) +
                                       ": the content does not match the Content-MD5 the service sent")
          .with_http_status(response.status)
          .with_request_id(response.headers.get("x-ms-request-id").value_or(""));
    }
  }
  return std::move(response.body);
}

BlobInfo BlobClient::get_properties(const std::string& container, const std::string& blob) {
  http::Response response = send("HEAD", blob_url(container, blob), {});
  if (response.status != 200) {
    throw storage_error_from_response(response, "get properties of blob " + quoted(container, blob));
  }
  BlobInfo info;
  info.name = blob;
  // azml-host names the size in x-ms-blob-content-length as well as in Content-Length (earlier
  // hosts could not send a HEAD response's Content-Length), so that one is read first.
  const std::string length =
      response.headers.get("x-ms-blob-content-length").value_or(response.headers.get("Content-Length").value_or("0"));
  try {
    info.size = std::stoull(length);
  } catch (const std::exception&) {
    throw Error(ErrorCode::Http, "get properties of blob " + quoted(container, blob) +
                                     ": the service sent a Content-Length that is not a number: '" + length + "'");
  }
  info.content_type = response.headers.get("Content-Type").value_or("");
  info.etag = response.headers.get("ETag").value_or("");
  info.last_modified = response.headers.get("Last-Modified").value_or("");
  return info;
}

void BlobClient::delete_blob(const std::string& container, const std::string& blob) {
  http::Response response = send("DELETE", blob_url(container, blob), {});
  if (response.status != 202) throw storage_error_from_response(response, "delete blob " + quoted(container, blob));
}

std::vector<BlobInfo> BlobClient::list_blobs(const std::string& container, const std::string& prefix) {
  std::vector<BlobInfo> all;
  std::string marker;
  for (;;) {
    Query query;
    query.set("restype", "container");
    query.set("comp", "list");
    if (!prefix.empty()) query.set("prefix", prefix);
    if (!marker.empty()) query.set("marker", marker);
    http::Response response = send("GET", container_url(container) + "?" + query.to_string(), {});
    if (response.status != 200) {
      throw storage_error_from_response(response, "list blobs of container '" + container + "'");
    }
    BlobListPage page = parse_blob_list(response.body);
    for (auto& blob : page.blobs) all.push_back(std::move(blob));
    if (page.next_marker.empty()) break;
    // A service that hands back the marker it was given would keep the client here forever.
    if (page.next_marker == marker) {
      throw Error(ErrorCode::Http, "list blobs of container '" + container +
                                       "': the service returned the same "
                                       "NextMarker twice");
    }
    marker = std::move(page.next_marker);
  }
  return all;
}

std::string BlobClient::blob_sas(const std::string& container, const std::string& blob, const std::string& permissions,
                                 std::chrono::system_clock::time_point expiry) const {
  if (connection_.account_key.empty()) {
    throw Error(ErrorCode::Invalid, "a SAS can only be made with the account key; this connection has none")
        .with_target("AccountKey");
  }
  require_name(container, "container");
  require_name(blob, "blob");
  storage_auth::ServiceSas sas;
  sas.version = storage_auth::kServiceVersion;
  sas.resource = "b";
  sas.permissions = ordered_permissions(permissions);
  sas.expiry = format_sas_time(expiry);
  const std::string resource =
      storage_auth::service_sas_canonical_resource(sas.version, connection_.account_name, container, blob);
  sas.signature = storage_auth::sign(connection_.account_key, storage_auth::service_sas_string_to_sign(sas, resource));
  return "?" + storage_auth::service_sas_query(sas);
}

}  // namespace azml::client
