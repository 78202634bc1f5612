// What an azml_client handle is: the C++ management client behind the opaque C type.
#pragma once

#include <memory>

#include "azml/azml.h"
#include "client/classic_client.hpp"
#include "client/management_client.hpp"

struct azml_client {
  // Thread-safe itself, so the handle may be shared between threads (see azml.h).
  std::unique_ptr<azml::client::ManagementClient> management;
  // The classic web service and endpoint calls (capi/classic.cpp), through management's pipeline.
  std::unique_ptr<azml::client::ClassicClient> classic;
  // The options it was made with: the storage calls (capi/blobs.cpp) reach the same endpoint with
  // the same token, retries and trust anchors.
  azml::client::ManagementClientOptions options;
};

namespace azml::capi {

// ManagementClientOptions from the C options (NULL: defaults); AZML_EINVALID for an unknown
// version or a missing endpoint.
client::ManagementClientOptions to_client_options(const azml_client_options* opts);

}  // namespace azml::capi
