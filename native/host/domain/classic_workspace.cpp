#include "domain/classic_workspace.hpp"

#include <algorithm>

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/time_util.hpp"
#include "common/url.hpp"
#include "domain/classic_errors.hpp"
#include "domain/endpoint_requests.hpp"
#include "domain/web_service_secrets.hpp"
#include "domain/web_service_settings.hpp"

namespace azml::host::domain {

namespace {

// Web services read per page when the whole subscription is walked (lists, the id index, restore).
constexpr std::size_t kPageSize = 100;

// The definition's description, else its title, else "".
std::string description_of(const json& properties) {
  const std::string description = json_string_member(properties, "description");
  return description.empty() ? json_string_member(properties, "title") : description;
}

// Every Resource URI of a definition: what an engine message may quote.
std::vector<std::string> resource_uris(const json& properties) {
  std::vector<std::string> uris;
  for (const auto& resource : updatable_resources(properties)) uris.push_back(resource.uri);
  return uris;
}

std::vector<std::string> resource_names(const std::vector<UpdatableResource>& resources) {
  std::vector<std::string> names;
  for (const auto& resource : resources) names.push_back(resource.name);
  return names;
}

bool is_default(const std::string& endpoint) { return iequals(endpoint, kDefaultEndpointName); }

// Why a web service has no revision to snapshot.
std::string not_ready_reason(const WebServiceRecord& record) {
  const std::string name = "Web service '" + record.key.name + "'";
  const std::string message = json_string_member(record.provisioning_error, "message");
  if (!message.empty()) {
    return name + " has no revision that provisioned successfully, so it has nothing an endpoint could serve. " +
           message;
  }
  return name + " has no revision that provisioned successfully, so it has nothing an endpoint could serve. "
                "Update it (Update-AzMlWebService) until it provisions.";
}

bool keys_accept(std::string_view presented, const std::string& primary, const std::string& secondary) {
  // Both keys are always compared, so the time taken does not tell which one matched.
  const bool first = !primary.empty() && constant_time_equals(presented, primary);
  const bool second = !secondary.empty() && constant_time_equals(presented, secondary);
  return !presented.empty() && (first || second);
}

}  // namespace

ClassicWorkspace::ClassicWorkspace(Catalog& catalog, storage::Store& store, Clock now)
    : catalog_(catalog),
      store_(store),
      now_(now ? std::move(now) : Clock([] { return now_iso8601(); })),
      subscription_id_(catalog.subscriptions().front()) {}

void ClassicWorkspace::set_provisioner(EndpointProvisioner* provisioner) { provisioner_ = provisioner; }

std::string ClassicWorkspace::endpoint_service_id(const ResourceKey& web_service, const std::string& endpoint) {
  return sha256_hex(to_lower(web_service.subscription_id) + "/" + to_lower(web_service.resource_group) + "/" +
                    to_lower(web_service.name) + "/endpoints/" + to_lower(endpoint))
      .substr(0, 32);
}

// ---- finding web services

void ClassicWorkspace::for_each_web_service(const std::function<void(const WebServiceRecord&)>& visit) {
  std::string after;
  for (;;) {
    const auto page = store_.list_web_services(subscription_id_, std::nullopt, after, kPageSize);
    for (const WebServiceRecord& record : page) visit(record);
    if (page.size() < kPageSize) break;
    after = store_.continuation_of(page.back());
  }
}

bool ClassicWorkspace::in_workspace(const WebServiceRecord& record, const std::string& workspace) const {
  if (iequals(workspace, record.key.subscription_id)) return true;
  const std::string workspace_id = workspace_id_of(record.properties);
  return !workspace_id.empty() && iequals(workspace, workspace_id);
}

WebServiceRecord ClassicWorkspace::resolve(const std::string& workspace, const std::string& web_service_id) {
  const std::string id = to_lower(web_service_id);
  std::optional<ResourceKey> key;
  {
    std::lock_guard<std::mutex> lock(index_mutex_);
    auto found = index_.find(id);
    if (found != index_.end()) key = found->second;
  }
  if (key) {
    if (auto record = store_.find_web_service(*key); record && in_workspace(*record, workspace)) return *record;
  }
  // A miss (a web service created since, or none): read every web service's id again.
  std::map<std::string, ResourceKey> fresh;
  std::optional<WebServiceRecord> match;
  for_each_web_service([&](const WebServiceRecord& record) {
    const std::string service_id = Catalog::service_id(record.key);
    if (service_id == id) match = record;
    fresh.emplace(service_id, record.key);
  });
  {
    std::lock_guard<std::mutex> lock(index_mutex_);
    index_ = std::move(fresh);
  }
  if (match && in_workspace(*match, workspace)) return std::move(*match);
  throw classic_errors::web_service_not_found(workspace, web_service_id);
}

std::vector<ClassicWebService> ClassicWorkspace::list_web_services(const std::string& workspace) {
  std::vector<ClassicWebService> services;
  for_each_web_service([&](const WebServiceRecord& record) {
    if (!in_workspace(record, workspace)) return;
    services.push_back(ClassicWebService{record, Catalog::service_id(record.key), 1 + store_.count_endpoints(record.key)});
  });
  if (services.empty() && !iequals(workspace, subscription_id_)) throw classic_errors::workspace_not_found(workspace);
  return services;
}

ClassicWebService ClassicWorkspace::get_web_service(const std::string& workspace, const std::string& web_service_id) {
  WebServiceRecord record = resolve(workspace, web_service_id);
  const std::size_t count = 1 + store_.count_endpoints(record.key);
  std::string id = Catalog::service_id(record.key);
  return ClassicWebService{std::move(record), std::move(id), count};
}

void ClassicWorkspace::remove_web_service(const std::string& workspace, const std::string& web_service_id) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  // The catalog deletes the endpoints with the web service, and the runtime withdraws their slots
  // with its own.
  catalog_.remove(record.key);
}

