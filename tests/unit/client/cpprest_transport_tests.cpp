// The real transport over loopback: what goes on the wire, what comes back, and how failures
// to connect or to answer are reported.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "error_printing.hpp"
#include "client/cpprest_transport.hpp"
#include "common/error.hpp"
#include "loopback_http_server.hpp"

using namespace azml;
using namespace std::chrono;
using azml::test::LoopbackHttpServer;

namespace {

const std::string kCannedResponse =
    "HTTP/1.1 201 Created\r\n"
    "Content-Type: application/json; charset=utf-8\r\n"
    "x-ms-request-id: rid-loopback\r\n"
    "Content-Length: 17\r\n"
    "Connection: close\r\n"
    "\r\n"
    "{\"created\":true}\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(cpprest_transport_tests)

BOOST_AUTO_TEST_CASE(sends_method_target_headers_and_body_and_reads_the_answer) {
  LoopbackHttpServer server(kCannedResponse);
  client::CpprestTransport transport;
  http::Request request;
  request.method = "PUT";
  request.url = server.base_url() + "/subscriptions/s%201/x?api-version=2017-01-01&$skiptoken=a%3D";
  request.headers.set("Content-Type", "application/json; charset=utf-8");
  request.headers.set("x-test", "yes");
  request.body = R"({"title":"é"})";
  request.timeout = seconds(30);

  http::Response response = transport.send(request);
  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.headers.get("x-ms-request-id").value() == "rid-loopback");
  BOOST_TEST(response.body == "{\"created\":true}\n");

  auto received = server.received();
  BOOST_REQUIRE_EQUAL(received.size(), 1u);
  const std::string& raw = received[0];
  BOOST_TEST_MESSAGE("received:\n" << raw);
  BOOST_TEST(raw.rfind("PUT /subscriptions/s%201/x?api-version=2017-01-01&$skiptoken=a%3D HTTP/1.1\r\n", 0) == 0);
  // Whitespace after the colon is optional in HTTP, and cpprestsdk writes none.
  BOOST_TEST(std::regex_search(raw, std::regex("\r\nx-test: ?yes\r\n")));
  BOOST_TEST(std::regex_search(raw, std::regex("\r\nContent-Type: ?application/json; charset=utf-8\r\n")));
  BOOST_TEST(raw.substr(raw.find("\r\n\r\n") + 4) == request.body);
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_a_transport_error_with_the_reason) {
  client::CpprestTransport transport;
  http::Request request;
  request.method = "GET";
  request.url = "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unused_port()) + "/";
  request.timeout = seconds(30);
  BOOST_CHECK_EXCEPTION(transport.send(request), Error, [](const Error& e) {
    BOOST_TEST_MESSAGE("refused: " << e.what());
    return e.code() == ErrorCode::Transport && std::string(e.what()).find("127.0.0.1") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_server_that_never_answers_is_a_timeout) {
  LoopbackHttpServer server("", LoopbackHttpServer::Mode::Silent);
  client::CpprestTransport transport;
  http::Request request;
  request.method = "GET";
  request.url = server.base_url() + "/slow";
  request.timeout = milliseconds(300);
  BOOST_CHECK_EXCEPTION(transport.send(request), Error, [](const Error& e) { return e.code() == ErrorCode::Timeout; });
}

BOOST_AUTO_TEST_CASE(one_transport_serves_several_requests_and_hosts) {
  LoopbackHttpServer first(kCannedResponse);
  LoopbackHttpServer second(kCannedResponse);
  client::CpprestTransport transport;
  for (const auto* server : {&first, &second, &first}) {
    http::Request request;
    request.method = "GET";
    request.url = server->base_url() + "/ping";
    BOOST_TEST(transport.send(request).status == 201);
  }
  BOOST_TEST(first.received().size() == 2u);
  BOOST_TEST(second.received().size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_unreadable_ca_file_is_refused_at_construction) {
  BOOST_CHECK_EXCEPTION(client::CpprestTransport({"no/such/ca-bundle.pem"}), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid && e.target() == "ca_file"; });
}

BOOST_AUTO_TEST_CASE(a_url_that_is_not_http_is_refused) {
  client::CpprestTransport transport;
  http::Request request;
  request.method = "GET";
  request.url = "ftp://127.0.0.1/file";
  BOOST_CHECK_EXCEPTION(transport.send(request), Error, [](const Error& e) { return e.code() == ErrorCode::Invalid; });
}

BOOST_AUTO_TEST_SUITE_END()
