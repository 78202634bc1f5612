// ARM resource ids and region slugs, shared by the catalog and the handlers that render it.
#include <cctype>

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

}  // namespace azml::host::domain
