#include "handlers/management_api.hpp"

#include "handlers/management_context.hpp"

namespace azml::host::handlers {

void add_management_routes(router::Router& router, domain::Catalog& catalog, const ManagementSettings& settings) {
  auto context = std::make_shared<ManagementContext>(catalog, settings);
  add_provider_routes(router, context);
  add_web_service_routes(router, context);
}

}  // namespace azml::host::handlers
