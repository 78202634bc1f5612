#include "domain/web_service_settings.hpp"

namespace azml::host::domain {

int max_concurrent_calls_of(const json& properties) {
  const json* realtime = json_member(properties, "realtimeConfiguration");
  const json* value = realtime ? json_member(*realtime, "maxConcurrentCalls") : nullptr;
  if (value && value->is_number_integer() && value->get<int>() >= 1) return value->get<int>();
  return kDefaultMaxConcurrentCalls;
}

std::string workspace_id_of(const json& properties) {
  const json* workspace = json_member(properties, "machineLearningWorkspace");
  return workspace ? json_string_member(*workspace, "id") : std::string();
}

}  // namespace azml::host::domain
