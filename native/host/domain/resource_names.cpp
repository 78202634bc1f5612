// ARM resource ids and region slugs, shared by the catalog and the handlers that render it.
#include <cctype>

#include "common/crypto.hpp"
#include "common/strings.hpp"
#include "domain/catalog.hpp"

namespace azml::host::domain {

std::string Catalog::location_slug(const std::string& location) {
  std::string slug;
  for (unsigned char c : location) {
    if (std::isalnum(c)) slug.push_back(static_cast<char>(std::tolower(c)));
  }
  return slug;
}

std::string Catalog::resource_id(const ResourceKey& key) {
  return "/subscriptions/" + key.subscription_id + "/resourceGroups/" + key.resource_group +
         "/providers/Microsoft.MachineLearning/webServices/" + key.name;
}

std::string Catalog::service_id(const ResourceKey& key) {
  return sha256_hex(to_lower(key.subscription_id) + "/" + to_lower(key.resource_group) + "/" + to_lower(key.name))
      .substr(0, 32);
}

}  // namespace azml::host::domain
