// Reading what a blob service answers: the XML of List Blobs and of errors
// (<Error><Code>…</Code><Message>…</Message></Error>), as Azure Storage, Azurite and azml-host
// write them.
#pragma once

#include <string>
#include <vector>

#include "client/blob_client.hpp"
#include "common/error.hpp"
#include "common/http.hpp"

namespace azml::client {

struct BlobListPage {
  std::vector<BlobInfo> blobs;
  std::string next_marker;  // empty on the last page
};

// Parses an EnumerationResults document. Throws azml::Error(Http) when it is not one.
BlobListPage parse_blob_list(const std::string& xml);

// The azml::Error for a failed blob request: the status's ErrorCode, the service's error code
// (from the XML body or, for HEAD, the x-ms-error-code header), its message (without the
// RequestId and Time lines Azure appends) prefixed with what was being done, and the request id.
Error storage_error_from_response(const http::Response& response, const std::string& what);

}  // namespace azml::client
