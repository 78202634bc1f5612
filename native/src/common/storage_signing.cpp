#include "common/storage_signing.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::storage_auth {

namespace {

// Header values are signed trimmed, with runs of whitespace folded to one space (the rule
// Azure documents for CanonicalizedHeaders).
std::string canonical_header_value(std::string_view value) {
  std::string out;
  bool in_space = false;
  for (char c : trim(value)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

std::string header_or_empty(const http::Headers& headers, std::string_view name) {
  return headers.get(name).value_or("");
}

// Every x-ms-* header, lower-cased, sorted by name, one "name:value\n" each; repeated headers
// are joined with ','.
std::string canonicalized_headers(const http::Headers& headers) {
  std::map<std::string, std::string> ms_headers;
  for (const auto& [name, value] : headers) {
    std::string lower = to_lower(trim(name));
    if (!starts_with(lower, "x-ms-")) continue;
    auto [it, inserted] = ms_headers.emplace(lower, canonical_header_value(value));
    if (!inserted) it->second += "," + canonical_header_value(value);
  }
  std::string out;
  for (const auto& [name, value] : ms_headers) out += name + ":" + value + "\n";
  return out;
}

// "/<account><encoded path>" then "\n<name>:<v1>,<v2>" for each query parameter, names
// lower-cased and sorted, values decoded and sorted.
std::string canonicalized_resource(std::string_view account, std::string_view encoded_path, const Query& query) {
  std::string out = "/" + std::string(account) + (encoded_path.empty() ? std::string("/") : std::string(encoded_path));
  std::map<std::string, std::vector<std::string>> parameters;
  for (const auto& [name, value] : query.items()) parameters[to_lower(name)].push_back(value);
  for (auto& [name, values] : parameters) {
    std::sort(values.begin(), values.end());
    out += "\n" + name + ":";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + values[i];
  }
  return out;
}

std::string uppercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string join_lines(std::initializer_list<std::string_view> fields) {
  std::string out;
  bool first = true;
  for (auto field : fields) {
    if (!first) out += '\n';
    out += field;
    first = false;
  }
  return out;
}

// Service versions are dates; plain text order is date order.
bool at_least(std::string_view version, std::string_view since) { return version >= since; }

}  // namespace

std::string sign(std::string_view account_key_base64, std::string_view text) {
  std::string key;
  try {
    key = base64_decode(account_key_base64);
  } catch (const Error&) {
    throw Error(ErrorCode::Invalid, "the storage account key is not valid base64").with_target("AccountKey");
  }
  if (key.empty()) throw Error(ErrorCode::Invalid, "the storage account key is empty").with_target("AccountKey");
  return base64_encode(hmac_sha256(key, text));
}

std::string shared_key_string_to_sign(std::string_view account, std::string_view method, std::string_view encoded_path,
                                      const Query& query, const http::Headers& headers) {
  std::string content_length = header_or_empty(headers, "Content-Length");
  if (trim(content_length) == "0") content_length.clear();
  return uppercase(method) + "\n" + header_or_empty(headers, "Content-Encoding") + "\n" +
         header_or_empty(headers, "Content-Language") + "\n" + content_length + "\n" +
         header_or_empty(headers, "Content-MD5") + "\n" + header_or_empty(headers, "Content-Type") + "\n" +
         header_or_empty(headers, "Date") + "\n" + header_or_empty(headers, "If-Modified-Since") + "\n" +
         header_or_empty(headers, "If-Match") + "\n" + header_or_empty(headers, "If-None-Match") + "\n" +
         header_or_empty(headers, "If-Unmodified-Since") + "\n" + header_or_empty(headers, "Range") + "\n" +
         canonicalized_headers(headers) + canonicalized_resource(account, encoded_path, query);
}

std::string shared_key_authorization(std::string_view account, std::string_view account_key_base64,
                                     std::string_view string_to_sign) {
  return "SharedKey " + std::string(account) + ":" + sign(account_key_base64, string_to_sign);
}

std::string service_sas_canonical_resource(std::string_view version, std::string_view account,
                                           std::string_view container, std::string_view blob) {
  std::string out = at_least(version, "2015-02-21") ? "/blob/" : "/";
  out += std::string(account) + "/" + std::string(container);
  if (!blob.empty()) out += "/" + std::string(blob);
  return out;
}

std::string service_sas_string_to_sign(const ServiceSas& sas, std::string_view canonical_resource) {
  if (at_least(sas.version, "2020-12-06")) {
    return join_lines({sas.permissions, sas.start, sas.expiry, canonical_resource, sas.identifier, sas.ip, sas.protocol,
                       sas.version, sas.resource, sas.snapshot_time, sas.encryption_scope, sas.cache_control,
                       sas.content_disposition, sas.content_encoding, sas.content_language, sas.content_type});
  }
  if (at_least(sas.version, "2018-11-09")) {
    return join_lines({sas.permissions, sas.start, sas.expiry, canonical_resource, sas.identifier, sas.ip, sas.protocol,
                       sas.version, sas.resource, sas.snapshot_time, sas.cache_control, sas.content_disposition,
                       sas.content_encoding, sas.content_language, sas.content_type});
  }
  if (at_least(sas.version, "2015-04-05")) {
    return join_lines({sas.permissions, sas.start, sas.expiry, canonical_resource, sas.identifier, sas.ip, sas.protocol,
                       sas.version, sas.cache_control, sas.content_disposition, sas.content_encoding,
                       sas.content_language, sas.content_type});
  }
  if (at_least(sas.version, "2013-08-15")) {
    return join_lines({sas.permissions, sas.start, sas.expiry, canonical_resource, sas.identifier, sas.version,
                       sas.cache_control, sas.content_disposition, sas.content_encoding, sas.content_language,
                       sas.content_type});
  }
  return join_lines({sas.permissions, sas.start, sas.expiry, canonical_resource, sas.identifier, sas.version});
}

std::optional<ServiceSas> service_sas_from_query(const Query& query) {
  auto signature = query.get("sig");
  if (!signature) return std::nullopt;
  auto field = [&query](const char* name) { return query.get(name).value_or(""); };
  ServiceSas sas;
  sas.version = field("sv");
  sas.resource = field("sr");
  sas.permissions = field("sp");
  sas.start = field("st");
  sas.expiry = field("se");
  sas.identifier = field("si");
  sas.ip = field("sip");
  sas.protocol = field("spr");
  sas.encryption_scope = field("ses");
  sas.cache_control = field("rscc");
  sas.content_disposition = field("rscd");
  sas.content_encoding = field("rsce");
  sas.content_language = field("rscl");
  sas.content_type = field("rsct");
  sas.signature = *signature;
  return sas;
}

std::string service_sas_query(const ServiceSas& sas) {
  // The order Azure's SDKs write; the service does not care.
  const std::pair<const char*, const std::string*> fields[] = {{"sv", &sas.version},
                                                               {"spr", &sas.protocol},
                                                               {"st", &sas.start},
                                                               {"se", &sas.expiry},
                                                               {"sip", &sas.ip},
                                                               {"si", &sas.identifier},
                                                               {"ses", &sas.encryption_scope},
                                                               {"sr", &sas.resource},
                                                               {"sp", &sas.permissions},
                                                               {"rscc", &sas.cache_control},
                                                               {"rscd", &sas.content_disposition},
                                                               {"rsce", &sas.content_encoding},
                                                               {"rscl", &sas.content_language},
                                                               {"rsct", &sas.content_type},
                                                               {"sig", &sas.signature}};
  std::string out;
  for (const auto& [name, value] : fields) {
    if (value->empty()) continue;
    if (!out.empty()) out += '&';
    out += std::string(name) + "=" + url_encode(*value);
  }
  return out;
}

}  // namespace azml::storage_auth
