// azml_storage_connection_string and azml_blob_*: blob storage through libazml's BlobClient.
#include <chrono>
#include <memory>
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "capi/client_handle.hpp"
#include "client/blob_client.hpp"
#include "client/cpprest_transport.hpp"
#include "client/storage_account_client.hpp"
#include "common/json.hpp"

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;

namespace {

// The longest SAS azml hands out: a year, which outlives any retraining run.
constexpr unsigned int kMaxSasSeconds = 366u * 24u * 3600u;

std::string host_connection_string(azml_client* client, const char* account_name) {
  azml::client::StorageAccountClient accounts(client->options);
  return accounts.connection_string(client->management->subscription_id(), account_name ? account_name : "");
}

// The BlobClient a call works with: the given connection string, or the host's account's.
azml::client::BlobClient blob_client(azml_client* client, const char* connection_string) {
  if (!connection_string && !client) {
    throw azml::Error(azml::ErrorCode::Invalid,
                      "give a connection string, or a client whose host's storage account is meant")
        .with_target("connection_string");
  }
  const std::string text = connection_string ? std::string(connection_string) : host_connection_string(client, nullptr);
  azml::client::CpprestTransportOptions transport;
  if (client) transport.ca_file = client->options.ca_file;
  return azml::client::BlobClient(azml::client::StorageConnection::parse(text),
                                  std::make_shared<azml::client::CpprestTransport>(transport));
}

void require_blob(const char* container, const char* blob) {
  require_argument(container, "container");
  require_argument(blob, "blob");
}

}  // namespace

extern "C" {

int azml_storage_connection_string(azml_buf* out, azml_client* client, const char* account_name) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(client, "client");
    fill_buffer(out, host_connection_string(client, account_name));
  });
}

int azml_blob_upload(azml_client* client, const char* connection_string, const char* container, const char* blob,
                     const void* data, size_t size, const char* content_type) {
  return guarded([&] {
    require_blob(container, blob);
    if (size > 0) require_argument(data, "data");
    auto blobs = blob_client(client, connection_string);
    if (!blobs.connection().account_key.empty()) blobs.ensure_container(container);
    blobs.put_blob(container, blob, std::string_view(static_cast<const char*>(data), size),
                   content_type ? content_type : "application/octet-stream");
  });
}

int azml_blob_download(azml_buf* out, azml_client* client, const char* connection_string, const char* container,
                       const char* blob) {
  return guarded([&] {
    require_argument(out, "out");
    require_blob(container, blob);
    fill_buffer(out, blob_client(client, connection_string).get_blob(container, blob));
  });
}

int azml_blob_delete(azml_client* client, const char* connection_string, const char* container, const char* blob) {
  return guarded([&] {
    require_blob(container, blob);
    blob_client(client, connection_string).delete_blob(container, blob);
  });
}

int azml_blob_list(azml_buf* out, azml_client* client, const char* connection_string, const char* container,
                   const char* prefix) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(container, "container");
    azml::json items = azml::json::array();
    for (const auto& info : blob_client(client, connection_string).list_blobs(container, prefix ? prefix : "")) {
      items.push_back({{"name", info.name},
                       {"size", info.size},
                       {"contentType", info.content_type},
                       {"etag", info.etag},
                       {"lastModified", info.last_modified}});
    }
    fill_buffer(out, items.dump(-1, ' ', false, azml::json::error_handler_t::replace));
  });
}

int azml_blob_sas(azml_buf* out, azml_client* client, const char* connection_string, const char* container,
                  const char* blob, const char* permissions, unsigned int valid_seconds) {
  return guarded([&] {
    require_argument(out, "out");
    require_blob(container, blob);
    require_argument(permissions, "permissions");
    if (valid_seconds == 0 || valid_seconds > kMaxSasSeconds) {
      throw azml::Error(azml::ErrorCode::Invalid,
                        "valid_seconds must be from 1 to " + std::to_string(kMaxSasSeconds) + " (a year)")
          .with_target("valid_seconds");
    }
    const auto expiry = std::chrono::system_clock::now() + std::chrono::seconds(valid_seconds);
    fill_buffer(out, blob_client(client, connection_string).blob_sas(container, blob, permissions, expiry));
  });
}

}  // extern "C"
