#include "blobs/blob_service.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

StorageAccount load_or_create_storage_account(storage::Store& store) {
  StorageAccount account;
  account.name = kStorageAccountName;
  // ensure_setting is atomic: two hosts racing on a fresh database still agree on one key.
  account.key = store.ensure_setting(kStorageAccountKeySetting, random_key_base64(64));
  try {
    if (base64_decode(account.key).size() < 32) throw Error(ErrorCode::Invalid, "short");
  } catch (const Error&) {
    throw Error(ErrorCode::Generic, std::string("the storage account key kept in the database (setting '") +
                                        kStorageAccountKeySetting + "') is not a base64 key of at least 32 bytes");
  }
  return account;
}

std::string blob_endpoint(const StorageAccount& account, const std::string& endpoint) {
  std::string base = endpoint;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(kBlobPathPrefix) + account.name;
}

std::string storage_connection_string(const StorageAccount& account, const std::string& endpoint) {
  const std::string protocol = starts_with(to_lower(endpoint), "https://") ? "https" : "http";
  return "DefaultEndpointsProtocol=" + protocol + ";AccountName=" + account.name + ";AccountKey=" + account.key +
         ";BlobEndpoint=" + blob_endpoint(account, endpoint);
}

bool BlobService::is_account_key(const std::string& account, const std::string& key) const {
  return iequals(account, account_.name) && constant_time_equals(key, account_.key);
}

BlobService::BlobService(std::unique_ptr<BlobStore> store, StorageAccount account)
    : store_(std::move(store)), account_(std::move(account)) {
  if (!store_) throw Error(ErrorCode::Invalid, "the blob service needs a store");
}

}  // namespace azml::host::blobs
