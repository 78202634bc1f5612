// azml-host's blob store: datasets and .ilearner models, kept as files. The blob REST API
// (Azure Blob Storage's subset) and the batch jobs both sit on top of it.
//
// Blobs are written to a temporary name, flushed and renamed: a reader sees the old blob or the
// whole new one, never a part. Names are checked so that no blob can escape its container.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace azml::host::blobs {

struct BlobProperties {
  std::uint64_t size = 0;
  std::string content_type;   // "application/octet-stream" when none was given
  std::string etag;           // quoted, changes with every write
  std::string last_modified;  // RFC 1123 ("Wed, 26 Nov 2026 21:06:28 GMT")
  std::string content_md5;    // base64 of the MD5 of the content
};

struct BlobItem {
  std::string name;
  BlobProperties properties;
};

struct BlobListing {
  std::vector<BlobItem> items;
  std::string next_marker;  // empty on the last page
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // Error(Conflict, "ContainerAlreadyExists") when it exists.
  virtual void create_container(const std::string& account, const std::string& container) = 0;
  virtual bool container_exists(const std::string& account, const std::string& container) = 0;
  // Error(NotFound, "ContainerNotFound") when the container does not exist.
  virtual BlobProperties put_blob(const std::string& account, const std::string& container, const std::string& name,
                                  std::string_view data, const std::string& content_type) = 0;
  // nullopt when the blob does not exist.
  virtual std::optional<std::string> get_blob(const std::string& account, const std::string& container,
                                              const std::string& name, BlobProperties* properties = nullptr) = 0;
  virtual std::optional<BlobProperties> get_properties(const std::string& account, const std::string& container,
                                                       const std::string& name) = 0;
  virtual bool delete_blob(const std::string& account, const std::string& container, const std::string& name) = 0;
  virtual BlobListing list_blobs(const std::string& account, const std::string& container, const std::string& prefix,
                                 const std::string& marker, size_t max_results) = 0;
};

// Blobs under root/<account>/<container>/<name>. Throws azml::Error(Invalid) for names that are
// not valid Azure container or blob names or that would leave the store ("..", absolute paths,
// NUL, backslashes).
std::unique_ptr<BlobStore> open_file_blob_store(const std::filesystem::path& root);

// Blob URLs that this host serves: {scheme}://{authority}/blob/{account}/{container}/{name}.
// The connection string of an account is
//   DefaultEndpointsProtocol=http;AccountName=<account>;AccountKey=<key>;BlobEndpoint=<endpoint>/blob/<account>
inline constexpr std::string_view kBlobPathPrefix = "/blob/";

struct BlobAddress {
  std::string account;
  std::string container;
  std::string name;
};

// The account, container and blob a URL names when it is one of this host's blob URLs
// (its authority is one of own_authorities, e.g. "127.0.0.1:8080"; a query such as a SAS token
// is ignored); nullopt otherwise.
std::optional<BlobAddress> parse_own_blob_url(std::string_view url, const std::vector<std::string>& own_authorities);

}  // namespace azml::host::blobs
