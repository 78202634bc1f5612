// azml-host's blob service: its one storage account and the store that holds the account's
// blobs. The blob REST routes, the storage-account management routes and the batch jobs all
// work through it.
#pragma once

#include <memory>
#include <string>

#include "blobs/blob_store.hpp"
#include "storage/store.hpp"

namespace azml::host::blobs {

// The account every host has, and the name under which its key is kept in the store's settings.
inline constexpr const char* kStorageAccountName = "azmlstore";
inline constexpr const char* kStorageAccountKeySetting = "storage_account_key";
// The resource group the account appears in on the management API (Microsoft.Storage).
inline constexpr const char* kStorageResourceGroup = "azml";

struct StorageAccount {
  std::string name;
  std::string key;  // base64 of 64 random bytes
};

// The host's account: its key is made (64 random bytes) at the first start and read back from
// then on, so that connection strings handed out stay valid across restarts.
StorageAccount load_or_create_storage_account(storage::Store& store);

// "DefaultEndpointsProtocol=http;AccountName=<name>;AccountKey=<key>;BlobEndpoint=<endpoint>/blob/<name>",
// the protocol taken from endpoint ("http://127.0.0.1:8080" or "https://...").
std::string storage_connection_string(const StorageAccount& account, const std::string& endpoint);

// "<endpoint>/blob/<name>".
std::string blob_endpoint(const StorageAccount& account, const std::string& endpoint);

class BlobService {
 public:
  // Throws azml::Error(Invalid) for a null store.
  BlobService(std::unique_ptr<BlobStore> store, StorageAccount account);

  BlobStore& store() { return *store_; }
  const StorageAccount& account() const { return account_; }
  std::string connection_string(const std::string& endpoint) const {
    return storage_connection_string(account_, endpoint);
  }
  // Whether key (base64) is the key of the account named `account` (compared in constant time;
  // account names case-insensitively, as URLs' host names are).
  bool is_account_key(const std::string& account, const std::string& key) const;

 private:
  std::unique_ptr<BlobStore> store_;
  StorageAccount account_;
};

}  // namespace azml::host::blobs
