// The routes of azml-host's blob feature:
//  - the blob REST API at /blob/{account}/{container}[/{blob}] (Azure Blob Storage's subset the
//    retraining workflow needs: Create Container, Put Blob, Get Blob, Get Blob Properties, Delete
//    Blob, List Blobs), authorized by Shared Key or SAS, answering errors in Azure's XML;
//  - the account on the management API (admin token, ARM JSON):
//    GET  /subscriptions/{s}/providers/Microsoft.Storage/storageAccounts
//    GET  /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts[/{name}]
//    POST /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}/listKeys
//
// Uploads are bounded by the host's --max-body-bytes (16 MiB by default): a larger Put Blob is
// answered 413 by the transport before it reaches these routes. azml keeps datasets and models,
// which fit; raise the option for larger ones.
#pragma once

#include <functional>
#include <string>

#include "blobs/blob_service.hpp"
#include "common/http.hpp"
#include "common/time_util.hpp"
#include "common/url.hpp"
#include "domain/catalog.hpp"
#include "router/router.hpp"

namespace azml::host::blobs {

struct BlobRouteSettings {
  bool tls = false;  // whether the host serves https (a SAS may demand it)
  // "http://host:port" as a request reached the host, for the absolute URLs handed back (the
  // app passes handlers::public_base_url).
  std::function<std::string(const http::Request&)> base_url;
  // Refuses a management request without an api-version, as every management route does (the
  // app passes handlers::require_any_api_version).
  std::function<void(const Query&)> require_api_version;
  // Told about failures that are not the client's (store I/O, bugs) before the client gets a 500.
  std::function<void(const std::string& request_id, const std::string& what)> on_internal_error;
  // The clock SAS expiry and Shared Key dates are checked against.
  std::function<Clock::time_point()> now = [] { return Clock::now(); };
};

// Adds the blob REST routes (Access::Anonymous: they authorize with the account key or a SAS).
// The service must outlive the router.
void add_blob_routes(router::Router& router, BlobService& service, const BlobRouteSettings& settings);

// Adds the storage-account management routes (Access::Admin). Both must outlive the router.
void add_storage_account_routes(router::Router& router, BlobService& service, domain::Catalog& catalog,
                                const BlobRouteSettings& settings);

}  // namespace azml::host::blobs
