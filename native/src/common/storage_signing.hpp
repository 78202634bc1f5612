// Azure Storage's two ways of signing a blob request with the account key, shared by the
// client (which signs) and azml-host (which verifies), so that both read the same rules:
//
//  - Shared Key: "Authorization: SharedKey <account>:<signature>", the signature an HMAC-SHA256
//    over the request's verb, standard headers, x-ms-* headers and resource
//    (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
//  - Service SAS: query parameters (sv, sr, sp, st, se, ..., sig) that grant one blob or one
//    container for a while, the signature an HMAC-SHA256 over those fields
//    (learn.microsoft.com/rest/api/storageservices/create-service-sas).
//
// Paths are compared as sent on the wire (percent-encoded), query values decoded, exactly as
// Azure Storage and Azurite do, so a signature made here verifies there and the other way round.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/http.hpp"
#include "common/url.hpp"

namespace azml::storage_auth {

// The x-ms-version azml's client sends and signs its SAS tokens with.
inline constexpr const char* kServiceVersion = "2021-08-06";

// base64(HMAC-SHA256(base64-decoded key, text)). Throws azml::Error(Invalid) when the key is not
// base64.
std::string sign(std::string_view account_key_base64, std::string_view text);

// ---- Shared Key

// The string a Shared Key signature covers, for a request on a blob endpoint. encoded_path is the
// path as sent ("/devstoreaccount1/data/a%20b.csv"), query the decoded parameters. Date is taken
// from the Date header when there is one (empty otherwise, x-ms-date then carries the time), and
// a Content-Length of 0 counts as empty, as service versions since 2015-02-21 want.
std::string shared_key_string_to_sign(std::string_view account, std::string_view method, std::string_view encoded_path,
                                      const Query& query, const http::Headers& headers);

// "SharedKey <account>:<signature>".
std::string shared_key_authorization(std::string_view account, std::string_view account_key_base64,
                                     std::string_view string_to_sign);

// ---- Service SAS (blob or container)

struct ServiceSas {
  std::string version;              // sv
  std::string resource;             // sr: "b" (one blob) or "c" (a container)
  std::string permissions;          // sp, e.g. "r", "rw", "racwdl"
  std::string start;                // st, as written; may be empty
  std::string expiry;               // se, as written
  std::string identifier;           // si (a stored access policy)
  std::string ip;                   // sip: one address or a range "a-b"
  std::string protocol;             // spr: "https" or "https,http"
  std::string snapshot_time;        // signedSnapshotTime (versions since 2018-11-09); empty for sr=b or c
  std::string encryption_scope;     // ses (versions since 2020-12-06)
  std::string cache_control;        // rscc
  std::string content_disposition;  // rscd
  std::string content_encoding;     // rsce
  std::string content_language;     // rscl
  std::string content_type;         // rsct
  std::string signature;            // sig
};

// "/blob/<account>/<container>[/<blob>]" (blob unencoded), or, for versions before
// 2015-02-21, "/<account>/<container>[/<blob>]".
std::string service_sas_canonical_resource(std::string_view version, std::string_view account,
                                           std::string_view container, std::string_view blob);

// The string the signature covers, in the layout of sas.version (2013-08-15, 2015-04-05,
// 2018-11-09 or 2020-12-06 and later).
std::string service_sas_string_to_sign(const ServiceSas& sas, std::string_view canonical_resource);

// The SAS fields of a query; nullopt when it carries no "sig".
std::optional<ServiceSas> service_sas_from_query(const Query& query);

// The SAS as a query string without '?' ("sv=...&se=...&sr=b&sp=r&sig=..."), values encoded.
std::string service_sas_query(const ServiceSas& sas);

// The permission letters Azure accepts in a blob SAS, in the order it requires them.
inline constexpr std::string_view kBlobSasPermissionOrder = "racwdxyltfmeopi";

}  // namespace azml::storage_auth
