#include "runtime/web_service_runtime.hpp"

#include <mutex>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "domain/catalog.hpp"

namespace azml::host::runtime {

namespace {

const json* member(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

std::string nested_string(const json& properties, const char* object, const char* field) {
  const json* outer = member(properties, object);
  const json* value = outer ? member(*outer, field) : nullptr;
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

int max_concurrent_calls_of(const json& properties) {
  const json* realtime = member(properties, "realtimeConfiguration");
  const json* value = realtime ? member(*realtime, "maxConcurrentCalls") : nullptr;
  // The definition was validated (4..200); anything else here means "not given".
  if (value && value->is_number_integer() && value->get<int>() >= 1) return value->get<int>();
  return kDefaultMaxConcurrentCalls;
}

std::string unavailable_reason_of(const WebServiceRecord& current) {
  const std::string name = "Web service '" + current.key.name + "'";
  const json* message = member(current.provisioning_error, "message");
  if (message && message->is_string()) {
    return name + " has no revision that provisioned successfully. " + message->get<std::string>();
  }
  return name + " has no revision that can serve: its last successful revision could not be loaded again "
                "when the host started (the host's log says why). Update the web service to provision it anew.";
}

}  // namespace

ConcurrentCall::ConcurrentCall(ServiceSlot& slot, const ServingState& state) : slot_(slot) {
  const int running = slot_.calls_in_flight.fetch_add(1, std::memory_order_acq_rel) + 1;
  if (running > state.max_concurrent_calls) {
    slot_.calls_in_flight.fetch_sub(1, std::memory_order_acq_rel);
    throw Error(ErrorCode::Throttled, "TooManyRequests",
                "Web service '" + state.key.name + "' is already handling its maximum of " +
                    std::to_string(state.max_concurrent_calls) +
                    " concurrent calls (realtimeConfiguration.maxConcurrentCalls). Retry the request later.");
  }
}

WebServiceRuntime::WebServiceRuntime(engine::ResourceLoader loader) : loader_(std::move(loader)) {
  if (!loader_) throw Error(ErrorCode::Invalid, "the web service runtime needs a resource loader");
}

std::shared_ptr<const domain::PreparedRevision> WebServiceRuntime::prepare(const WebServiceRecord& record) {
  return Revision::compile(record, loader_);
}

void WebServiceRuntime::publish(const WebServiceRecord& current,
                                std::shared_ptr<const domain::PreparedRevision> prepared) noexcept {
  try {
    const std::string service_id = domain::Catalog::service_id(current.key);
    std::shared_ptr<ServiceSlot> slot;
    {
      std::unique_lock<std::shared_mutex> lock(mutex_);
      auto& entry = slots_[service_id];
      if (!entry) entry = std::make_shared<ServiceSlot>();
      slot = entry;
    }
    auto state = std::make_shared<ServingState>();
    state->key = current.key;
    state->service_id = service_id;
    state->workspace_id = nested_string(current.properties, "machineLearningWorkspace", "id");
    state->primary_key = nested_string(current.properties, "keys", "primary");
    state->secondary_key = nested_string(current.properties, "keys", "secondary");
    state->max_concurrent_calls = max_concurrent_calls_of(current.properties);
    if (prepared) {
      state->revision = std::dynamic_pointer_cast<const Revision>(prepared);
    } else if (auto previous = slot->state()) {
      state->revision = previous->revision;  // a failed update leaves the previous revision serving
    }
    if (!state->revision) state->unavailable_reason = unavailable_reason_of(current);
    slot->publish(std::move(state));
  } catch (...) {
    // Only allocation can fail above; the service then keeps its previous state.
  }
}

void WebServiceRuntime::withdraw(const ResourceKey& key) noexcept {
  try {
    const std::string service_id = domain::Catalog::service_id(key);
    std::unique_lock<std::shared_mutex> lock(mutex_);
    slots_.erase(service_id);
  } catch (...) {
  }
}

ResolvedService WebServiceRuntime::find(const std::string& workspace, const std::string& service_id) const {
  std::shared_ptr<ServiceSlot> slot;
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto found = slots_.find(to_lower(service_id));
    if (found != slots_.end()) slot = found->second;
  }
  std::shared_ptr<const ServingState> state = slot ? slot->state() : nullptr;
  const bool workspace_matches =
      state && (iequals(workspace, state->key.subscription_id) ||
                (!state->workspace_id.empty() && iequals(workspace, state->workspace_id)));
  if (!workspace_matches) {
    throw Error(ErrorCode::NotFound, "WebServiceNotFound",
                "No web service with id '" + service_id + "' exists in workspace '" + workspace + "' on this host.");
  }
  return ResolvedService{std::move(slot), std::move(state)};
}

void WebServiceRuntime::authenticate(const ServingState& state, const http::Headers& headers) {
  auto header = headers.get("Authorization");
  if (!header || trim(*header).empty()) {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. Send 'Authorization: Bearer <key>' with the primary or secondary key of "
                "the web service.");
  }
  const std::string credentials = trim(*header);
  constexpr std::string_view scheme = "Bearer";
  if (credentials.size() <= scheme.size() || !iequals(std::string_view(credentials).substr(0, scheme.size()), scheme) ||
      credentials[scheme.size()] != ' ') {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is provided in an invalid format; expected "
                "'Bearer <key>' with the primary or secondary key of the web service.");
  }
  const std::string presented = trim(std::string_view(credentials).substr(scheme.size()));
  // Both keys are always compared, so the time taken does not tell which one matched.
  const bool primary = !state.primary_key.empty() && constant_time_equals(presented, state.primary_key);
  const bool secondary = !state.secondary_key.empty() && constant_time_equals(presented, state.secondary_key);
  if (presented.empty() || !(primary || secondary)) {
    throw Error(ErrorCode::Unauthorized, "InvalidAuthenticationToken",
                "The API key is invalid. Use the primary or secondary key of web service '" + state.key.name +
                    "' (listKeys).");
  }
}

const Revision& WebServiceRuntime::serving_revision(const ServingState& state) {
  if (!state.revision) throw Error(ErrorCode::Conflict, "WebServiceNotReady", state.unavailable_reason);
  return *state.revision;
}

}  // namespace azml::host::runtime
