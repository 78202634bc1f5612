// The blobs a batch job reads and writes, wherever they live. A reference whose blob endpoint
// is this host's own (http://<host>/blob/<account>) is read and written in the host's BlobStore
// directly, once its account key is checked; any other (Azurite, Azure Storage) goes through
// libazml's BlobClient. Import Data's sources are fetched here too.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "blobs/blob_store.hpp"
#include "client/transport.hpp"
#include "common/json.hpp"
#include "engine/run_context.hpp"
#include "jobs/blob_reference.hpp"

namespace azml::host::jobs {

struct OwnBlobService {
  blobs::BlobStore* store = nullptr;  // not owned; null: this host serves no blobs
  // host:port spellings under which clients reach this host ("127.0.0.1:8080").
  std::vector<std::string> authorities;
  // Whether `key` (base64) is a key of this host's storage account `account`, compared in
  // constant time. Null: no key is.
  std::function<bool(const std::string& account, const std::string& key)> key_matches;
};

class JobBlobs {
 public:
  // transport: for every storage that is not this host's, and for Import Data's web URLs.
  JobBlobs(OwnBlobService own, std::shared_ptr<client::Transport> transport);

  // Checks, without any I/O, what read and write would check first: a parsable connection
  // string, and for this host's own storage a key it knows. Throws as they would.
  void check(const BlobReference& reference) const;

  // The blob's bytes. Throws azml::Error: Invalid for a reference that names no usable storage
  // (a malformed connection string), Unauthorized for a key this host does not know, NotFound
  // for a missing blob, Transport/Http when remote storage fails; every message names the
  // blob (never a key or a SAS).
  std::string read(const BlobReference& reference) const;

  // Writes (creating the container when the credentials allow it).
  void write(const BlobReference& reference, std::string_view data, const std::string& content_type) const;

  // Where a job's result is, as BES reports it: {"BaseLocation","RelativeLocation","SasBlobToken"}
  // with a read-only SAS valid until `expiry`, signed afresh with the reference's account key
  // (a reference given with a SAS only gets that SAS back).
  json result_location(const BlobReference& reference, std::chrono::system_clock::time_point expiry) const;

  // Import Data's bytes: a web URL through the transport, an account's blob through the store
  // (this host's accounts) or Azure Storage's public endpoint.
  std::string fetch(const engine::ImportSource& source) const;

  // "container/blob, account a at http://..." for messages.
  static std::string describe(const BlobReference& reference);

 private:
  struct Location;
  Location locate(const BlobReference& reference) const;

  OwnBlobService own_;
  std::shared_ptr<client::Transport> transport_;
};

}  // namespace azml::host::jobs
