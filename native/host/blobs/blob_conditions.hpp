// Conditional blob requests (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since),
// which Azure's SDKs send, e.g. If-None-Match: * to upload without overwriting.
//
// The check and the write that follows are not one atomic step: two conditional writers racing
// on one blob may both pass. azml-host has one writer per workflow step, which is enough.
#pragma once

#include <optional>

#include "blobs/blob_store.hpp"
#include "common/http.hpp"

namespace azml::host::blobs {

enum class ConditionOutcome { Proceed, NotModified };

// current: the blob as it is (nullopt when missing). For reads (GET, HEAD) a failed
// If-None-Match or If-Modified-Since gives NotModified (304); for writes (PUT, DELETE) it throws
// 409 BlobAlreadyExists (If-None-Match: *) or 412 ConditionNotMet, as does any failed If-Match
// or If-Unmodified-Since. Dates that cannot be read are ignored, as HTTP says.
ConditionOutcome check_conditions(const http::Headers& headers, const std::optional<BlobProperties>& current,
                                  bool is_read);

}  // namespace azml::host::blobs
