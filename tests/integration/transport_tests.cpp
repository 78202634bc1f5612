// transport/: the HTTP server on its own, in-process, with handlers written for the test; wire
// details (100 Continue, HTTP/1.0, keep-alive, HEAD, stopping) over a raw socket.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "support/raw_connection.hpp"
#include "support/test_client.hpp"
#include "transport/free_port.hpp"
#include "transport/http_server.hpp"

using azml::host::transport::HttpServer;
using azml::host::transport::ServerOptions;
using azml::test::RawConnection;
using azml::test::TestClient;
using azml::test::TestRequest;

namespace {

// Answers 200 with "<method> <target> <body>" as its body.
azml::http::Response echo(const azml::http::Request& request) {
  azml::http::Response response;
  response.status = 200;
  response.headers.set("Content-Type", "text/plain");
  response.body = request.method + " " + request.url + " " + request.body;
  return response;
}

// A request of exactly `total` bytes whose body is `body_size` bytes of `fill`: headers padded
// with X-Pad to make up the rest.
std::string request_of_size(const std::string& target, std::size_t total, std::size_t body_size, char fill) {
  const std::string head = "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body_size) +
                           "\r\nX-Pad: ";
  const std::string end = "\r\n\r\n";
  const std::size_t pad = total - head.size() - end.size() - body_size;
  return head + std::string(pad, 'p') + end + std::string(body_size, fill);
}

}  // namespace

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

BOOST_AUTO_TEST_CASE(one_connection_serves_requests_one_after_another_and_pipelined) {
  HttpServer server(ServerOptions{}, echo);
  server.start();
  RawConnection connection(server.port());
  connection.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = connection.read_response();
  BOOST_TEST(first.status_line == "HTTP/1.1 200 OK");
  BOOST_TEST(first.body == "GET /first ");
  BOOST_TEST(!first.has_header("connection"));
  // Two requests in one write: both answered, in order.
  connection.send("POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                  "GET /third HTTP/1.1\r\nHost: x\r\n\r\n");
  BOOST_TEST(connection.read_response().body == "POST /second abc");
  BOOST_TEST(connection.read_response().body == "GET /third ");
  // "Connection: close" is honoured after the response.
  connection.send("GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto last = connection.read_response();
  BOOST_TEST(last.body == "GET /last ");
  BOOST_TEST(last.headers["connection"] == "close");
  BOOST_TEST(connection.closed_by_server());
}

// A connection's read buffer starts at 16 KiB (kReadBufferBytes in http_session.hpp): requests
// just under, at and over it, and much larger ones, arrive whole, one at a time and pipelined.
BOOST_AUTO_TEST_CASE(requests_around_and_beyond_the_read_buffer_size_arrive_whole) {
  constexpr std::size_t kBuffer = 16 * 1024;
  HttpServer server(ServerOptions{}, [](const azml::http::Request& request) {
    azml::http::Response response;
    response.status = 200;
    response.body = request.url + " " + std::to_string(request.headers.get("x-pad").value_or("").size()) + " " +
                    request.body;
    return response;
  });
  server.start();
  struct Case {
    std::size_t total, body;
    char fill;
  };
  const std::vector<Case> cases = {{1300, 900, 'a'},           {kBuffer - 1, 1000, 'b'},     {kBuffer, 1000, 'c'},
                                   {kBuffer + 1, 1000, 'd'},   {kBuffer + 1, 10, 'e'},       {kBuffer * 3, kBuffer * 2, 'f'},
                                   {60 * 1024, 100, 'g'},      {40 * 1024 + 300 * 1024, 300 * 1024, 'h'}};
  std::string all;
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string target = "/" + std::to_string(i);
    const std::string request = request_of_size(target, cases[i].total, cases[i].body, cases[i].fill);
    BOOST_TEST_REQUIRE(request.size() == cases[i].total);
    const std::size_t pad = request.find("\r\n\r\n") - (request.find("X-Pad: ") + 7);
    expected.push_back(target + " " + std::to_string(pad) + " " + std::string(cases[i].body, cases[i].fill));
    all += request;
  }
  RawConnection connection(server.port());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    connection.send(request_of_size("/" + std::to_string(i), cases[i].total, cases[i].body, cases[i].fill));
    BOOST_TEST(connection.read_response().body == expected[i], "one at a time, case " << i);
  }
  connection.send(all);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    BOOST_TEST(connection.read_response().body == expected[i], "pipelined, case " << i);
  }
}

