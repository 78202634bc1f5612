#include "domain/endpoint_resources.hpp"

#include "common/strings.hpp"

namespace azml::host::domain {

namespace {

bool is_resource_asset(const json& asset) { return iequals(json_string_member(asset, "type"), "Resource"); }

std::string path_of(const std::string& uri) {
  std::string path = without_query(uri);
  const auto scheme = path.find("://");
  if (scheme == std::string::npos) return path;
  const auto slash = path.find('/', scheme + 3);
  return slash == std::string::npos ? std::string() : path.substr(slash);
}

}  // namespace

std::vector<UpdatableResource> updatable_resources(const json& properties) {
  std::vector<UpdatableResource> resources;
  const json* assets = json_member(properties, "assets");
  if (!assets || !assets->is_object()) return resources;
  for (const auto& [id, asset] : assets->items()) {
    if (!is_resource_asset(asset)) continue;
    const json* location = json_member(asset, "locationInfo");
    const std::string uri = location ? json_string_member(*location, "uri") : std::string();
    const std::string name = json_string_member(asset, "name");
    resources.push_back(UpdatableResource{name, resource_kind(name, uri), uri});
  }
  return resources;
}

std::string resource_kind(const std::string& name, const std::string& uri) {
  const bool trained_model = ends_with(to_lower(name), "[trained model]") || ends_with(to_lower(path_of(uri)), ".ilearner");
  return trained_model ? kTrainedModelKind : kResourceKind;
}

const UpdatableResource* find_updatable_resource(const std::vector<UpdatableResource>& resources,
                                                 const std::string& name) {
  for (const auto& resource : resources) {
    if (resource.name == name) return &resource;
  }
  for (const auto& resource : resources) {
    if (iequals(resource.name, name)) return &resource;
  }
  return nullptr;
}

std::string join_location(const std::string& base_location, const std::string& relative_location) {
  std::string url = base_location;
  if (url.empty() || url.back() != '/') url += '/';
  std::string_view relative = relative_location;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  return url + std::string(relative);
}

std::string with_sas_token(const std::string& url, const std::string& sas_blob_token) {
  if (sas_blob_token.empty()) return url;
  return url + (sas_blob_token.front() == '?' ? sas_blob_token : "?" + sas_blob_token);
}

std::string override_uri(const ResourceOverride& resource, const std::function<bool(const std::string&)>& own_blob) {
  const std::string url = join_location(resource.base_location, resource.relative_location);
  return own_blob && own_blob(url) ? url : with_sas_token(url, resource.sas_blob_token);
}

json apply_overrides(json properties, const std::vector<ResourceOverride>& overrides,
                     const std::function<bool(const std::string&)>& own_blob) {
  if (overrides.empty()) return properties;
  auto assets = properties.find("assets");
  if (assets == properties.end() || !assets->is_object()) return properties;
  for (const ResourceOverride& resource : overrides) {
    for (auto& [id, asset] : assets->items()) {
      if (!is_resource_asset(asset) || json_string_member(asset, "name") != resource.name) continue;
      json& location = asset["locationInfo"];
      if (!location.is_object()) location = json::object();
      location["uri"] = override_uri(resource, own_blob);
    }
  }
  return properties;
}

SplitLocation split_location(const std::string& uri) {
  const std::string bare = without_query(uri);
  const auto scheme = bare.find("://");
  if (scheme == std::string::npos) return SplitLocation{"", bare};
  const auto slash = bare.find('/', scheme + 3);
  if (slash == std::string::npos) return SplitLocation{bare + "/", ""};
  // An azml blob URL ({endpoint}/blob/{account}/{container}/{blob}) splits where BES results
  // split it: BaseLocation is the account's blob endpoint, RelativeLocation "container/blob".
  constexpr std::string_view blob_prefix = "/blob/";
  if (bare.compare(slash, blob_prefix.size(), blob_prefix) == 0) {
    const auto account_end = bare.find('/', slash + blob_prefix.size());
    if (account_end != std::string::npos && account_end > slash + blob_prefix.size()) {
      return SplitLocation{bare.substr(0, account_end + 1), bare.substr(account_end + 1)};
    }
  }
  return SplitLocation{bare.substr(0, slash + 1), bare.substr(slash + 1)};
}

std::string without_query(const std::string& uri) { return uri.substr(0, uri.find('?')); }

std::string redact_queries(std::string text, const std::vector<std::string>& uris) {
  for (const std::string& uri : uris) {
    const auto query = uri.find('?');
    if (query == std::string::npos) continue;
    const std::string bare = uri.substr(0, query);
    for (auto at = text.find(uri); at != std::string::npos; at = text.find(uri, at + bare.size())) {
      text.replace(at, uri.size(), bare);
    }
    // A token quoted on its own (a transport's message may repeat the URL its own way).
    const std::string token = uri.substr(query + 1);
    if (token.empty()) continue;
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
      text.erase(at, token.size());
    }
  }
  return text;
}

}  // namespace azml::host::domain
