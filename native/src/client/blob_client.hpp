// A client for Azure Blob Storage's REST API (the subset the retraining workflow needs), with
// Shared Key and SAS authorization. It talks to azml-host's blob service, to Azurite, or to
// Azure Storage itself, over the same Transport as every other azml client.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

class BlobClient {
 public:
  BlobClient(StorageConnection connection, std::shared_ptr<Transport> transport);

  // Creates the container; an existing one is fine.
  void ensure_container(const std::string& container);
  void put_blob(const std::string& container, const std::string& blob, std::string_view data,
                const std::string& content_type = "application/octet-stream");
  // Error(NotFound) when missing.
  std::string get_blob(const std::string& container, const std::string& blob);
  BlobInfo get_properties(const std::string& container, const std::string& blob);
  void delete_blob(const std::string& container, const std::string& blob);
  std::vector<BlobInfo> list_blobs(const std::string& container, const std::string& prefix = "");

  // "{blob_endpoint}/{container}/{blob}" (name segments percent-encoded), without any SAS.
  std::string blob_url(const std::string& container, const std::string& blob) const;
  // A service SAS for one blob signed with the account key ("?sv=...&sig=..."), permissions such
  // as "r" or "rw", valid until expiry. Error(Invalid) when the connection has no account key.
  std::string blob_sas(const std::string& container, const std::string& blob, const std::string& permissions,
                       std::chrono::system_clock::time_point expiry) const;

  const StorageConnection& connection() const { return connection_; }

 private:
  StorageConnection connection_;
  std::shared_ptr<Transport> transport_;
};

}  // namespace azml::client
