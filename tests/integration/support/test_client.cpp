#include "support/test_client.hpp"

#include <stdexcept>

#include <cpprest/http_client.h>
#include <cpprest/producerconsumerstream.h>

namespace azml::test {

namespace {
std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}
}  // namespace

std::optional<std::string> TestResponse::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

json TestResponse::json_body() const {
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    throw std::runtime_error("response body is not JSON (HTTP " + std::to_string(status) + "): " + body.substr(0, 500));
  }
  return parsed;
}

TestClient::TestClient(std::string endpoint, std::string admin_token, std::string ca_file)
    : endpoint_(std::move(endpoint)), admin_token_(std::move(admin_token)), ca_file_(std::move(ca_file)) {}

TestResponse TestClient::put(const std::string& target, const json& body) const {
  TestRequest request{"PUT", target};
  request.body = body.dump();
  return send(request);
}

TestResponse TestClient::patch(const std::string& target, const json& body) const {
  TestRequest request{"PATCH", target};
  request.body = body.dump();
  return send(request);
}

TestResponse TestClient::send(const TestRequest& request) const {
  std::string url = request.target.rfind("http", 0) == 0 ? request.target : endpoint_ + request.target;
  web::http::client::http_client_config config;
  if (!ca_file_.empty()) {
    const std::string ca = ca_file_;
    config.set_ssl_context_callback([ca](boost::asio::ssl::context& context) { context.load_verify_file(ca); });
  }
  web::http::client::http_client client(web::uri(url), config);

  web::http::http_request outgoing(request.method);
  for (const auto& [name, value] : request.headers) outgoing.headers().add(name, value);
  if (!request.authorization) {
    outgoing.headers().add("Authorization", "Bearer " + admin_token_);
  } else if (!request.authorization->empty()) {
    outgoing.headers().add("Authorization", *request.authorization);
  }
  if (request.body) {
    if (request.chunked) {
      // A stream of unknown length makes cpprestsdk send Transfer-Encoding: chunked.
      concurrency::streams::producer_consumer_buffer<uint8_t> buffer;
      buffer.putn_nocopy(reinterpret_cast<const uint8_t*>(request.body->data()), request.body->size()).wait();
      buffer.close(std::ios_base::out).wait();
      outgoing.set_body(concurrency::streams::istream(buffer), request.content_type);
    } else {
      // Bytes, not std::string (see the host's transport for why).
      outgoing.headers().set_content_type(request.content_type);
      outgoing.set_body(std::vector<unsigned char>(request.body->begin(), request.body->end()));
    }
  }

  web::http::http_response incoming = client.request(outgoing).get();
  TestResponse response;
  response.status = incoming.status_code();
  for (const auto& [name, value] : incoming.headers()) response.headers[lower(name)] = value;
  auto bytes = incoming.extract_vector().get();
  response.body.assign(bytes.begin(), bytes.end());
  return response;
}

}  // namespace azml::test
