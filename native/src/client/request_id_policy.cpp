#include "client/request_id_policy.hpp"

#include "common/crypto.hpp"

namespace azml::client {

http::Response RequestIdPolicy::send(http::Request& request, const NextPolicy& next) {
  // A caller that already chose an id (to correlate with its own logs) keeps it.
  if (!request.headers.has(kHeader)) request.headers.set(kHeader, new_request_id());
  return next.send(request);
}

}  // namespace azml::client
