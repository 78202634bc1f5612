#include "runtime/resource_loader.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

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
  throw Error(ErrorCode::Http, "fetching " + without_query(uri) + " answered HTTP " + status);
}

}  // namespace

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
