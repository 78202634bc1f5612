// The blob API's operations, each from a parsed and authorized request to a response. Internal
// to blobs/: blob_routes.cpp parses, checks the version and authorizes, then calls one of these.
#pragma once

#include <string>

#include "blobs/blob_auth.hpp"
#include "blobs/blob_routes.hpp"
#include "blobs/blob_service.hpp"
#include "router/router.hpp"

namespace azml::host::blobs {

struct BlobCall {
  BlobService& service;
  const BlobRouteSettings& settings;
  const router::RouteRequest& route;
  const BlobRequest& request;
};

http::Response create_container(BlobCall& call);
http::Response list_blobs(BlobCall& call);
http::Response put_blob(BlobCall& call);
// GET (with an optional Range) and HEAD.
http::Response get_blob(BlobCall& call, bool head_only);
http::Response delete_blob(BlobCall& call);

// Opaque List Blobs markers: the name to resume after, base64url-encoded (it may hold bytes
// that are not valid UTF-8, which XML could not carry). decode throws 400 for a marker this
// host did not make.
std::string encode_marker(const std::string& resume_after);
std::string decode_marker(const std::string& marker);

}  // namespace azml::host::blobs
