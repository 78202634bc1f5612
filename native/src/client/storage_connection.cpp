// StorageConnection::parse: the connection string forms of Azure Storage (see blob_client.hpp).
#include <map>
#include <vector>

#include "client/blob_client.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace {

// Azurite's (and the old storage emulator's) well-known development account, published by
// Microsoft; it guards nothing.
constexpr const char* kDevelopmentAccount = "devstoreaccount1";
constexpr const char* kDevelopmentKey =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
constexpr const char* kDevelopmentBlobEndpoint = "http://127.0.0.1:10000/devstoreaccount1";

// Settings that may appear in a storage connection string. Those of the other services are
// accepted and ignored, so that a connection string copied from the portal works as it is.
const std::vector<std::string>& known_settings() {
  static const std::vector<std::string> names = {"DefaultEndpointsProtocol",
                                                 "AccountName",
                                                 "AccountKey",
                                                 "BlobEndpoint",
                                                 "EndpointSuffix",
                                                 "SharedAccessSignature",
                                                 "UseDevelopmentStorage",
                                                 "QueueEndpoint",
                                                 "TableEndpoint",
                                                 "FileEndpoint",
                                                 "BlobSecondaryEndpoint",
                                                 "QueueSecondaryEndpoint",
                                                 "TableSecondaryEndpoint",
                                                 "FileSecondaryEndpoint"};
  return names;
}

Error invalid(const std::string& message, const char* target) {
  return Error(ErrorCode::Invalid, "storage connection string: " + message).with_target(target);
}

// Setting name (as spelled in known_settings) -> value. Names are matched case-insensitively,
// as Azure's SDKs do.
std::map<std::string, std::string> settings_of(std::string_view text) {
  std::map<std::string, std::string> settings;
  for (const auto& raw : split(text, ';')) {
    const std::string piece = trim(raw);
    if (piece.empty()) continue;  // a trailing ';' is common
    const auto eq = piece.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw invalid("'" + piece.substr(0, 40) + "' is not a Name=Value setting", "connection_string");
    }
    const std::string name = trim(piece.substr(0, eq));
    const std::string value = trim(piece.substr(eq + 1));  // a key's '=' padding stays in the value
    std::string canonical;
    for (const auto& known : known_settings()) {
      if (iequals(known, name)) canonical = known;
    }
    if (canonical.empty()) {
      throw invalid("unknown setting '" + name +
                        "' (expected DefaultEndpointsProtocol, AccountName, AccountKey, BlobEndpoint, "
                        "EndpointSuffix, SharedAccessSignature or UseDevelopmentStorage)",
                    "connection_string");
    }
    if (!settings.emplace(canonical, value).second) {
      throw invalid("the setting " + canonical + " appears twice", "connection_string");
    }
  }
  return settings;
}

std::string setting(const std::map<std::string, std::string>& settings, const char* name) {
  auto it = settings.find(name);
  return it == settings.end() ? std::string() : it->second;
}

std::string checked_endpoint(std::string endpoint) {
  try {
    const Url url = parse_url(endpoint);
    if (url.path_and_query.find('?') != std::string::npos) {
      throw invalid("BlobEndpoint must not have a query: '" + endpoint + "'", "BlobEndpoint");
    }
  } catch (const Error& e) {
    if (!e.target().empty()) throw;
    throw invalid(std::string("BlobEndpoint: ") + e.what(), "BlobEndpoint");
  }
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  return endpoint;
}

// The account a blob endpoint names when the connection string does not say: the first label
// of "<account>.blob.<suffix>", else the first path segment (Azurite's and azml-host's
// path-style endpoints end in "/<account>").
std::string account_of_endpoint(const std::string& endpoint) {
  const Url url = parse_url(endpoint);
  const auto segments = parse_target(url.path_and_query).segments;
  if (!segments.empty()) return segments.back();
  const auto dot = url.authority.find(".blob.");
  return dot == std::string::npos ? std::string() : url.authority.substr(0, dot);
}

}  // namespace

StorageConnection StorageConnection::parse(std::string_view connection_string) {
  if (trim(connection_string).empty()) throw invalid("it is empty", "connection_string");
  const auto settings = settings_of(connection_string);

  StorageConnection connection;
  if (iequals(setting(settings, "UseDevelopmentStorage"), "true")) {
    for (const char* other : {"AccountName", "AccountKey", "BlobEndpoint", "SharedAccessSignature"}) {
      if (settings.count(other)) {
        throw invalid(std::string("UseDevelopmentStorage=true cannot be combined with ") + other, other);
      }
    }
    connection.account_name = kDevelopmentAccount;
    connection.account_key = kDevelopmentKey;
    connection.blob_endpoint = kDevelopmentBlobEndpoint;
    return connection;
  }
  if (settings.count("UseDevelopmentStorage")) {
    throw invalid("UseDevelopmentStorage must be 'true' when given", "UseDevelopmentStorage");
  }

  connection.account_name = setting(settings, "AccountName");
  connection.account_key = setting(settings, "AccountKey");
  connection.sas_token = setting(settings, "SharedAccessSignature");
  if (!connection.sas_token.empty() && connection.sas_token.front() == '?') connection.sas_token.erase(0, 1);

  if (connection.account_key.empty() && connection.sas_token.empty()) {
    throw invalid("it has neither an AccountKey nor a SharedAccessSignature", "AccountKey");
  }
  if (!connection.account_key.empty() && !connection.sas_token.empty()) {
    throw invalid("give either an AccountKey or a SharedAccessSignature, not both", "SharedAccessSignature");
  }
  if (!connection.account_key.empty()) {
    try {
      if (base64_decode(connection.account_key).empty()) throw Error(ErrorCode::Invalid, "empty");
    } catch (const Error&) {
      throw invalid("AccountKey is not a base64 key", "AccountKey");
    }
    if (connection.account_name.empty()) throw invalid("AccountKey needs an AccountName", "AccountName");
  }

  const std::string endpoint = setting(settings, "BlobEndpoint");
  if (!endpoint.empty()) {
    connection.blob_endpoint = checked_endpoint(endpoint);
  } else {
    if (connection.account_name.empty()) {
      throw invalid("it needs a BlobEndpoint, or an AccountName to build one from", "BlobEndpoint");
    }
    std::string protocol = setting(settings, "DefaultEndpointsProtocol");
    if (protocol.empty()) protocol = "https";
    if (protocol != "https" && protocol != "http") {
      throw invalid("DefaultEndpointsProtocol must be https or http, not '" + protocol + "'",
                    "DefaultEndpointsProtocol");
    }
    std::string suffix = setting(settings, "EndpointSuffix");
    if (suffix.empty()) suffix = "core.windows.net";
    connection.blob_endpoint = checked_endpoint(protocol + "://" + connection.account_name + ".blob." + suffix);
  }
  if (connection.account_name.empty()) connection.account_name = account_of_endpoint(connection.blob_endpoint);
  return connection;
}

}  // namespace azml::client
