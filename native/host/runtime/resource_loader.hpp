// Where a web service's Resource assets (trained models, datasets) come from when a revision is
// compiled: this host's own blob store, read directly, or any http(s) URL, fetched with libazml's
// client transport. Only ever called while provisioning, never on a request path.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "blobs/blob_store.hpp"
#include "client/transport.hpp"
#include "engine/graph.hpp"

namespace azml::host::runtime {

struct ResourceSources {
  // The host's blob store (not owned; null: this host has none, so its blob URLs cannot load).
  blobs::BlobStore* blob_store = nullptr;
  // host:port spellings under which clients reach this host ("127.0.0.1:8080"): a blob URL with
  // one of them is read from blob_store without a round trip through HTTP.
  std::vector<std::string> own_authorities;
  // Fetches every other http(s) URL (null: they cannot load).
  std::shared_ptr<client::Transport> transport;
  // How long one fetch may take, body included.
  std::chrono::milliseconds fetch_timeout{std::chrono::seconds(120)};
};

// The engine's loader over these sources. It throws azml::Error naming the URI and what went
// wrong: NotFound for a blob or URL that does not exist, Transport/Timeout when the server
// cannot be reached, Invalid for a URI azml cannot fetch from (aml://, file paths, ...).
// Content is returned as is: the engine decides whether it is a usable .ilearner or dataset.
engine::ResourceLoader make_resource_loader(ResourceSources sources);

}  // namespace azml::host::runtime
