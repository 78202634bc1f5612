// The seam between the socket layer and the rest of azml-host: a request in, a response out.
// Everything above the transport (router, auth, handlers) is a RequestHandler, so it can be
// called directly with http::Request values in tests, without a socket.
#pragma once

#include <chrono>
#include <functional>

#include "common/http.hpp"

namespace azml::host::transport {

using RequestHandler = std::function<http::Response(const http::Request&)>;

// Told about every exchange once its response is decided, including the responses the
// transport makes itself (413, 500). elapsed runs from the first byte of the request being
// handed over to the response being ready. Used for request logs.
using ExchangeObserver =
    std::function<void(const http::Request&, const http::Response&, std::chrono::duration<double, std::milli> elapsed)>;

}  // namespace azml::host::transport