// One thread serves all connections here; a handler that waits (as one fetching a model does)
// gets another thread added, so the other connections are answered meanwhile.
BOOST_AUTO_TEST_CASE(a_handler_that_waits_does_not_hold_up_the_other_connections_of_its_thread) {
  std::mutex mutex;
  std::condition_variable changed;
  bool entered = false;
  bool release = false;
  ServerOptions options;
  options.threads = 1;
  HttpServer server(options, [&](const azml::http::Request& request) {
    if (request.url == "/wait") {
      std::unique_lock<std::mutex> lock(mutex);
      entered = true;
      changed.notify_all();
      changed.wait_for(lock, std::chrono::seconds(30), [&] { return release; });
    }
    return echo(request);
  });
  server.start();
  RawConnection waiting(server.port());
  waiting.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
  {
    std::unique_lock<std::mutex> lock(mutex);
    BOOST_TEST_REQUIRE(changed.wait_for(lock, std::chrono::seconds(10), [&] { return entered; }));
  }
  bool others_served = true;
  for (int i = 0; i < 3; ++i) {
    RawConnection other(server.port());
    other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n");
    try {
      others_served = other.read_response().body == "GET /other " && others_served;
    } catch (const std::exception&) {  // nothing came for 5 seconds
      others_served = false;
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
  }
  changed.notify_all();
  BOOST_TEST(others_served);
  BOOST_TEST(waiting.read_response().body == "GET /wait ");
}

BOOST_AUTO_TEST_CASE(http_1_0_is_answered_in_kind_and_closed_unless_kept_alive) {
  HttpServer server(ServerOptions{}, echo);
  server.start();
  {
    RawConnection connection(server.port());
    connection.send("GET /old HTTP/1.0\r\n\r\n");
    auto response = connection.read_response();
    BOOST_TEST(response.status_line == "HTTP/1.0 200 OK");
    BOOST_TEST(response.body == "GET /old ");
    BOOST_TEST(connection.closed_by_server());
  }
  RawConnection connection(server.port());
  connection.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  auto kept = connection.read_response();
  BOOST_TEST(kept.status_line == "HTTP/1.0 200 OK");
  BOOST_TEST(kept.headers["connection"] == "keep-alive");
  connection.send("GET /b HTTP/1.0\r\n\r\n");
  BOOST_TEST(connection.read_response().body == "GET /b ");
  BOOST_TEST(connection.closed_by_server());
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body_is_sent) {
  ServerOptions options;
  options.max_body_bytes = 10;
  std::atomic<int> calls{0};
  HttpServer server(options, [&](const azml::http::Request& request) {
    ++calls;
    return echo(request);
  });
  server.start();
  RawConnection connection(server.port());
  connection.send("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  BOOST_TEST(connection.read_response().status_line == "HTTP/1.1 100 Continue");
  connection.send("hello");
  BOOST_TEST(connection.read_response().body == "PUT /x hello");

  // A declared body over the limit is refused at once: the client need not send it.
  connection.send("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n");
  auto refused = connection.read_response();
  BOOST_TEST(refused.status() == 413);
  BOOST_TEST(refused.headers["connection"] == "close");
  BOOST_TEST(refused.body.find("RequestEntityTooLarge") != std::string::npos);
  BOOST_TEST(connection.closed_by_server());
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(a_body_over_the_limit_is_read_to_its_end_and_answered_413) {
  ServerOptions options;
  options.max_body_bytes = 10;
  std::vector<int> observed;
  std::mutex mutex;
  HttpServer server(options, echo, [&](const azml::http::Request&, const azml::http::Response& response, auto) {
    std::lock_guard<std::mutex> lock(mutex);
    observed.push_back(response.status);
  });
  server.start();
  RawConnection connection(server.port());
  // Chunked, growing past the limit across chunks; the whole body is sent before the answer.
  connection.send("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "6\r\n012345\r\n6\r\n6789AB\r\n0\r\n\r\n");
  auto refused = connection.read_response();
  BOOST_TEST(refused.status() == 413);
  BOOST_TEST(refused.has_header("x-ms-request-id"));
  BOOST_TEST(connection.closed_by_server());
  std::lock_guard<std::mutex> lock(mutex);
  BOOST_TEST((observed == std::vector<int>{413}));
}

BOOST_AUTO_TEST_CASE(a_malformed_chunked_body_is_a_400_and_the_handler_is_not_called) {
  std::atomic<int> calls{0};
  HttpServer server(ServerOptions{}, [&](const azml::http::Request& request) {
    ++calls;
    return echo(request);
  });
  server.start();
  RawConnection connection(server.port());
  connection.send("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
  auto response = connection.read_response();
  BOOST_TEST(response.status() == 400);
  BOOST_TEST(response.body.find("InvalidRequestContent") != std::string::npos);
  BOOST_TEST(calls == 0);
}

BOOST_AUTO_TEST_CASE(a_request_that_is_not_http_is_a_400_and_oversized_headers_a_431) {
  std::atomic<int> calls{0};
  HttpServer server(ServerOptions{}, [&](const azml::http::Request& request) {
    ++calls;
    return echo(request);
  });
  server.start();
  {
    RawConnection connection(server.port());
    connection.send("GET /x HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    auto response = connection.read_response();
    BOOST_TEST(response.status() == 400);
    BOOST_TEST(response.body.find("not valid HTTP/1.1") != std::string::npos, response.body);
    BOOST_TEST(connection.closed_by_server());
  }
  {
    RawConnection connection(server.port());
    connection.send("GET /x HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(70 * 1024, 'a') + "\r\n\r\n");
    auto response = connection.read_response();
    BOOST_TEST(response.status() == 431);
    BOOST_TEST(response.body.find("65536 bytes") != std::string::npos, response.body);
    BOOST_TEST(connection.closed_by_server());
  }
  // A long header under the limit is fine (SAS URLs are long).
  RawConnection connection(server.port());
  connection.send("GET /x HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(30 * 1024, 'a') + "\r\n\r\n");
  BOOST_TEST(connection.read_response().status() == 200);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(a_head_response_keeps_the_length_the_handler_gave_and_sends_no_body) {
  HttpServer server(ServerOptions{}, [](const azml::http::Request&) {
    azml::http::Response response;
    response.status = 200;
    response.headers.set("Content-Type", "application/octet-stream");
    response.headers.set("Content-Length", "1234");
    return response;
  });
  server.start();
  RawConnection connection(server.port());
  connection.send("HEAD /blob HTTP/1.1\r\nHost: x\r\n\r\n");
  auto response = connection.read_response(true);
  BOOST_TEST(response.status() == 200);
  BOOST_TEST(response.headers["content-length"] == "1234");
  // Nothing follows the head: the next response on the connection starts right away.
  connection.send("HEAD /blob HTTP/1.1\r\nHost: x\r\n\r\n");
  BOOST_TEST(connection.read_response(true).status() == 200);
}

BOOST_AUTO_TEST_CASE(stop_waits_for_a_handler_in_flight_whose_response_still_arrives) {
  std::mutex mutex;
  std::condition_variable changed;
  bool entered = false;
  bool release = false;
  std::atomic<bool> finished{false};
  HttpServer server(ServerOptions{}, [&](const azml::http::Request& request) {
    if (request.url == "/slow") {
      std::unique_lock<std::mutex> lock(mutex);
      entered = true;
      changed.notify_all();
      changed.wait(lock, [&] { return release; });
      finished = true;
    }
    return echo(request);
  });
  server.start();
  RawConnection idle(server.port());
  idle.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
  BOOST_TEST_REQUIRE(idle.read_response().status() == 200);
  RawConnection busy(server.port());
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  {
    std::unique_lock<std::mutex> lock(mutex);
    BOOST_TEST_REQUIRE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return entered; }));
  }

  auto stopped = std::async(std::launch::async, [&] { server.stop(); });
  BOOST_TEST((stopped.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout));
  BOOST_TEST(idle.closed_by_server());  // a connection waiting for a request is closed at once
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
  }
  changed.notify_all();
  stopped.get();
  BOOST_TEST(finished.load());
  auto response = busy.read_response();
  BOOST_TEST(response.body == "GET /slow ");
  BOOST_TEST(response.headers["connection"] == "close");
  BOOST_TEST(busy.closed_by_server());
}

BOOST_AUTO_TEST_SUITE_END()
