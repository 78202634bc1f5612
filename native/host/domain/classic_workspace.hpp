// The classic web-service API's view of the catalog (Azure ML Studio's management.azureml.net,
// contract §3.4, §3.5, §5.1): the workspace is the host's subscription, its web services are
// the ARM web services (named by Catalog::service_id), and each has a `default` endpoint — the
// ARM web service itself — plus the endpoints added to it, each with its own keys, settings,
// snapshot of the web service's serving revision and trained-model overrides. Independent of
// HTTP: handlers call it with the URL's values and parsed bodies and render what it returns.
//
// Every refusal is an azml::Error whose service code is the classic API's error code (see
// classic_errors.hpp); a refused change changes nothing. Safe to call from several threads.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json.hpp"
#include "domain/catalog.hpp"
#include "domain/endpoint_provisioner.hpp"
#include "domain/endpoint_resources.hpp"
#include "storage/store.hpp"

namespace azml::host::domain {

// At most this many endpoints may be added to one web service (the default not counted).
inline constexpr std::size_t kMaxAddedEndpoints = 100;

struct ClassicWebService {
  WebServiceRecord record;          // secrets included
  std::string id;                   // Catalog::service_id(record.key)
  std::size_t endpoint_count = 1;   // the default included
};

// An endpoint as the classic API shows it, the default one included.
struct EndpointView {
  ResourceKey web_service;
  std::string web_service_id;
  std::string name;
  bool is_default = false;
  std::string description;
  std::string created_on;
  std::string primary_key;
  std::string secondary_key;
  std::string service_id;  // the runtime id its API location names
  std::int64_t version = 1;
  bool prevent_update = false;
  int max_concurrent_calls = 20;
  std::string throttle_level;
  // Its definition's Resource assets where they are read from now (overrides applied). The
  // URIs may hold SAS tokens: show them split, without their query.
  std::vector<UpdatableResource> resources;
};

// An endpoint whose models could not be loaded again at start; it answers 409 until patched or
// refreshed. The reason holds no SAS token.
struct EndpointRestoreFailure {
  ResourceKey web_service;
  std::string endpoint;
  std::string reason;
};

class ClassicWorkspace {
 public:
  using Clock = std::function<std::string()>;  // returns now as ISO 8601 UTC

  ClassicWorkspace(Catalog& catalog, storage::Store& store, Clock now = nullptr);

  // Makes every later change of an endpoint provision through `provisioner` (not owned; it must
  // outlive this object's use). Without one, changes are stored and nothing runs them. Set
  // before the workspace is shared between threads.
  void set_provisioner(EndpointProvisioner* provisioner);

  // Compiles and publishes every stored endpoint. Run once at start, after the catalog's
  // restore_serving_revisions (an endpoint shares its web service's compiled revision when it
  // can), before requests arrive. Returns the endpoints that no longer load.
  std::vector<EndpointRestoreFailure> restore_endpoints();

  // ---- web services. `workspace` is the URL's {ws}: the subscription id, or a web service's
  // machineLearningWorkspace.id (case-insensitive), as the runtime routes accept.

  // Throws WorkspaceNotFound when the workspace is neither.
  std::vector<ClassicWebService> list_web_services(const std::string& workspace);
  // Throws WebServiceNotFound.
  ClassicWebService get_web_service(const std::string& workspace, const std::string& web_service_id);
  // Deletes the ARM web service and its endpoints (Catalog::remove). Throws WebServiceNotFound.
  void remove_web_service(const std::string& workspace, const std::string& web_service_id);

  // ---- endpoints

  // The default first, then the added ones by name.
  std::vector<EndpointView> list_endpoints(const std::string& workspace, const std::string& web_service_id);
  // Throws EndpointNotFound.
  EndpointView get_endpoint(const std::string& workspace, const std::string& web_service_id, const std::string& name);

  struct PutResult {
    EndpointView endpoint;
    bool created = false;  // 201 when true, 200 otherwise
  };
  // Adds the endpoint (fresh keys, a snapshot of the web service's serving revision, version 1),
  // or changes an existing one's Description, ThrottleLevel, MaxConcurrentCalls and PreventUpdate
  // (its version goes up when one of them changes).
  PutResult put_endpoint(const std::string& workspace, const std::string& web_service_id, const std::string& name,
                         const json& body);

  // Points updatable resources at new locations, reads and compiles the result off to the side,
  // stores it and swaps it in (requests in flight finish on the old revision).
  EndpointView patch_endpoint(const std::string& workspace, const std::string& web_service_id,
                              const std::string& name, const json& body);

  // Takes the web service's current serving revision as the endpoint's snapshot (its overrides
  // kept, or dropped with OverwriteResources). nullopt when there was nothing to do (304).
  std::optional<EndpointView> refresh_endpoint(const std::string& workspace, const std::string& web_service_id,
                                               const std::string& name, const json& body);

  // Throws EndpointNotFound, or DefaultEndpointInUse for the default.
  void remove_endpoint(const std::string& workspace, const std::string& web_service_id, const std::string& name);

  // Whether `presented` is the primary or secondary key of that endpoint (for `default`, of the
  // web service), compared in constant time. False when the endpoint does not exist.
  bool accepts_endpoint_key(const std::string& workspace, const std::string& web_service_id,
                            const std::string& name, std::string_view presented);

  // The endpoint's runtime id: the first 32 hex characters of the SHA-256 of
  // "lower(subscription)/lower(resource group)/lower(name)/endpoints/lower(endpoint)".
  static std::string endpoint_service_id(const ResourceKey& web_service, const std::string& endpoint);

 private:
  // The web service the URL names; WebServiceNotFound when none (in that workspace).
  WebServiceRecord resolve(const std::string& workspace, const std::string& web_service_id);
  bool in_workspace(const WebServiceRecord& record, const std::string& workspace) const;
  // Calls visit for every web service of the subscription, page by page.
  void for_each_web_service(const std::function<void(const WebServiceRecord&)>& visit);

  EndpointView default_view(const WebServiceRecord& record);
  EndpointView added_view(const EndpointRecord& endpoint);
  EndpointServing serving_of(const EndpointRecord& endpoint) const;
  bool own_blob(const std::string& uri) const;
  // Compiles the endpoint. A location that cannot be read fails with its own classic error;
  // anything else the engine refuses becomes engine_error(its reason, SAS tokens removed).
  std::shared_ptr<const PreparedRevision> prepare(const EndpointServing& serving,
                                                  const std::vector<std::string>& read_first,
                                                  const std::function<Error(const std::string&)>& engine_error);
  // Publishes the stored endpoint; withdraws it again if its web service was deleted meanwhile
  // (then throws WebServiceNotFound).
  void publish(const EndpointServing& serving, std::shared_ptr<const PreparedRevision> prepared,
               const std::string& workspace, const std::string& web_service_id);
  // The last steps of a PATCH or a refresh: a new version of the endpoint, compiled (its
  // overridden models read first), stored and published.
  EndpointView save_new_version(EndpointRecord updated, const std::vector<std::string>& read_first,
                                const std::string& workspace, const std::string& web_service_id);

  Catalog& catalog_;
  storage::Store& store_;
  Clock now_;
  std::string subscription_id_;
  EndpointProvisioner* provisioner_ = nullptr;

  // Serialises read-modify-write sequences on endpoints (find, decide, save, publish).
  std::mutex write_mutex_;
  // Classic ids are hashes of the web service's key: this index finds the key again. Filled on
  // a miss by reading every web service; an entry whose web service is gone is simply a miss.
  std::mutex index_mutex_;
  std::map<std::string, ResourceKey> index_;
};

}  // namespace azml::host::domain
