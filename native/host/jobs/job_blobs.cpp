#include "jobs/job_blobs.hpp"

#include <optional>

#include "client/blob_client.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "runtime/resource_loader.hpp"

namespace azml::host::jobs {

namespace {

// A blob name's segments percent-encoded, '/' kept: the path of its URL.
std::string encode_blob_path(const std::string& name) {
  std::string out;
  for (const auto& segment : split(name, '/')) out += (out.empty() ? "" : "/") + url_encode(segment);
  return out;
}

// Re-raises a storage error with the blob named in front, keeping its kind and service code.
[[noreturn]] void rethrow_about(const Error& error, const std::string& what) {
  Error wrapped(error.code(), what + ": " + error.what());
  if (!error.service_code().empty()) wrapped.with_service_code(error.service_code());
  throw wrapped;
}

}  // namespace

struct JobBlobs::Location {
  client::StorageConnection connection;
  std::string container;
  std::string blob;
  // Set when the blob is in this host's own store and the reference's account key opened it.
  std::optional<blobs::BlobAddress> own;
};

JobBlobs::JobBlobs(OwnBlobService own, std::shared_ptr<client::Transport> transport)
    : own_(std::move(own)), transport_(std::move(transport)) {
  if (!transport_) throw Error(ErrorCode::Invalid, "batch jobs need an HTTP transport for remote storage");
}

std::string JobBlobs::describe(const BlobReference& reference) {
  return "blob '" + reference.container + "/" + reference.blob + "'";
}

JobBlobs::Location JobBlobs::locate(const BlobReference& reference) const {
  Location location;
  location.container = reference.container;
  location.blob = reference.blob;
  if (!reference.connection_string.empty()) {
    try {
      location.connection = client::StorageConnection::parse(reference.connection_string);
    } catch (const Error& e) {
      throw Error(ErrorCode::Invalid, "BadArgument", describe(reference) + ": " + e.what());
    }
  } else {
    // A SAS blob: BaseLocation is the blob endpoint, SasBlobToken what opens it.
    location.connection.blob_endpoint = reference.base_location;
    while (!location.connection.blob_endpoint.empty() && location.connection.blob_endpoint.back() == '/') {
      location.connection.blob_endpoint.pop_back();
    }
    location.connection.sas_token = reference.sas_token;
    if (starts_with(location.connection.sas_token, "?")) location.connection.sas_token.erase(0, 1);
    if (location.connection.sas_token.empty()) {
      throw Error(ErrorCode::Invalid, "BadArgument",
                  describe(reference) + ": a BaseLocation without a ConnectionString needs a SasBlobToken");
    }
  }

  const std::string url = location.connection.blob_endpoint + "/" + url_encode(location.container) + "/" +
                          encode_blob_path(location.blob);
  auto address = blobs::parse_own_blob_url(url, own_.authorities);
  // Only an account key is checked here; a SAS on this host's blobs is checked by its blob
  // service, so such a reference goes over HTTP like a remote one.
  if (!address || location.connection.account_key.empty()) return location;
  if (!own_.store) {
    throw Error(ErrorCode::Invalid, "BadArgument", describe(reference) + " is on this host, which serves no blobs");
  }
  if (!location.connection.account_name.empty() && !iequals(location.connection.account_name, address->account)) {
    throw Error(ErrorCode::Invalid, "BadArgument",
                describe(reference) + ": the connection string's AccountName '" + location.connection.account_name +
                    "' is not the account of its BlobEndpoint ('" + address->account + "')");
  }
  if (!own_.key_matches || !own_.key_matches(address->account, location.connection.account_key)) {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                describe(reference) + ": the AccountKey is not a key of storage account '" + address->account +
                    "' on this host");
  }
  location.own = std::move(address);
  return location;
}

void JobBlobs::check(const BlobReference& reference) const { locate(reference); }

std::string JobBlobs::read(const BlobReference& reference) const {
  Location location = locate(reference);
  if (location.own) {
    auto bytes = own_.store->get_blob(location.own->account, location.own->container, location.own->name);
    if (!bytes) {
      throw Error(ErrorCode::NotFound, "BlobNotFound",
                  describe(reference) + " does not exist in storage account '" + location.own->account + "'");
    }
    return std::move(*bytes);
  }
  try {
    client::BlobClient client(location.connection, transport_);
    return client.get_blob(location.container, location.blob);
  } catch (const Error& e) {
    rethrow_about(e, "cannot read " + describe(reference));
  }
}

void JobBlobs::write(const BlobReference& reference, std::string_view data, const std::string& content_type) const {
  Location location = locate(reference);
  if (location.own) {
    const auto& address = *location.own;
    if (!own_.store->container_exists(address.account, address.container)) {
      try {
        own_.store->create_container(address.account, address.container);
      } catch (const Error& e) {
        if (e.code() != ErrorCode::Conflict) throw;  // another job created it meanwhile
      }
    }
    own_.store->put_blob(address.account, address.container, address.name, data, content_type);
    return;
  }
  try {
    client::BlobClient client(location.connection, transport_);
    // With a SAS the container is the SAS owner's business; with the key, make sure it exists.
    if (!location.connection.account_key.empty()) client.ensure_container(location.container);
    client.put_blob(location.container, location.blob, data, content_type);
  } catch (const Error& e) {
    rethrow_about(e, "cannot write " + describe(reference));
  }
}

json JobBlobs::result_location(const BlobReference& reference, std::chrono::system_clock::time_point expiry) const {
  Location location = locate(reference);
  std::string sas;
  if (!location.connection.account_key.empty()) {
    client::BlobClient client(location.connection, transport_);
    sas = client.blob_sas(location.container, location.blob, "r", expiry);
  } else {
    sas = "?" + location.connection.sas_token;
  }
  return json{{"BaseLocation", location.connection.blob_endpoint + "/"},
              {"RelativeLocation", location.container + "/" + location.blob},
              {"SasBlobToken", sas}};
}

std::string JobBlobs::fetch(const engine::ImportSource& source) const {
  if (source.kind == engine::ImportSource::Kind::Url) {
    // Every URL, this host's blob URLs included, goes over HTTP: whoever runs a job may set the
    // URL through a global parameter, so this host's blob service must check its SAS.
    runtime::ResourceSources sources;
    sources.transport = transport_;
    return runtime::make_resource_loader(std::move(sources))(source.url);
  }
  const auto slash = source.path.find('/');
  const std::string container = source.path.substr(0, slash);
  const std::string blob = source.path.substr(slash + 1);
  if (own_.store && own_.key_matches && own_.key_matches(source.account_name, source.account_key)) {
    auto bytes = own_.store->get_blob(source.account_name, container, blob);
    if (!bytes) {
      throw Error(ErrorCode::NotFound, "BlobNotFound",
                  "blob '" + source.path + "' does not exist in storage account '" + source.account_name + "'");
    }
    return std::move(*bytes);
  }
  client::StorageConnection connection;
  connection.account_name = source.account_name;
  connection.account_key = source.account_key;
  connection.blob_endpoint = "https://" + source.account_name + ".blob.core.windows.net";
  client::BlobClient client(connection, transport_);
  return client.get_blob(container, blob);
}

}  // namespace azml::host::jobs
