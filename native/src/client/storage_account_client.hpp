// The storage accounts of a subscription on an ARM management endpoint (azml-host's one account,
// or Microsoft.Storage on Azure Resource Manager), as far as a blob client needs them: the blob
// endpoint and a key, put together as a storage connection string.
#pragma once

#include <memory>
#include <string>

#include "client/management_client.hpp"
#include "client/pipeline.hpp"
#include "client/transport.hpp"

namespace azml::client {

class StorageAccountClient {
 public:
  static constexpr const char* kApiVersion = "2023-01-01";

  // The same endpoint, token, retries and trust anchors as the management client. Makes no
  // network call. A null transport means a CpprestTransport using options.ca_file.
  explicit StorageAccountClient(ManagementClientOptions options, std::shared_ptr<Transport> transport = nullptr);

  // GET .../providers/Microsoft.Storage/storageAccounts, then POST .../listKeys of the account
  // named account_name (empty: the first one listed), as
  // "DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;BlobEndpoint=…". Error(NotFound) when
  // the subscription has no such account; the service's errors otherwise.
  std::string connection_string(const std::string& subscription_id, const std::string& account_name = "");

 private:
  http::Response exchange(const std::string& method, const std::string& url) const;

  ManagementClientOptions options_;
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace azml::client
