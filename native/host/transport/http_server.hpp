// The HTTP(S) server of azml-host, on Boost.Beast and Boost.Asio: HTTP/1.0 and 1.1, keep-alive,
// chunked request bodies, `Expect: 100-continue`, TLS. A pool of threads sized to the machine runs
// the connections and the handlers alike: a handler runs on the thread that read its request. Nothing outside
// transport/ sees Beast or Asio; the router, auth and handlers only ever see a RequestHandler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "transport/request_handler.hpp"

namespace azml::host::transport {

struct ServerOptions {
  std::string listen_address = "127.0.0.1";  // numeric IPv4/IPv6 address or host name
  std::uint16_t port = 0;                    // 0: pick a free port when started
  // PEM files. Both set: serve https; both empty: serve http. One without the other is refused.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  // Largest request body accepted. A larger Content-Length, or a chunked body that grows past
  // it, is answered 413 and its bytes are discarded as they arrive (never kept in memory).
  std::size_t max_body_bytes = 4 * 1024 * 1024;
  // Threads that serve connections and run handlers while handlers are quick; 0: one per CPU
  // the machine has. More are added while every one is blocked in a handler (server_threads.hpp).
  std::size_t threads = 0;
};

// "http://127.0.0.1:8080" style base URL that reaches a listener on address:port. The wildcard
// addresses 0.0.0.0 and :: are reported as the loopback address, which reaches them.
std::string endpoint_url(bool tls, const std::string& address, std::uint16_t port);

// Reads a PEM certificate chain and private key and checks that they belong together. Throws
// azml::Error(Invalid) naming the file at fault. start() does the same; this lets a program
// check before it does anything else.
void check_tls_files(const std::string& certificate_file, const std::string& private_key_file);

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler, ExchangeObserver observer = nullptr);
  ~HttpServer();  // stops the server if it is running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads and checks the TLS certificate and key (when given), picks the port (when 0) and
  // starts listening. Throws azml::Error(Invalid) for unusable TLS files or address,
  // azml::Error(Transport) when the address cannot be listened on.
  void start();
  // Stops accepting, closes open connections and waits for handlers in flight; a request being
  // handled still gets its response (with Connection: close). Idempotent.
  void stop();

  bool uses_tls() const noexcept;
  // The port listened on; meaningful after start().
  std::uint16_t port() const noexcept;
  // endpoint_url() of this listener; meaningful after start().
  std::string local_endpoint() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace azml::host::transport