// ---- views

EndpointView ClassicWorkspace::default_view(const WebServiceRecord& record) {
  const std::optional<ServingRevision> serving = store_.find_serving_revision(record.key);
  const json keys = service_keys(record.properties);
  EndpointView view;
  view.web_service = record.key;
  view.web_service_id = Catalog::service_id(record.key);
  view.name = kDefaultEndpointName;
  view.is_default = true;
  view.description = description_of(record.properties);
  view.created_on = record.created_on;
  view.primary_key = keys.at("primary").get<std::string>();
  view.secondary_key = keys.at("secondary").get<std::string>();
  view.service_id = view.web_service_id;
  view.version = serving ? serving->revision : record.revision;
  view.prevent_update = false;
  view.max_concurrent_calls = max_concurrent_calls_of(record.properties);
  view.throttle_level = kThrottleHigh;
  view.resources = updatable_resources(serving ? serving->properties : record.properties);
  return view;
}

EndpointView ClassicWorkspace::added_view(const EndpointRecord& endpoint) {
  EndpointView view;
  view.web_service = endpoint.web_service;
  view.web_service_id = Catalog::service_id(endpoint.web_service);
  view.name = endpoint.name;
  view.description = endpoint.description;
  view.created_on = endpoint.created_on;
  view.primary_key = endpoint.primary_key;
  view.secondary_key = endpoint.secondary_key;
  view.service_id = endpoint_service_id(endpoint.web_service, endpoint.name);
  view.version = endpoint.version;
  view.prevent_update = endpoint.prevent_update;
  view.max_concurrent_calls = endpoint.max_concurrent_calls;
  view.throttle_level = endpoint.throttle_level;
  view.resources = updatable_resources(
      apply_overrides(endpoint.base.properties, endpoint.resources, [this](const std::string& uri) { return own_blob(uri); }));
  return view;
}

std::vector<EndpointView> ClassicWorkspace::list_endpoints(const std::string& workspace,
                                                           const std::string& web_service_id) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  std::vector<EndpointView> views = {default_view(record)};
  for (const EndpointRecord& endpoint : store_.list_endpoints(record.key)) views.push_back(added_view(endpoint));
  return views;
}

EndpointView ClassicWorkspace::get_endpoint(const std::string& workspace, const std::string& web_service_id,
                                            const std::string& name) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  if (is_default(name)) return default_view(record);
  const auto endpoint = store_.find_endpoint(record.key, to_lower(name));
  if (!endpoint) throw classic_errors::endpoint_not_found(record.key.name, name);
  return added_view(*endpoint);
}

// ---- provisioning

bool ClassicWorkspace::own_blob(const std::string& uri) const { return provisioner_ && provisioner_->is_own_blob(uri); }

