#include "blobs/blob_auth.hpp"

#include <arpa/inet.h>

#include "blobs/storage_errors.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

constexpr std::string_view kKnownSasPermissions = "racwdxyltfmeopi";

Error permission_mismatch(const std::string& why) {
  return storage_error(403, "AuthorizationPermissionMismatch",
                       "This request is not authorized to perform this operation using this permission: " + why + ".");
}

// ---- Shared Key

void authorize_shared_key(const StorageAccount& account, const BlobRequest& request, const std::string& authorization,
                          Clock::time_point now) {
  const auto space = authorization.find(' ');
  const std::string scheme = authorization.substr(0, space);
  if (scheme != "SharedKey") {
    throw authentication_failed(scheme == "SharedKeyLite"
                                    ? "SharedKeyLite is not supported by azml-host; sign with SharedKey."
                                    : "The Authorization scheme '" + scheme.substr(0, 40) +
                                          "' is not supported; use SharedKey or a shared access signature.");
  }
  const std::string credential = space == std::string::npos ? "" : trim(authorization.substr(space + 1));
  const auto colon = credential.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == credential.size()) {
    throw authentication_failed("The Authorization header must read 'SharedKey <account>:<signature>'.");
  }
  const std::string signer = credential.substr(0, colon);
  const std::string signature = credential.substr(colon + 1);
  if (signer != account.name || request.address.account != account.name) {
    throw authentication_failed("The account '" + signer.substr(0, 40) +
                                "' of the Authorization header is not the "
                                "account of the request ('" +
                                request.address.account + "').");
  }

  const auto ms_date = request.http.headers.get("x-ms-date");
  const auto date = request.http.headers.get("Date");
  const std::string sent = ms_date ? *ms_date : date.value_or("");
  if (trim(sent).empty()) throw authentication_failed("Request date header not specified (send x-ms-date).");
  const auto when = parse_rfc1123(trim(sent));
  if (!when) throw authentication_failed("The date header '" + sent.substr(0, 60) + "' is not an RFC 1123 date.");
  if (*when < now - kMaxRequestClockSkew) throw authentication_failed("Request date header too old: '" + sent + "'.");
  if (*when > now + kMaxRequestClockSkew) {
    throw authentication_failed("Request date header is in the future: '" + sent + "'.");
  }
  if (!request.http.headers.has("x-ms-version")) throw missing_header("x-ms-version");

  const std::string string_to_sign = storage_auth::shared_key_string_to_sign(
      account.name, request.http.method, request.encoded_path, request.query, request.http.headers);
  if (constant_time_equals(storage_auth::sign(account.key, string_to_sign), signature)) return;
  // Clients that send both Date and x-ms-date may have signed an empty Date line, as the
  // documentation allows.
  if (ms_date && date) {
    http::Headers without_date = request.http.headers;
    without_date.remove("Date");
    const std::string alternative = storage_auth::shared_key_string_to_sign(
        account.name, request.http.method, request.encoded_path, request.query, without_date);
    if (constant_time_equals(storage_auth::sign(account.key, alternative), signature)) return;
  }
  throw authentication_failed("The MAC signature found in the HTTP request '" + signature.substr(0, 100) +
                              "' is not the same as any computed signature. Server used following string to sign: '" +
                              string_to_sign + "'.");
}

// ---- SAS

