// transport/: the cpprestsdk adapter on its own, in-process, with handlers written for the test.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>

#include "common/error.hpp"
#include "support/test_client.hpp"
#include "transport/free_port.hpp"
#include "transport/http_server.hpp"

using azml::host::transport::HttpServer;
using azml::host::transport::ServerOptions;
using azml::test::TestClient;
using azml::test::TestRequest;

BOOST_AUTO_TEST_SUITE(transport_tests)

BOOST_AUTO_TEST_CASE(requests_arrive_as_sent_and_responses_leave_as_made) {
  std::mutex mutex;
  azml::http::Request seen;
  std::vector<int> observed_statuses;
  HttpServer server(
      ServerOptions{},
      [&](const azml::http::Request& request) {
        std::lock_guard<std::mutex> lock(mutex);
        seen = request;
        azml::http::Response response;
        response.status = 201;
        response.headers.set("Content-Type", "application/json; charset=utf-8");
        response.headers.set("X-Custom", "custom value");
        response.body = R"({"echo":true})";
        return response;
      },
      [&](const azml::http::Request&, const azml::http::Response& response, auto) {
        std::lock_guard<std::mutex> lock(mutex);
        observed_statuses.push_back(response.status);
      });
  server.start();
  BOOST_TEST(server.port() != 0);
  BOOST_TEST(server.local_endpoint() == "http://127.0.0.1:" + std::to_string(server.port()));

  TestClient client(server.local_endpoint(), "token");
  TestRequest request("PATCH", "/a%20b/c?x=1&$skiptoken=abc%3D");
  request.body = std::string("{\"k\":\"v\",\"bytes\":\"\xc3\xa9\"}");
  request.headers["X-Sent"] = "sent value";
  auto response = client.send(request);

  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.body == R"({"echo":true})");
  BOOST_TEST(response.header("content-type").value_or("") == "application/json; charset=utf-8");
  BOOST_TEST(response.header("x-custom").value_or("") == "custom value");
  std::lock_guard<std::mutex> lock(mutex);
  BOOST_TEST(seen.method == "PATCH");
  BOOST_TEST(seen.url == "/a%20b/c?x=1&$skiptoken=abc%3D");
  BOOST_TEST(seen.body == *request.body);
  BOOST_TEST(seen.headers.get("x-sent").value_or("") == "sent value");
  BOOST_TEST(seen.headers.get("authorization").value_or("") == "Bearer token");
  BOOST_TEST(seen.remote_address == "127.0.0.1");
  BOOST_TEST((observed_statuses == std::vector<int>{201}));
}

BOOST_AUTO_TEST_CASE(an_exception_escaping_the_handler_is_a_500_that_hides_its_text) {
  HttpServer server(ServerOptions{}, [](const azml::http::Request&) -> azml::http::Response {
    throw std::runtime_error("do not show this");
  });
  server.start();
  TestClient client(server.local_endpoint(), "token");
  auto response = client.get("/anything");
  BOOST_TEST(response.status == 500);
  BOOST_TEST(response.json_body()["error"]["code"] == "InternalServerError");
  BOOST_TEST(response.body.find("do not show this") == std::string::npos);
  BOOST_TEST(response.has_header("x-ms-request-id"));
}

BOOST_AUTO_TEST_CASE(empty_bodies_go_out_without_content) {
  HttpServer server(ServerOptions{}, [](const azml::http::Request&) {
    azml::http::Response response;
    response.status = 204;
    return response;
  });
  server.start();
  auto response = TestClient(server.local_endpoint(), "token").get("/");
  BOOST_TEST(response.status == 204);
  BOOST_TEST(response.body.empty());
}

BOOST_AUTO_TEST_CASE(the_body_limit_is_enforced_before_the_handler) {
  std::atomic<int> calls{0};
  ServerOptions options;
  options.max_body_bytes = 10;
  HttpServer server(options, [&](const azml::http::Request&) {
    ++calls;
    azml::http::Response response;
    response.status = 200;
    return response;
  });
  server.start();
  TestClient client(server.local_endpoint(), "token");
  TestRequest small("POST", "/");
  small.body = "0123456789";
  BOOST_TEST(client.send(small).status == 200);
  TestRequest large("POST", "/");
  large.body = "0123456789A";
  BOOST_TEST(client.send(large).status == 413);
  large.chunked = true;
  BOOST_TEST(client.send(large).status == 413);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(start_and_stop_are_idempotent_and_a_busy_port_is_a_transport_error) {
  ServerOptions options;
  options.port = azml::host::transport::find_free_port("127.0.0.1");
  auto handler = [](const azml::http::Request&) { return azml::http::Response{200, {}, {}}; };
  HttpServer first(options, handler);
  first.start();
  first.start();
  BOOST_TEST(first.port() == options.port);

  HttpServer second(options, handler);
  try {
    second.start();
    BOOST_FAIL("two servers listened on one port");
  } catch (const azml::Error& e) {
    BOOST_TEST((e.code() == azml::ErrorCode::Transport));
    BOOST_TEST(std::string(e.what()).find(std::to_string(options.port)) != std::string::npos);
  }
  first.stop();
  first.stop();
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused) {
  auto handler = [](const azml::http::Request&) { return azml::http::Response{}; };
  ServerOptions half_tls;
  half_tls.tls_certificate_file = "cert.pem";
  BOOST_CHECK_THROW(HttpServer(half_tls, handler), azml::Error);
  ServerOptions zero_limit;
  zero_limit.max_body_bytes = 0;
  BOOST_CHECK_THROW(HttpServer(zero_limit, handler), azml::Error);
  BOOST_CHECK_THROW(HttpServer(ServerOptions{}, nullptr), azml::Error);
  BOOST_CHECK_THROW(azml::host::transport::find_free_port("no-such-host.invalid"), azml::Error);
}

BOOST_AUTO_TEST_SUITE_END()