EndpointServing ClassicWorkspace::serving_of(const EndpointRecord& endpoint) const {
  EndpointServing serving;
  serving.web_service = endpoint.web_service;
  serving.endpoint_name = endpoint.name;
  serving.service_id = endpoint_service_id(endpoint.web_service, endpoint.name);
  serving.definition.key = endpoint.web_service;
  serving.definition.properties =
      apply_overrides(endpoint.base.properties, endpoint.resources, [this](const std::string& uri) { return own_blob(uri); });
  serving.definition.revision = endpoint.base.revision;
  serving.definition.created_on = endpoint.created_on;
  serving.definition.modified_on = endpoint.modified_on;
  serving.definition.provisioning_state = "Succeeded";
  serving.overridden = !endpoint.resources.empty();
  serving.primary_key = endpoint.primary_key;
  serving.secondary_key = endpoint.secondary_key;
  serving.max_concurrent_calls = endpoint.max_concurrent_calls;
  return serving;
}

std::shared_ptr<const PreparedRevision> ClassicWorkspace::prepare(const EndpointServing& serving,
                                                                  const std::vector<std::string>& read_first,
                                                                  const std::function<Error(const std::string&)>& engine_error) {
  if (!provisioner_) return nullptr;
  try {
    return provisioner_->prepare_endpoint(serving, read_first);
  } catch (const Error& error) {
    // The locations were read first and fail with their own codes; anything else is the engine
    // refusing the definition, whose text may quote a URI with its SAS token.
    const std::string& code = error.service_code();
    if (starts_with(code, "BlobLocation") || code == "InvalidBlobLocation") throw;
    throw engine_error(redact_queries(error.what(), resource_uris(serving.definition.properties)));
  } catch (const std::exception& error) {
    throw engine_error(redact_queries(error.what(), resource_uris(serving.definition.properties)));
  }
}

void ClassicWorkspace::publish(const EndpointServing& serving, std::shared_ptr<const PreparedRevision> prepared,
                               const std::string& workspace, const std::string& web_service_id) {
  if (!provisioner_) return;
  provisioner_->publish_endpoint(serving, std::move(prepared));
  // Deleting the web service deletes its endpoint rows, then withdraws their slots; a publish
  // that came between the two would leave a slot behind. The row says whether it did.
  if (!store_.find_endpoint(serving.web_service, serving.endpoint_name)) {
    provisioner_->withdraw_endpoint(serving.service_id);
    throw classic_errors::web_service_not_found(workspace, web_service_id);
  }
}

std::vector<EndpointRestoreFailure> ClassicWorkspace::restore_endpoints() {
  std::vector<EndpointRestoreFailure> failures;
  if (!provisioner_) return failures;
  std::lock_guard<std::mutex> lock(write_mutex_);
  for_each_web_service([&](const WebServiceRecord& record) {
    for (const EndpointRecord& endpoint : store_.list_endpoints(record.key)) {
      EndpointServing serving = serving_of(endpoint);
      std::shared_ptr<const PreparedRevision> prepared;
      try {
        prepared = provisioner_->prepare_endpoint(serving, {});
      } catch (const std::exception& error) {
        // One endpoint that no longer loads must not keep the host from serving the others.
        const std::string reason = redact_queries(error.what(), resource_uris(serving.definition.properties));
        failures.push_back(EndpointRestoreFailure{record.key, endpoint.name, reason});
        serving.unavailable_reason =
            "Endpoint '" + endpoint.name + "' of web service '" + record.key.name +
            "' has nothing to serve: its models could not be loaded again when the host started (" + reason +
            "). Patch it with a model that loads (Update-AzMlWebServiceEndpoint) or refresh it "
            "(Sync-AzMlWebServiceEndpoint -OverwriteResources).";
      }
      provisioner_->publish_endpoint(serving, std::move(prepared));
    }
  });
  return failures;
}

// ---- changes

