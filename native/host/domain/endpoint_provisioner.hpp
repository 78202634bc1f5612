// What makes a classic endpoint run, the counterpart of Provisioner for the endpoints added to a
// web service. The classic workspace validates a change, asks the provisioner to compile the
// endpoint's effective definition (its snapshot of the web service with its resource overrides
// applied) off to the side, stores the change, and only then publishes the prepared revision to
// the endpoint's own slot. The runtime (host/runtime) implements it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "domain/provisioner.hpp"
#include "storage/records.hpp"

namespace azml::host::domain {

// What an endpoint's slot serves and with which settings.
struct EndpointServing {
  ResourceKey web_service;
  std::string endpoint_name;
  std::string service_id;  // the endpoint's own runtime id (ClassicWorkspace::endpoint_service_id)
  // The effective definition: key = the web service's, properties = the snapshot with the
  // overrides applied, revision = the snapshot's revision number.
  WebServiceRecord definition;
  // Whether any resource is overridden. When none is, the definition is exactly the web
  // service's revision `definition.revision`, and a compiled one may be shared.
  bool overridden = false;
  std::string primary_key;
  std::string secondary_key;
  int max_concurrent_calls = 20;
  // Why the endpoint has nothing to serve, when it is published without a revision.
  std::string unavailable_reason;
};

class EndpointProvisioner {
 public:
  virtual ~EndpointProvisioner() = default;

  // Whether `uri` names a blob of this host's own store (it is read there directly, so a SAS
  // token is not needed to read it again).
  virtual bool is_own_blob(const std::string& uri) const = 0;

  // Checks what a caller presents to have the host read `uri` on their behalf, before anything
  // is read: for one of this host's blob URLs carrying a SAS token, the token must allow reading
  // that blob now, verified as the blob API verifies it. Throws the classic errors
  // BlobLocationExpired or BlobLocationUnauthorized. Other URLs are checked by reading them.
  virtual void check_location(const std::string& uri) const = 0;

  // Compiles the endpoint's definition and loads its models without changing what is served.
  // The locations in `read_first` (those a PATCH or a refresh brings in) are read before the
  // graph is compiled, so that a location that cannot be read fails with the classic
  // BlobLocationNotFound / BlobLocationUnauthorized / BlobLocationUnreachable / InvalidBlobLocation
  // errors. Anything else that keeps the definition from running throws the engine's
  // azml::Error, naming the node and the reason (its text may hold the URIs of the definition).
  virtual std::shared_ptr<const PreparedRevision> prepare_endpoint(const EndpointServing& endpoint,
                                                                   const std::vector<std::string>& read_first) = 0;

  // The endpoint is stored as `endpoint`: serve `revision` from now on (one atomic exchange), or,
  // without one, keep serving what its slot served (nothing, with endpoint.unavailable_reason,
  // when it is new). Either way its keys and settings become those of `endpoint`. Must not throw.
  virtual void publish_endpoint(const EndpointServing& endpoint,
                                std::shared_ptr<const PreparedRevision> revision) noexcept = 0;

  // The endpoint was deleted: stop serving it (calls in flight finish).
  virtual void withdraw_endpoint(const std::string& service_id) noexcept = 0;
};

}  // namespace azml::host::domain
