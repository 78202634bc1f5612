#include "handlers/responses.hpp"

namespace azml::host::handlers {

http::Response json_response(int status, const json& body) {
  http::Response response;
  response.status = status;
  response.headers.set("Content-Type", kJsonContentType);
  // Definitions carry user text; never fail a response over a stray invalid UTF-8 byte.
  response.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return response;
}

http::Response empty_response(int status) {
  http::Response response;
  response.status = status;
  return response;
}

}  // namespace azml::host::handlers
