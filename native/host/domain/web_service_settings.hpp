// Settings of a web service read from its stored (normalised) properties, for the runtime that
// serves it and for the classic view that shows its default endpoint: one reading for both.
#pragma once

#include <string>

#include "common/json.hpp"

namespace azml::host::domain {

// Azure's concurrency when realtimeConfiguration.maxConcurrentCalls (or an endpoint's
// MaxConcurrentCalls) is not given (contract §5.1).
inline constexpr int kDefaultMaxConcurrentCalls = 20;

// realtimeConfiguration.maxConcurrentCalls; the default when it is not given. The definition was
// validated (4..200), so anything else here means "not given".
int max_concurrent_calls_of(const json& properties);

// machineLearningWorkspace.id; "" when the definition has none.
std::string workspace_id_of(const json& properties);

}  // namespace azml::host::domain
