// The catalog of web services: the rules of the ARM webServices resource, independent of HTTP.
// Handlers call it with parsed requests and render what it returns.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "definition/definition.hpp"
#include "domain/provisioner.hpp"
#include "storage/store.hpp"

namespace azml::host::domain {

struct PutResult {
  WebServiceRecord record;
  bool created = false;       // 201 when true, 200 otherwise
  AsyncOperation operation;
};

struct PatchResult {
  WebServiceRecord record;
  AsyncOperation operation;
};

// A stored web service whose serving revision could not be loaded again at start.
struct RestoreFailure {
  ResourceKey key;
  std::int64_t revision = 0;
  std::string reason;
};

struct ListPage {
  std::vector<WebServiceRecord> items;
  std::optional<std::string> skiptoken;  // set when there is a next page
};

// Every operation that takes a subscription or a ResourceKey checks them first: an unknown
// subscription is Error(NotFound, "SubscriptionNotFound"), a bad resource group or web service
// name Error(Invalid, "InvalidResourceName") (rules in name_rules.hpp). Nothing is written when
// any check fails. Records returned hold the secrets (keys, storageAccount.key, commitmentPlan):
// rendering them for GET is the handlers' job. Safe to call from several threads.
class Catalog {
 public:
  using Clock = std::function<std::string()>;  // returns now as ISO 8601 UTC

  // Creates the default subscription in the store when it has none yet.
  explicit Catalog(storage::Store& store, Clock now = nullptr);

  // The subscriptions this host serves (one, created at first start).
  std::vector<std::string> subscriptions();
  // Throws Error(NotFound, "SubscriptionNotFound") for a subscription the host does not serve.
  void require_subscription(const std::string& subscription_id);

  // Makes every later PUT and PATCH provision through `provisioner` (not owned; it must outlive
  // the catalog's use) and every DELETE withdraw from it. Without one, a change is recorded as
  // provisioned at once and nothing runs it. Set before the catalog is shared between threads.
  void set_provisioner(Provisioner* provisioner);

  // Hands every stored web service to the provisioner: its serving revision prepared and
  // published (or, when it has none, its record alone, so the runtime knows it exists and why it
  // cannot serve). Run once at start, before requests arrive. Returns the services whose
  // serving revision no longer loads (a model deleted meanwhile); they serve nothing.
  std::vector<RestoreFailure> restore_serving_revisions();

  // PUT: validates the whole body (definition::Purpose::Create); read-only fields in the body
  // are ignored; keys are generated when not given; readOnly services refuse (Conflict).
  // A structurally invalid body is refused (Invalid) and nothing is stored. A valid one is
  // stored whatever happens next; the provisioner then compiles it and loads its models: the
  // record and its operation say Succeeded, or Failed with provisioning_error_of() (and the
  // previous serving revision, if any, keeps serving). The call returns when that is settled.
  PutResult create_or_update(const ResourceKey& key, const json& body);

  // PATCH: merges (definition::merge_patch), validates the result, refuses readOnly services
  // (Conflict; readOnly can never go back to false), NotFound when missing. Provisions as PUT does.
  PatchResult patch(const ResourceKey& key, const json& body);

  // DELETE: always records an operation (202 even when nothing existed). Returns the
  // operation and whether something was deleted.
  std::pair<AsyncOperation, bool> remove(const ResourceKey& key);

  // Throws Error(NotFound) with detail WebServiceNotFound when missing.
  WebServiceRecord get(const ResourceKey& key);

  // {"primary","secondary"}.
  json list_keys(const ResourceKey& key);

  ListPage list(const std::string& subscription_id, const std::optional<std::string>& resource_group,
                const std::optional<std::string>& skiptoken, size_t page_size);

  // Throws Error(NotFound) when unknown.
  AsyncOperation get_operation(const std::string& subscription_id, const std::string& operation_id);

  // "South Central US" -> "southcentralus".
  static std::string location_slug(const std::string& location);
  // "/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearning/webServices/{n}"
  static std::string resource_id(const ResourceKey& key);
  // The id the runtime APIs (RRS, BES, swagger) name a web service by:
  // .../services/{service id}/execute. 32 lowercase hex characters, the start of the SHA-256 of
  // "lower(subscription)/lower(resource group)/lower(name)": stable, and needs no storage.
  static std::string service_id(const ResourceKey& key);

  // The settings key under which the default subscription id is kept.
  static constexpr const char* kDefaultSubscriptionSetting = "default_subscription_id";

 private:
  storage::Store& store_;
  Clock now_;
  // Compiles and loads the record's revision; sets its provisioning state (and error) and the
  // operation's status (and error) to match. Returns the prepared revision, null when it failed.
  std::shared_ptr<const PreparedRevision> provision(WebServiceRecord& record, AsyncOperation& operation);
  // Stores the record and operation, with the serving revision when it provisioned, then tells
  // the provisioner.
  void save_and_publish(const WebServiceRecord& record, const AsyncOperation& operation,
                        std::shared_ptr<const PreparedRevision> prepared);

  std::string default_subscription_id_;  // created once, at the first start, then read back
  Provisioner* provisioner_ = nullptr;
  // Serialises read-modify-write sequences (find, decide, save) so that two concurrent PUTs of
  // one service cannot both see "new" or compute the same revision.
  std::mutex write_mutex_;
};

}  // namespace azml::host::domain
