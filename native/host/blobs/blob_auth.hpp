// Who may do what on the blob API: a request must carry either a Shared Key signature made with
// the account key, or a service SAS (sv, sr, sp, se, ..., sig) signed with it that covers the
// operation: its resource (the blob, or the container for sr=c), its permissions, its time
// window, protocol and source address.
#pragma once

#include <functional>
#include <string>

#include "blobs/blob_service.hpp"
#include "blobs/blob_store.hpp"
#include "common/http.hpp"
#include "common/time_util.hpp"
#include "common/url.hpp"

namespace azml::host::blobs {

enum class BlobOperation { CreateContainer, ListBlobs, PutBlob, GetBlob, GetBlobProperties, DeleteBlob };

struct BlobRequest {
  const http::Request& http;
  std::string encoded_path;  // the path as received, still percent-encoded (Shared Key signs it)
  const Query& query;
  BlobAddress address;  // name empty for container operations
  bool tls = false;     // whether the request came over https (a SAS may demand it)
};

// Throws the blob API's error (an azml::Error with status and Azure's code) when the request
// may not do `operation`: 401 NoAuthenticationInformation without credentials, 403
// AuthenticationFailed for a wrong signature, a stale date or an expired SAS, 403
// AuthorizationPermissionMismatch / AuthorizationResourceTypeMismatch /
// AuthorizationProtocolMismatch / AuthorizationSourceIPMismatch for a SAS that does not cover the
// request. blob_exists is asked only when a SAS grants create ('c') but not write ('w') on a put.
void authorize_blob_request(const StorageAccount& account, const BlobRequest& request, BlobOperation operation,
                            Clock::time_point now, const std::function<bool()>& blob_exists);

// How far a Shared Key request's date may be from the host's clock (Azure allows 15 minutes).
inline constexpr std::chrono::minutes kMaxRequestClockSkew{15};

}  // namespace azml::host::blobs
