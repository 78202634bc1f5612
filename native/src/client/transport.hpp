// The one seam between azml and an HTTP implementation. cpprestsdk (archived upstream in May
// 2026) sits behind it today; another implementation replaces it without touching the rest.
#pragma once

#include "common/http.hpp"

namespace azml::client {

class Transport {
 public:
  virtual ~Transport();
  // Sends one request (absolute URL, request.timeout honoured) and returns the response,
  // whatever its status. Throws azml::Error(Transport) when no response could be had and
  // azml::Error(Timeout) when it did not come in time.
  virtual http::Response send(const http::Request& request) = 0;
};

}  // namespace azml::client
