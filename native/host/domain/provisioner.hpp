// What makes a stored web service run. The catalog validates a definition, then asks the
// provisioner to compile it and load its models off to the side; only once the change is stored
// does the prepared revision go live. The runtime (host/runtime) implements it; the domain knows
// nothing of graphs or models.
#pragma once

#include <memory>
#include <string>

#include "common/error.hpp"
#include "common/json.hpp"
#include "storage/records.hpp"

namespace azml::host::domain {

// A revision compiled and loaded, ready to serve. Opaque to the domain.
class PreparedRevision {
 public:
  virtual ~PreparedRevision() = default;
};

class Provisioner {
 public:
  virtual ~Provisioner() = default;

  // Compiles the record's definition and loads every model it needs, without changing what is
  // served. Throws azml::Error when the definition cannot run: its message names the node, the
  // module and the reason. Called with the catalog's write lock held, never on a request path.
  virtual std::shared_ptr<const PreparedRevision> prepare(const WebServiceRecord& record) = 0;

  // Tells the runtime that `current` is now stored. With `revision`, serve it from now on (one
  // atomic exchange; requests in flight finish on the revision they started with). Without
  // (its provisioning failed), keep serving what was served. Either way the service's keys and
  // settings become those of `current`. Must not throw.
  virtual void publish(const WebServiceRecord& current, std::shared_ptr<const PreparedRevision> revision) noexcept = 0;

  // The web service was deleted: stop serving it.
  virtual void withdraw(const ResourceKey& key) noexcept = 0;
};

// Builds the {code,message,details} a failed provisioning records, from the error prepare()
// threw: the details name the node and its module (or asset) when the message does.
json provisioning_error_of(const WebServiceRecord& record, const Error& error);

}  // namespace azml::host::domain
