// A client for Azure Blob Storage's REST API (the subset the retraining workflow needs), with
// Shared Key and SAS authorization. It talks to azml-host's blob service, to Azurite, or to
// Azure Storage itself, over the same Transport as every other azml client.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "client/pipeline.hpp"
#include "client/transport.hpp"

namespace azml::client {

// What a storage connection string says. Accepted forms:
//   DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;EndpointSuffix=core.windows.net
//   DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k;BlobEndpoint=http://127.0.0.1:10000/a
//   BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=...
//   UseDevelopmentStorage=true (Azurite's well-known account on 127.0.0.1:10000)
struct StorageConnection {
  std::string account_name;
  std::string account_key;    // base64; empty when only a SAS is given
  std::string blob_endpoint;  // no trailing slash, e.g. "http://127.0.0.1:10000/devstoreaccount1"
  std::string sas_token;      // without a leading '?'; empty when the account key is used

  // Throws azml::Error(Invalid) naming what is missing or malformed.
  static StorageConnection parse(std::string_view connection_string);
};

struct BlobInfo {
  std::string name;
  std::uint64_t size = 0;
  std::string content_type;
  std::string etag;
  std::string last_modified;
};

// Every call throws azml::Error on failure: the service's error code (BlobNotFound,
// AuthenticationFailed, ...) in service_code(), its HTTP status and x-ms-request-id. Requests
// that fail for a reason that may pass (408, 429, 5xx, no answer) are retried like the
// management client's. Thread-safe.
class BlobClient {
 public:
  // Makes no network call. A null transport means a CpprestTransport trusting the system's CA
  // store. Throws azml::Error(Invalid) for a connection without a blob endpoint or credentials.
  BlobClient(StorageConnection connection, std::shared_ptr<Transport> transport);

  // Creates the container; an existing one is fine.
  void ensure_container(const std::string& container);
  void put_blob(const std::string& container, const std::string& blob, std::string_view data,
                const std::string& content_type = "application/octet-stream");
  // Error(NotFound) when missing. The content is checked against the Content-MD5 the service
  // sends (Error(Http) when they differ).
  std::string get_blob(const std::string& container, const std::string& blob);
  // Error(NotFound) when missing.
  BlobInfo get_properties(const std::string& container, const std::string& blob);
  // Error(NotFound) when missing.
  void delete_blob(const std::string& container, const std::string& blob);
  // Every blob whose name starts with prefix, in name order, following NextMarker page by page.
  std::vector<BlobInfo> list_blobs(const std::string& container, const std::string& prefix = "");

  // "{blob_endpoint}/{container}/{blob}" (name segments percent-encoded), without any SAS.
  std::string blob_url(const std::string& container, const std::string& blob) const;
  // A service SAS for one blob signed with the account key ("?sv=...&sig=..."), permissions such
  // as "r" or "rw" (letters of "racwdxytmeopi", any order), valid until expiry. Error(Invalid)
  // when the connection has no account key or a permission letter is unknown.
  std::string blob_sas(const std::string& container, const std::string& blob, const std::string& permissions,
                       std::chrono::system_clock::time_point expiry) const;

  const StorageConnection& connection() const { return connection_; }

 private:
  std::string container_url(const std::string& container) const;
  // Appends the connection's SAS token, if any, to a URL that may already have a query.
  std::string with_sas(std::string url) const;
  http::Response send(const std::string& method, const std::string& url, http::Headers headers,
                      std::string body = {}) const;

  StorageConnection connection_;
  std::shared_ptr<Transport> transport_;
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace azml::client
