// The updatable resources of a classic endpoint: the Resource assets (trained models) of its
// definition, where they are read from, and the overrides a PATCH sets on them. Locations travel
// as Azure's AzureBlobDataReference (BaseLocation + RelativeLocation + SasBlobToken) on the wire
// and as one URI in the definition; these helpers convert between the two, and keep SAS tokens
// out of anything shown.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "storage/records.hpp"

namespace azml::host::domain {

inline constexpr const char* kTrainedModelKind = "TrainedModel";
inline constexpr const char* kResourceKind = "Resource";

struct UpdatableResource {
  std::string name;  // the asset's name
  std::string kind;  // kTrainedModelKind or kResourceKind
  std::string uri;   // its locationInfo.uri (may hold a SAS token: never show it as is)
};

// The assets of type Resource in a definition's properties, in the order of its assets.
std::vector<UpdatableResource> updatable_resources(const json& properties);

// "TrainedModel" when the name ends with "[trained model]" (case-insensitive) or the URI's
// path ends with ".ilearner", else "Resource".
std::string resource_kind(const std::string& name, const std::string& uri);

// The resource of `resources` a PATCH names: an exact match first, else a case-insensitive one.
// nullptr when there is none.
const UpdatableResource* find_updatable_resource(const std::vector<UpdatableResource>& resources,
                                                 const std::string& name);

// BaseLocation (given a trailing '/') + RelativeLocation (its leading '/' dropped).
std::string join_location(const std::string& base_location, const std::string& relative_location);
// The URL with the token as its query (a leading '?' added when missing); the URL alone when the
// token is empty.
std::string with_sas_token(const std::string& url, const std::string& sas_blob_token);

// Where an override points: its location, with its SAS token unless the URL is one of this
// host's blobs (read directly, without a token).
std::string override_uri(const ResourceOverride& resource, const std::function<bool(const std::string&)>& own_blob);

// The definition's properties with every override's asset (matched by name) pointed at the
// override's location.
json apply_overrides(json properties, const std::vector<ResourceOverride>& overrides,
                     const std::function<bool(const std::string&)>& own_blob);

// A URI split as the classic API shows it: BaseLocation "scheme://authority/", RelativeLocation
// the path without its leading '/' and without the query; an azml blob URL
// ("{endpoint}/blob/{account}/{container}/{blob}") splits after the account, as BES results do.
// A URI that is not an absolute URL is all RelativeLocation (without its query).
struct SplitLocation {
  std::string base_location;
  std::string relative_location;
};
SplitLocation split_location(const std::string& uri);

// The URI without its query (where a SAS token would be).
std::string without_query(const std::string& uri);

// `text` with every URI of `uris` that has a query replaced by the URI without it: engine and
// loader messages quote the URIs they read, and a SAS token must not leave the host.
std::string redact_queries(std::string text, const std::vector<std::string>& uris);

}  // namespace azml::host::domain