ClassicWorkspace::PutResult ClassicWorkspace::put_endpoint(const std::string& workspace,
                                                           const std::string& web_service_id, const std::string& name,
                                                           const json& body) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  if (is_default(name)) throw classic_errors::default_endpoint_not_updatable();
  check_endpoint_name(name);
  const EndpointSettings settings = read_endpoint_settings(body, web_service_id, name);

  std::lock_guard<std::mutex> lock(write_mutex_);
  if (auto existing = store_.find_endpoint(record.key, name)) {
    EndpointRecord updated = *existing;
    updated.description = settings.description;
    updated.throttle_level = settings.throttle_level;
    updated.max_concurrent_calls = settings.max_concurrent_calls;
    updated.prevent_update = settings.prevent_update;
    const bool changed = updated.description != existing->description ||
                         updated.throttle_level != existing->throttle_level ||
                         updated.max_concurrent_calls != existing->max_concurrent_calls ||
                         updated.prevent_update != existing->prevent_update;
    if (!changed) return PutResult{added_view(*existing), false};
    updated.version = existing->version + 1;
    updated.modified_on = now_();
    store_.save_endpoint(updated);
    // New settings, same revision: the slot keeps what it serves.
    publish(serving_of(updated), nullptr, workspace, web_service_id);
    return PutResult{added_view(updated), false};
  }

  const std::optional<ServingRevision> serving_revision = store_.find_serving_revision(record.key);
  if (!serving_revision) throw classic_errors::web_service_not_ready(not_ready_reason(record));
  if (store_.count_endpoints(record.key) >= kMaxAddedEndpoints) {
    throw classic_errors::too_many_endpoints(record.key.name, kMaxAddedEndpoints);
  }

  EndpointRecord endpoint;
  endpoint.web_service = record.key;
  endpoint.name = name;
  endpoint.description = settings.description;
  endpoint.created_on = now_();
  endpoint.modified_on = endpoint.created_on;
  endpoint.primary_key = new_service_key();
  endpoint.secondary_key = new_service_key();
  endpoint.throttle_level = settings.throttle_level;
  endpoint.max_concurrent_calls = settings.max_concurrent_calls;
  endpoint.prevent_update = settings.prevent_update;
  endpoint.base = *serving_revision;
  endpoint.version = 1;

  const EndpointServing serving = serving_of(endpoint);
  auto prepared = prepare(serving, {}, [&](const std::string& reason) {
    return classic_errors::web_service_not_ready("Web service '" + record.key.name +
                                                 "' cannot serve a new endpoint: its serving revision does not load (" +
                                                 reason + "). Update the web service until it provisions.");
  });
  store_.save_endpoint(endpoint);
  publish(serving, std::move(prepared), workspace, web_service_id);
  return PutResult{added_view(endpoint), true};
}

EndpointView ClassicWorkspace::patch_endpoint(const std::string& workspace, const std::string& web_service_id,
                                              const std::string& name, const json& body) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  if (is_default(name)) throw classic_errors::default_endpoint_not_patchable(record.key.name);
  const auto own = [this](const std::string& uri) { return own_blob(uri); };

  std::lock_guard<std::mutex> lock(write_mutex_);
  const auto existing = store_.find_endpoint(record.key, to_lower(name));
  if (!existing) throw classic_errors::endpoint_not_found(record.key.name, name);
  const std::vector<UpdatableResource> resources =
      updatable_resources(apply_overrides(existing->base.properties, existing->resources, own));
  if (resources.empty()) throw classic_errors::no_updatable_resources(record.key.name);
  const std::vector<ResourceLocationChange> changes = read_resource_changes(body);

  EndpointRecord updated = *existing;
  std::vector<std::string> read_first;
  for (const ResourceLocationChange& change : changes) {
    const UpdatableResource* resource = find_updatable_resource(resources, change.name);
    if (!resource) {
      throw classic_errors::updatable_resource_not_found(change.name, record.key.name, resource_names(resources), false);
    }
    try {
      parse_url(change.base_location);
    } catch (const Error&) {
      throw classic_errors::invalid_blob_location(
          change.target + ".Location.BaseLocation must be an absolute http(s) URL such as "
                          "'https://account.blob.core.windows.net/', not '" +
              without_query(change.base_location) + "'.",
          change.target + ".Location.BaseLocation");
    }
    const std::string url = join_location(change.base_location, change.relative_location);
    // A token presented for one of this host's blobs is checked before anything is read.
    if (provisioner_ && !change.sas_blob_token.empty()) {
      provisioner_->check_location(with_sas_token(url, change.sas_blob_token));
    }
    ResourceOverride override_{resource->name, resource_kind(resource->name, url), change.base_location,
                               change.relative_location, change.sas_blob_token};
    read_first.push_back(override_uri(override_, own));
    bool replaced = false;
    for (ResourceOverride& kept : updated.resources) {
      if (kept.name == override_.name) {
        kept = override_;
        replaced = true;
      }
    }
    if (!replaced) updated.resources.push_back(std::move(override_));
  }
  updated.version = existing->version + 1;
  return save_new_version(std::move(updated), read_first, workspace, web_service_id);
}