bool is_service_version(const std::string& version) {
  if (version.size() != 10 || version[4] != '-' || version[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (version[i] < '0' || version[i] > '9') return false;
  }
  return true;
}

std::optional<std::uint32_t> ipv4(const std::string& text) {
  in_addr address{};
  if (inet_pton(AF_INET, text.c_str(), &address) != 1) return std::nullopt;
  return ntohl(address.s_addr);
}

// The peer's address as the transport reports it; an IPv4-mapped IPv6 address counts as IPv4.
std::string peer_address(const std::string& remote) {
  std::string address = remote;
  if (starts_with(address, "::ffff:")) address = address.substr(7);
  return address;
}

void check_source_address(const std::string& allowed, const std::string& remote) {
  const std::string peer = peer_address(remote);
  const auto dash = allowed.find('-');
  const std::string low = allowed.substr(0, dash);
  const std::string high = dash == std::string::npos ? low : allowed.substr(dash + 1);
  const auto low_ip = ipv4(low), high_ip = ipv4(high), peer_ip = ipv4(peer);
  if (!low_ip || !high_ip) {
    throw authentication_failed("The signed IP range '" + allowed + "' is not an IPv4 address or range.");
  }
  if (!peer_ip || *peer_ip < *low_ip || *peer_ip > *high_ip) {
    throw storage_error(403, "AuthorizationSourceIPMismatch",
                        "This request is not authorized to perform this operation using this source IP " + peer + ".");
  }
}

void check_permissions(const storage_auth::ServiceSas& sas, BlobOperation operation,
                       const std::function<bool()>& blob_exists) {
  for (char c : sas.permissions) {
    if (kKnownSasPermissions.find(c) == std::string_view::npos) {
      throw authentication_failed("Signed permission '" + std::string(1, c) + "' is not a blob SAS permission.");
    }
  }
  const auto grants = [&](char c) { return sas.permissions.find(c) != std::string::npos; };
  switch (operation) {
    case BlobOperation::CreateContainer:
      throw permission_mismatch("a service SAS cannot create containers; use the account key");
    case BlobOperation::ListBlobs:
      if (sas.resource != "c") {
        throw storage_error(403, "AuthorizationResourceTypeMismatch",
                            "This request is not authorized to perform this operation using this resource type: "
                            "listing a container needs a container SAS (sr=c).");
      }
      if (!grants('l')) throw permission_mismatch("listing blobs needs the 'l' permission");
      return;
    case BlobOperation::GetBlob:
    case BlobOperation::GetBlobProperties:
      if (!grants('r')) throw permission_mismatch("reading a blob needs the 'r' permission");
      return;
    case BlobOperation::DeleteBlob:
      if (!grants('d')) throw permission_mismatch("deleting a blob needs the 'd' permission");
      return;
    case BlobOperation::PutBlob:
      if (grants('w')) return;
      if (grants('c') && !blob_exists()) return;
      throw permission_mismatch(grants('c') ? "the blob exists and replacing it needs the 'w' permission"
                                            : "writing a blob needs the 'w' (or, for a new blob, 'c') permission");
  }
}

void authorize_sas(const StorageAccount& account, const BlobRequest& request, const storage_auth::ServiceSas& sas,
                   BlobOperation operation, Clock::time_point now, const std::function<bool()>& blob_exists) {
  if (sas.version.empty()) throw authentication_failed("The shared access signature has no signed version (sv).");
  if (!is_service_version(sas.version) || sas.version < "2013-08-15") {
    throw authentication_failed("The signed version '" + sas.version.substr(0, 20) +
                                "' is not supported; azml-host verifies SAS of version 2013-08-15 and later.");
  }
  if (sas.resource != "b" && sas.resource != "c") {
    throw authentication_failed("The signed resource '" + sas.resource.substr(0, 10) +
                                "' is not supported; azml-host verifies blob (sr=b) and container (sr=c) SAS.");
  }
  if (!sas.identifier.empty()) {
    throw authentication_failed(
        "Stored access policies (si) are not supported by azml-host; sign the permissions "
        "and expiry into the SAS itself.");
  }
  if (sas.expiry.empty()) throw authentication_failed("The shared access signature has no signed expiry (se).");
  const auto expiry = parse_sas_time(sas.expiry);
  if (!expiry) throw authentication_failed("The signed expiry '" + sas.expiry.substr(0, 40) + "' is not a valid time.");
  std::optional<Clock::time_point> start;
  if (!sas.start.empty()) {
    start = parse_sas_time(sas.start);
    if (!start) throw authentication_failed("The signed start '" + sas.start.substr(0, 40) + "' is not a valid time.");
  }
  if (!sas.protocol.empty() && sas.protocol != "https" && sas.protocol != "https,http") {
    throw authentication_failed("The signed protocol '" + sas.protocol.substr(0, 20) +
                                "' must be 'https' or 'https,http'.");
  }
  if (sas.resource == "b" && request.address.name.empty()) {
    throw storage_error(403, "AuthorizationResourceTypeMismatch",
                        "This request is not authorized to perform this operation using this resource type: a blob "
                        "SAS (sr=b) covers one blob, not its container.");
  }

  // The signature binds the SAS to its resource: a blob SAS used on another blob fails here.
  const std::string resource = storage_auth::service_sas_canonical_resource(
      sas.version, account.name, request.address.container, sas.resource == "b" ? request.address.name : "");
  const std::string string_to_sign = storage_auth::service_sas_string_to_sign(sas, resource);
  if (request.address.account != account.name ||
      !constant_time_equals(storage_auth::sign(account.key, string_to_sign), sas.signature)) {
    throw authentication_failed("Signature did not match. String to sign used was " + string_to_sign);
  }

  if (now >= *expiry) {
    throw authentication_failed("Signed expiry time [" + format_rfc1123(*expiry) + "] has to be after current time [" +
                                format_rfc1123(now) + "].");
  }
  if (start && now < *start) {
    throw authentication_failed("Signed start time [" + format_rfc1123(*start) + "] has to be before current time [" +
                                format_rfc1123(now) + "].");
  }
  if (sas.protocol == "https" && !request.tls) {
    throw storage_error(403, "AuthorizationProtocolMismatch",
                        "This request is not authorized to perform this operation using this protocol: the SAS allows "
                        "https only.");
  }
  if (!sas.ip.empty()) check_source_address(sas.ip, request.http.remote_address);
  check_permissions(sas, operation, blob_exists);
}

}  // namespace

void authorize_blob_request(const StorageAccount& account, const BlobRequest& request, BlobOperation operation,
                            Clock::time_point now, const std::function<bool()>& blob_exists) {
  if (auto authorization = request.http.headers.get("Authorization"); authorization && !trim(*authorization).empty()) {
    authorize_shared_key(account, request, trim(*authorization), now);
    return;
  }
  if (auto sas = storage_auth::service_sas_from_query(request.query)) {
    authorize_sas(account, request, *sas, operation, now, blob_exists);
    return;
  }
  throw storage_error(401, "NoAuthenticationInformation",
                      "Server failed to authenticate the request: it carries neither an Authorization header "
                      "(SharedKey) nor a shared access signature.");
}

}  // namespace azml::host::blobs
