// The web services this host runs, by service id: for each, the revision it serves, its keys and
// its concurrency limit. The catalog provisions through it (it is the domain's Provisioner); the
// runtime routes (RRS, swagger) and the batch jobs find services through it.
//
// A classic endpoint added to a web service has a slot of its own, under its own service id
// (ClassicWorkspace::endpoint_service_id), with its own keys, limit and revision: the runtime
// routes serve it like any web service (it is the domain's EndpointProvisioner). The default
// endpoint is the web service's own slot.
//
// A service's state is one immutable value behind one pointer. Publishing a revision builds a
// new value and swaps the pointer atomically; a request loads the pointer once and keeps what
// it loaded, so it finishes on the revision it started with while the old revision lives on
// until its last request lets go of it.
#pragma once

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "common/http.hpp"
#include "domain/endpoint_provisioner.hpp"
#include "domain/provisioner.hpp"
#include "domain/web_service_settings.hpp"
#include "engine/graph.hpp"
#include "runtime/resource_loader.hpp"
#include "runtime/revision.hpp"

namespace azml::host::runtime {

using domain::kDefaultMaxConcurrentCalls;

struct ServingState {
  ResourceKey key;              // the web service's (an endpoint's too)
  std::string service_id;       // domain::Catalog::service_id(key); an endpoint's own id
  std::string endpoint_name;    // empty for the web service itself (its default endpoint)
  std::string workspace_id;     // machineLearningWorkspace.id; empty when the definition has none
  std::string primary_key;
  std::string secondary_key;
  int max_concurrent_calls = kDefaultMaxConcurrentCalls;
  std::shared_ptr<const Revision> revision;  // null: nothing to serve
  std::string unavailable_reason;            // why revision is null
};

// "Web service 'x'", or "Endpoint 'e' of web service 'x'": how messages name what was called.
std::string describe(const ServingState& state);

class ServiceSlot {
 public:
  std::shared_ptr<const ServingState> state() const { return std::atomic_load(&state_); }
  void publish(std::shared_ptr<const ServingState> state) { std::atomic_store(&state_, std::move(state)); }

  // Calls running now, counted against max_concurrent_calls.
  std::atomic<int> calls_in_flight{0};

 private:
  std::shared_ptr<const ServingState> state_;
};

// Holds one of a service's concurrent calls for as long as it lives.
class ConcurrentCall {
 public:
  // Throws azml::Error(Throttled) naming the service and its limit when that many calls run.
  ConcurrentCall(ServiceSlot& slot, const ServingState& state);
  ~ConcurrentCall() { slot_.calls_in_flight.fetch_sub(1, std::memory_order_acq_rel); }
  ConcurrentCall(const ConcurrentCall&) = delete;
  ConcurrentCall& operator=(const ConcurrentCall&) = delete;

 private:
  ServiceSlot& slot_;
};

// A service found for a runtime request: its slot and the state loaded once for this request.
struct ResolvedService {
  std::shared_ptr<ServiceSlot> slot;
  std::shared_ptr<const ServingState> state;
};

class WebServiceRuntime final : public domain::Provisioner, public domain::EndpointProvisioner {
 public:
  // Loads resources with `loader`; no URL is this host's blob, and no SAS token can be verified.
  explicit WebServiceRuntime(engine::ResourceLoader loader);
  // Loads resources from `sources` (make_resource_loader), and checks the SAS tokens a classic
  // endpoint's PATCH presents for this host's blobs against its storage account.
  explicit WebServiceRuntime(ResourceSources sources);

  // domain::Provisioner
  std::shared_ptr<const domain::PreparedRevision> prepare(const WebServiceRecord& record) override;
  void publish(const WebServiceRecord& current, std::shared_ptr<const domain::PreparedRevision> revision) noexcept override;
  // Withdraws the web service's endpoints too.
  void withdraw(const ResourceKey& key) noexcept override;

  // domain::EndpointProvisioner
  bool is_own_blob(const std::string& uri) const override;
  void check_location(const std::string& uri) const override;
  // An endpoint without overrides whose revision is the one its web service serves shares the
  // web service's compiled revision: nothing loads twice.
  std::shared_ptr<const domain::PreparedRevision> prepare_endpoint(const domain::EndpointServing& endpoint,
                                                                   const std::vector<std::string>& read_first) override;
  void publish_endpoint(const domain::EndpointServing& endpoint,
                        std::shared_ptr<const domain::PreparedRevision> revision) noexcept override;
  void withdraw_endpoint(const std::string& service_id) noexcept override;

  // The service a runtime URL names: /workspaces/{workspace}/services/{service id} or
  // /subscriptions/{workspace}/services/{service id}, where {workspace} is the service's
  // machineLearningWorkspace.id or its subscription id (case-insensitive). Throws
  // Error(NotFound, "WebServiceNotFound") when there is none.
  ResolvedService find(const std::string& workspace, const std::string& service_id) const;

  // Checks "Authorization: Bearer <primary or secondary key>" in constant time. Throws
  // Error(Unauthorized) otherwise; the message never repeats what was sent.
  static void authenticate(const ServingState& state, const http::Headers& headers);

  // Throws Error(Conflict, "WebServiceNotReady") with the reason when the service has no revision
  // to serve (its provisioning failed and no earlier revision succeeded).
  static const Revision& serving_revision(const ServingState& state);

 private:
  // The slot under service_id, created when there is none.
  std::shared_ptr<ServiceSlot> slot_for(const std::string& service_id);
  // The bytes at a location a classic endpoint's change brings in, or the classic error that
  // says why they cannot be read.
  std::string read_location(const std::string& uri) const;

  std::shared_ptr<const ResourceSources> sources_;  // null when built from a bare loader
  engine::ResourceLoader loader_;
  mutable std::shared_mutex mutex_;  // guards the map; a slot's state has its own atomic pointer
  std::unordered_map<std::string, std::shared_ptr<ServiceSlot>> slots_;
};

}  // namespace azml::host::runtime