std::optional<EndpointView> ClassicWorkspace::refresh_endpoint(const std::string& workspace,
                                                               const std::string& web_service_id,
                                                               const std::string& name, const json& body) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  const bool overwrite = read_overwrite_resources(body);
  if (is_default(name)) return std::nullopt;  // it is always in sync

  std::lock_guard<std::mutex> lock(write_mutex_);
  const auto existing = store_.find_endpoint(record.key, to_lower(name));
  if (!existing) throw classic_errors::endpoint_not_found(record.key.name, name);
  if (existing->prevent_update) throw classic_errors::endpoint_update_prevented(existing->name);
  const std::optional<ServingRevision> serving_revision = store_.find_serving_revision(record.key);
  if (!serving_revision) throw classic_errors::web_service_not_ready(not_ready_reason(record));
  if (existing->base.revision == serving_revision->revision && (!overwrite || existing->resources.empty())) {
    return std::nullopt;
  }

  EndpointRecord updated = *existing;
  updated.base = *serving_revision;
  if (overwrite) updated.resources.clear();
  const std::vector<UpdatableResource> resources = updatable_resources(serving_revision->properties);
  std::vector<std::string> read_first;
  const auto own = [this](const std::string& uri) { return own_blob(uri); };
  for (const ResourceOverride& kept : updated.resources) {
    const bool exists = std::any_of(resources.begin(), resources.end(),
                                    [&](const UpdatableResource& resource) { return resource.name == kept.name; });
    if (!exists) {
      throw classic_errors::updatable_resource_not_found(kept.name, record.key.name, resource_names(resources), true);
    }
    read_first.push_back(override_uri(kept, own));
  }
  updated.version = existing->version + 1;
  return save_new_version(std::move(updated), read_first, workspace, web_service_id);
}

EndpointView ClassicWorkspace::save_new_version(EndpointRecord updated, const std::vector<std::string>& read_first,
                                               const std::string& workspace, const std::string& web_service_id) {
  updated.modified_on = now_();
  const EndpointServing serving = serving_of(updated);
  auto prepared = prepare(serving, read_first, classic_errors::invalid_trained_model);
  store_.save_endpoint(updated);
  publish(serving, std::move(prepared), workspace, web_service_id);
  return added_view(updated);
}

void ClassicWorkspace::remove_endpoint(const std::string& workspace, const std::string& web_service_id,
                                       const std::string& name) {
  const WebServiceRecord record = resolve(workspace, web_service_id);
  if (is_default(name)) {
    std::vector<std::string> others;
    for (const EndpointRecord& endpoint : store_.list_endpoints(record.key)) others.push_back(endpoint.name);
    throw classic_errors::default_endpoint_in_use(record.key.name, others);
  }
  std::lock_guard<std::mutex> lock(write_mutex_);
  const std::string endpoint = to_lower(name);
  if (!store_.delete_endpoint(record.key, endpoint)) throw classic_errors::endpoint_not_found(record.key.name, name);
  if (provisioner_) provisioner_->withdraw_endpoint(endpoint_service_id(record.key, endpoint));
}

bool ClassicWorkspace::accepts_endpoint_key(const std::string& workspace, const std::string& web_service_id,
                                            const std::string& name, std::string_view presented) {
  try {
    const WebServiceRecord record = resolve(workspace, web_service_id);
    if (is_default(name)) {
      const json keys = service_keys(record.properties);
      return keys_accept(presented, keys.at("primary").get<std::string>(), keys.at("secondary").get<std::string>());
    }
    const auto endpoint = store_.find_endpoint(record.key, to_lower(name));
    return endpoint && keys_accept(presented, endpoint->primary_key, endpoint->secondary_key);
  } catch (const Error&) {
    return false;  // no such web service: no key of it is accepted
  }
}

}  // namespace azml::host::domain
