// Translation between Beast's messages and azml's plain http::Request/http::Response values, so
// that nothing above the transport sees a Beast type.
#pragma once

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "common/http.hpp"
#include "transport/limited_body.hpp"

namespace azml::host::transport {

using IncomingRequest = boost::beast::http::request<LimitedBody>;
using OutgoingResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The request as handlers see it: method, target as received ("/a/b?x=1"), headers in order
// with their names as sent, and the body, which is moved out of `incoming`.
http::Request to_request(IncomingRequest& incoming, const std::string& remote_address);

struct ResponseFraming {
  unsigned version = 11;    // the request's: 10 or 11
  bool keep_alive = true;   // what the request and the host allow; a handler's "Connection: close" overrides
  bool head = false;        // answering HEAD: a Content-Length the handler set describes the GET body
};

// The response as it goes on the wire. Content-Length is the body's size (a HEAD response keeps
// the handler's); 1xx, 204 and 304 carry neither body nor Content-Length; a body without a
// Content-Type is application/octet-stream.
OutgoingResponse to_outgoing(http::Response response, const ResponseFraming& framing);

}  // namespace azml::host::transport
