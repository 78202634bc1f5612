// A small HTTP client for the integration tests, over cpprestsdk's http_client directly (the
// tests check the host's wire behaviour, so they do not go through azml's own client library).
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace azml::test {

using json = nlohmann::ordered_json;

struct TestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(const std::string& name) const;
  bool has_header(const std::string& name) const { return header(name).has_value(); }
  // The body as JSON; throws std::runtime_error naming the body when it is not JSON.
  json json_body() const;
};

struct TestRequest {
  TestRequest() = default;
  TestRequest(std::string method_, std::string target_) : method(std::move(method_)), target(std::move(target_)) {}

  std::string method = "GET";
  std::string target;  // "/subscriptions?api-version=..." or an absolute URL on the host
  std::optional<std::string> body;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
  // nullopt: send the client's admin token; "": send no Authorization header; else send this value.
  std::optional<std::string> authorization;
  // Send the body with Transfer-Encoding: chunked (no Content-Length).
  bool chunked = false;
};

class TestClient {
 public:
  // endpoint: "http(s)://host:port". ca_file: a PEM file to trust for https (empty: the system's).
  TestClient(std::string endpoint, std::string admin_token, std::string ca_file = "");

  TestResponse send(const TestRequest& request) const;

  TestResponse get(const std::string& target) const { return send({"GET", target}); }
  TestResponse del(const std::string& target) const { return send({"DELETE", target}); }
  TestResponse put(const std::string& target, const json& body) const;
  TestResponse patch(const std::string& target, const json& body) const;
  TestResponse post(const std::string& target) const { return send({"POST", target}); }

  const std::string& endpoint() const { return endpoint_; }
  const std::string& admin_token() const { return admin_token_; }

 private:
  std::string endpoint_;
  std::string admin_token_;
  std::string ca_file_;
};

}  // namespace azml::test
