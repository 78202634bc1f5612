#include "runtime/web_service_runtime.hpp"

#include <map>
#include <mutex>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "domain/catalog.hpp"
#include "domain/classic_errors.hpp"
#include "domain/endpoint_resources.hpp"
#include "domain/web_service_settings.hpp"

namespace azml::host::runtime {

namespace {

std::string nested_string(const json& properties, const char* object, const char* field) {
  const json* outer = json_member(properties, object);
  const json* value = outer ? json_member(*outer, field) : nullptr;
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::string unavailable_reason_of(const WebServiceRecord& current) {
  const std::string name = "Web service '" + current.key.name + "'";
  const json* message = json_member(current.provisioning_error, "message");
  if (message && message->is_string()) {
    return name + " has no revision that provisioned successfully. " + message->get<std::string>();
  }
  return name + " has no revision that can serve: its last successful revision could not be loaded again "
                "when the host started (the host's log says why). Update the web service to provision it anew.";
}

std::string endpoint_unavailable_reason(const domain::EndpointServing& endpoint) {
  return "Endpoint '" + endpoint.endpoint_name + "' of web service '" + endpoint.web_service.name +
         "' has nothing to serve. Patch it with a model that loads (Update-AzMlWebServiceEndpoint) or refresh it "
         "(Sync-AzMlWebServiceEndpoint -OverwriteResources).";
}

bool same_web_service(const ResourceKey& a, const ResourceKey& b) {
  return iequals(a.subscription_id, b.subscription_id) && iequals(a.resource_group, b.resource_group) &&
         iequals(a.name, b.name);
}

}  // namespace

std::string describe(const ServingState& state) {
  if (state.endpoint_name.empty()) return "Web service '" + state.key.name + "'";
  return "Endpoint '" + state.endpoint_name + "' of web service '" + state.key.name + "'";
}

ConcurrentCall::ConcurrentCall(ServiceSlot& slot, const ServingState& state) : slot_(slot) {
  const int running = slot_.calls_in_flight.fetch_add(1, std::memory_order_acq_rel) + 1;
  if (running > state.max_concurrent_calls) {
    slot_.calls_in_flight.fetch_sub(1, std::memory_order_acq_rel);
    const char* setting = state.endpoint_name.empty() ? "realtimeConfiguration.maxConcurrentCalls" : "MaxConcurrentCalls";
    throw Error(ErrorCode::Throttled, "TooManyRequests",
                describe(state) + " is already handling its maximum of " + std::to_string(state.max_concurrent_calls) +
                    " concurrent calls (" + setting + "). Retry the request later.");
  }
}

WebServiceRuntime::WebServiceRuntime(engine::ResourceLoader loader) : loader_(std::move(loader)) {
  if (!loader_) throw Error(ErrorCode::Invalid, "the web service runtime needs a resource loader");
}

WebServiceRuntime::WebServiceRuntime(ResourceSources sources)
    : sources_(std::make_shared<const ResourceSources>(sources)), loader_(make_resource_loader(std::move(sources))) {}

std::shared_ptr<ServiceSlot> WebServiceRuntime::slot_for(const std::string& service_id) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto& entry = slots_[service_id];
  if (!entry) entry = std::make_shared<ServiceSlot>();
  return entry;
}

std::shared_ptr<const domain::PreparedRevision> WebServiceRuntime::prepare(const WebServiceRecord& record) {
  return Revision::compile(record, loader_);
}

void WebServiceRuntime::publish(const WebServiceRecord& current,
                                std::shared_ptr<const domain::PreparedRevision> prepared) noexcept {
  try {
    const std::string service_id = domain::Catalog::service_id(current.key);
    std::shared_ptr<ServiceSlot> slot = slot_for(service_id);
    auto state = std::make_shared<ServingState>();
    state->key = current.key;
    state->service_id = service_id;
    state->workspace_id = domain::workspace_id_of(current.properties);
    state->primary_key = nested_string(current.properties, "keys", "primary");
    state->secondary_key = nested_string(current.properties, "keys", "secondary");
    state->max_concurrent_calls = domain::max_concurrent_calls_of(current.properties);
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
    // Its endpoints were deleted with it.
    for (auto it = slots_.begin(); it != slots_.end();) {
      const auto state = it->second->state();
      if (state && !state->endpoint_name.empty() && same_web_service(state->key, key)) {
        it = slots_.erase(it);
      } else {
        ++it;
      }
    }
  } catch (...) {
  }
}

bool WebServiceRuntime::is_own_blob(const std::string& uri) const { return sources_ && is_own_blob_url(*sources_, uri); }

void WebServiceRuntime::check_location(const std::string& uri) const {
  if (sources_) check_own_blob_token(*sources_, uri);
}

std::string WebServiceRuntime::read_location(const std::string& uri) const {
  const std::string shown = domain::without_query(uri);
  try {
    return loader_(uri);
  } catch (const Error& error) {
    // The loader's messages name the URL without its query; a transport's own text might not.
    const std::string why = domain::redact_queries(error.what(), {uri});
    switch (error.code()) {
      case ErrorCode::NotFound: throw domain::classic_errors::blob_location_not_found(shown, why);
      case ErrorCode::Unauthorized:
        throw domain::classic_errors::blob_location_unauthorized(shown, why + "; the token may have expired");
      case ErrorCode::Invalid: throw domain::classic_errors::invalid_blob_location(why, "");
      default: throw domain::classic_errors::blob_location_unreachable(shown, why);
    }
  }
}

std::shared_ptr<const domain::PreparedRevision> WebServiceRuntime::prepare_endpoint(
    const domain::EndpointServing& endpoint, const std::vector<std::string>& read_first) {
  if (!endpoint.overridden) {
    std::shared_ptr<ServiceSlot> own;
    {
      std::shared_lock<std::shared_mutex> lock(mutex_);
      auto found = slots_.find(domain::Catalog::service_id(endpoint.web_service));
      if (found != slots_.end()) own = found->second;
    }
    const auto state = own ? own->state() : nullptr;
    if (state && state->revision && state->revision->number() == endpoint.definition.revision) return state->revision;
  }
  // Read first, so that a location that cannot be read says so with its own error; the compile
  // then takes those bytes instead of reading again.
  std::map<std::string, std::string> read;
  for (const std::string& uri : read_first) {
    if (read.find(uri) == read.end()) read.emplace(uri, read_location(uri));
  }
  const engine::ResourceLoader loader = [&](const std::string& uri) -> std::string {
    auto found = read.find(uri);
    return found != read.end() ? found->second : loader_(uri);
  };
  return Revision::compile(endpoint.definition, loader);
}

void WebServiceRuntime::publish_endpoint(const domain::EndpointServing& endpoint,
                                         std::shared_ptr<const domain::PreparedRevision> prepared) noexcept {
  try {
    std::shared_ptr<ServiceSlot> slot = slot_for(endpoint.service_id);
    const auto previous = slot->state();
    auto state = std::make_shared<ServingState>();
    state->key = endpoint.web_service;
    state->service_id = endpoint.service_id;
    state->endpoint_name = endpoint.endpoint_name;
    state->workspace_id = domain::workspace_id_of(endpoint.definition.properties);
    state->primary_key = endpoint.primary_key;
    state->secondary_key = endpoint.secondary_key;
    state->max_concurrent_calls = endpoint.max_concurrent_calls;
    if (prepared) {
      state->revision = std::dynamic_pointer_cast<const Revision>(prepared);
    } else if (previous) {
      state->revision = previous->revision;  // new settings: the slot keeps what it serves
      state->unavailable_reason = previous->unavailable_reason;
    }
    if (!state->revision) {
      if (!endpoint.unavailable_reason.empty()) state->unavailable_reason = endpoint.unavailable_reason;
      if (state->unavailable_reason.empty()) state->unavailable_reason = endpoint_unavailable_reason(endpoint);
    }
    slot->publish(std::move(state));
  } catch (...) {
    // Only allocation can fail above; the endpoint then keeps its previous state.
  }
}

void WebServiceRuntime::withdraw_endpoint(const std::string& service_id) noexcept {
  try {
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
  if (!header || trim_view(*header).empty()) {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. Send 'Authorization: Bearer <key>' with the primary or secondary key of "
                "the web service.");
  }
  // Views, not copies: the key is read where the request holds it.
  const std::string_view credentials = trim_view(*header);
  constexpr std::string_view scheme = "Bearer";
  if (credentials.size() <= scheme.size() || !iequals(credentials.substr(0, scheme.size()), scheme) ||
      credentials[scheme.size()] != ' ') {
    throw Error(ErrorCode::Unauthorized, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is provided in an invalid format; expected "
                "'Bearer <key>' with the primary or secondary key of the web service.");
  }
  const std::string_view presented = trim_view(credentials.substr(scheme.size()));
  // Both keys are always compared, so the time taken does not tell which one matched.
  const bool primary = !state.primary_key.empty() && constant_time_equals(presented, state.primary_key);
  const bool secondary = !state.secondary_key.empty() && constant_time_equals(presented, state.secondary_key);
  if (presented.empty() || !(primary || secondary)) {
    const std::string whose = state.endpoint_name.empty()
                                  ? "web service '" + state.key.name + "' (listKeys)"
                                  : "endpoint '" + state.endpoint_name + "' of web service '" + state.key.name +
                                        "' (Get-AzMlWebServiceEndpoint)";
    throw Error(ErrorCode::Unauthorized, "InvalidAuthenticationToken",
                "The API key is invalid. Use the primary or secondary key of " + whose + ".");
  }
}

const Revision& WebServiceRuntime::serving_revision(const ServingState& state) {
  if (!state.revision) throw Error(ErrorCode::Conflict, "WebServiceNotReady", state.unavailable_reason);
  return *state.revision;
}

}  // namespace azml::host::runtime
