#include "transport/beast_messages.hpp"

#include <charconv>

#include "common/strings.hpp"

namespace azml::host::transport {

namespace bhttp = boost::beast::http;

namespace {

bool has_no_body(int status) { return (status >= 100 && status < 200) || status == 204 || status == 304; }

bool asks_to_close(const std::string& connection) {
  for (const auto& token : split(connection, ',')) {
    if (iequals(trim(token), "close")) return true;
  }
  return false;
}

}  // namespace

http::Request to_request(IncomingRequest& incoming, const std::string& remote_address) {
  http::Request request;
  request.method = std::string(incoming.method_string());
  request.url = std::string(incoming.target());
  for (const auto& field : incoming) request.headers.add(std::string(field.name_string()), std::string(field.value()));
  request.body = std::move(incoming.body().bytes);
  request.remote_address = remote_address;
  return request;
}

OutgoingResponse to_outgoing(http::Response response, const ResponseFraming& framing) {
  OutgoingResponse outgoing;
  outgoing.version(framing.version);
  outgoing.result(static_cast<unsigned>(response.status));
  if (const char* phrase = http::reason_phrase(response.status); *phrase != '\0') outgoing.reason(phrase);

  bool keep_alive = framing.keep_alive;
  bool has_content_type = false;
  const std::string* declared_length = nullptr;
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "Content-Length")) {
      declared_length = &value;
      continue;
    }
    if (iequals(name, "Connection")) {
      if (asks_to_close(value)) keep_alive = false;
      continue;
    }
    if (iequals(name, "Transfer-Encoding")) continue;  // the body is always sent whole
    if (iequals(name, "Content-Type")) has_content_type = true;
    outgoing.insert(name, value);
  }

  if (has_no_body(response.status)) {
    // Neither a body nor a length (RFC 9110 §8.6).
  } else if (framing.head && response.body.empty()) {
    std::uint64_t length = 0;
    if (declared_length) {
      const char* first = declared_length->data();
      const char* last = first + declared_length->size();
      if (std::from_chars(first, last, length).ptr != last) length = 0;
    }
    outgoing.content_length(length);
  } else {
    if (!response.body.empty() && !has_content_type) {
      outgoing.set(bhttp::field::content_type, "application/octet-stream");
    }
    outgoing.content_length(response.body.size());
    if (!framing.head) outgoing.body() = std::move(response.body);
  }
  outgoing.keep_alive(keep_alive);
  return outgoing;
}

}  // namespace azml::host::transport
