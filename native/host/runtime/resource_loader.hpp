// Where a web service's Resource assets (trained models, datasets) come from when a revision is
// compiled: this host's own blob store, read directly, or any http(s) URL, fetched with libazml's
// client transport. Only ever called while provisioning, never on a request path.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "blobs/blob_service.hpp"
#include "blobs/blob_store.hpp"
#include "client/transport.hpp"
#include "common/time_util.hpp"
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
  // The account of blob_store: a SAS token presented with one of this host's blob URLs (a
  // classic endpoint's PATCH) is verified with its key. Unset: such a token cannot be verified,
  // and is refused.
  std::optional<blobs::StorageAccount> account;
  // The clock a SAS token's time window is checked against.
  std::function<Clock::time_point()> now = [] { return Clock::now(); };
};

// Whether `uri` is one of this host's blob URLs (read from blob_store, not over HTTP).
bool is_own_blob_url(const ResourceSources& sources, const std::string& uri);

// For one of this host's blob URLs whose query is a SAS token: checks, with the blob API's own
// verification (blobs::authorize_blob_request, as for a Get Blob over http(s) as the URL says),
// that the token allows reading that blob now. Throws the classic BlobLocationExpired (naming
// the expiry) or BlobLocationUnauthorized (a bad signature, another blob, no read permission,
// not yet valid, ...). Returns for every other URL. Messages never repeat the token.
void check_own_blob_token(const ResourceSources& sources, const std::string& uri);

// The engine's loader over these sources. It throws azml::Error naming the URI and what went
// wrong: NotFound for a blob or URL that does not exist, Unauthorized when the server answers
// 401 or 403, Transport/Timeout when the server cannot be reached, Invalid for a URI azml cannot
// fetch from (aml://, file paths, ...).
// Content is returned as is: the engine decides whether it is a usable .ilearner or dataset.
engine::ResourceLoader make_resource_loader(ResourceSources sources);

}  // namespace azml::host::runtime
