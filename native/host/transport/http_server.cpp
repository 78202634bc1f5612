// The server: the event loops and threads of server_threads.hpp, an acceptor, and one
// HttpSession per connection (http_session.hpp), each on a loop of its own in turn.
#include "transport/http_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <thread>

#include "common/error.hpp"
#include "transport/http_session.hpp"
#include "transport/server_threads.hpp"
#include "transport/tls_context.hpp"

namespace azml::host::transport {

namespace {

using tcp = net::ip::tcp;

// How long stop() lets responses already being written finish before it ends every connection.
constexpr std::chrono::seconds kStopGrace{5};
// After a failed accept (out of file descriptors, say), the acceptor waits this long before
// trying again rather than spinning.
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};

// "[::1]" for IPv6 literals, as URIs need.
std::string uri_host(const std::string& address) {
  if (address.find(':') != std::string::npos && address.front() != '[') return "[" + address + "]";
  return address;
}

std::string reachable_host(const std::string& address) {
  if (address == "0.0.0.0") return "127.0.0.1";
  if (address == "::" || address == "[::]") return "[::1]";
  return uri_host(address);
}

std::string unbracketed(const std::string& address) {
  if (address.size() > 2 && address.front() == '[' && address.back() == ']') return address.substr(1, address.size() - 2);
  return address;
}

// The peer as the request log shows it: IPv4 clients of a dual-stack listener as IPv4.
std::string remote_address_of(const tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return {};
  auto address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

std::size_t pool_size(std::size_t requested) {
  if (requested > 0) return requested;
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  std::shared_ptr<ServerState> state = std::make_shared<ServerState>();
  // Declared before what runs on them, so that they are destroyed last.
  std::unique_ptr<ServerThreads> threads;
  std::optional<net::ssl::context> tls_context;
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> accept_retry;
  bool running = false;

  bool tls() const { return !options.tls_certificate_file.empty(); }
  std::string scheme() const { return tls() ? "https" : "http"; }

  void listen() {
    const std::string uri =
        scheme() + "://" + uri_host(options.listen_address) + ":" + std::to_string(options.port) + "/";
    beast::error_code ec;
    tcp::resolver resolver(threads->loop(0));
    const auto endpoints = resolver.resolve(unbracketed(options.listen_address), std::to_string(options.port),
                                            tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec) throw Error(ErrorCode::Invalid, "cannot resolve listen address '" + options.listen_address + "': " + ec.message());
    std::string last_error = "no usable address";
    for (const auto& entry : endpoints) {
      tcp::acceptor candidate(threads->accept_loop());
      candidate.open(entry.endpoint().protocol(), ec);
      if (!ec) candidate.set_option(net::socket_base::reuse_address(true), ec);
      if (!ec) candidate.bind(entry.endpoint(), ec);
      if (!ec) candidate.listen(net::socket_base::max_listen_connections, ec);
      if (ec) {
        last_error = ec.message();
        continue;
      }
      options.port = candidate.local_endpoint().port();
      acceptor.emplace(std::move(candidate));
      return;
    }
    throw Error(ErrorCode::Transport, "cannot listen on " + uri + ": " + last_error);
  }

  void accept() {
    acceptor->async_accept(net::make_strand(threads->next_loop()), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor->is_open() || ec == net::error::operation_aborted) return;  // stop() closed it
      if (ec) {
        accept_retry->expires_after(kAcceptRetryDelay);
        accept_retry->async_wait([this](beast::error_code wait_error) {
          if (!wait_error && acceptor->is_open()) accept();
        });
        return;
      }
      start_session(std::move(socket));
      accept();
    });
  }

  void start_session(tcp::socket socket) {
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    std::string remote = remote_address_of(socket);
    std::shared_ptr<Session> session;
    if (tls()) {
      session = std::make_shared<HttpSession<beast::ssl_stream<beast::tcp_stream>>>(
          beast::ssl_stream<beast::tcp_stream>(std::move(socket), *tls_context), state, std::move(remote));
    } else {
      session = std::make_shared<HttpSession<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), state,
                                                                 std::move(remote));
    }
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      state->sessions.emplace(session.get(), session);
    }
    session->run();
  }

  std::vector<std::shared_ptr<Session>> open_sessions() {
    std::vector<std::shared_ptr<Session>> open;
    std::lock_guard<std::mutex> lock(state->mutex);
    for (const auto& entry : state->sessions) {
      if (auto session = entry.second.lock()) open.push_back(std::move(session));
    }
    return open;
  }
};

HttpServer::HttpServer(ServerOptions options, RequestHandler handler, ExchangeObserver observer)
    : impl_(std::make_unique<Impl>()) {
  if (!handler) throw Error(ErrorCode::Invalid, "the HTTP server needs a request handler");
  if (options.tls_certificate_file.empty() != options.tls_private_key_file.empty()) {
    throw Error(ErrorCode::Invalid, "TLS needs both a certificate and a private key (--tls-cert and --tls-key)");
  }
  if (options.max_body_bytes == 0) throw Error(ErrorCode::Invalid, "the maximum body size must be at least 1 byte");
  impl_->options = std::move(options);
  impl_->state->handler = std::move(handler);
  impl_->state->observer = std::move(observer);
  impl_->state->max_body_bytes = impl_->options.max_body_bytes;
}

HttpServer::~HttpServer() {
  try {
    stop();
  } catch (...) {
  }
}

void HttpServer::start() {
  auto& impl = *impl_;
  if (impl.running) return;
  if (impl.tls()) {
    impl.tls_context.emplace(make_server_tls_context(impl.options.tls_certificate_file, impl.options.tls_private_key_file));
  }
  impl.state->stopping = false;
  impl.threads = std::make_unique<ServerThreads>(pool_size(impl.options.threads));
  try {
    impl.listen();
  } catch (...) {
    impl.acceptor.reset();
    impl.threads.reset();
    throw;
  }
  impl.accept_retry.emplace(impl.acceptor->get_executor());
  impl.accept();
  impl.running = true;
}

void HttpServer::stop() {
  auto& impl = *impl_;
  if (!impl.running) return;
  impl.running = false;
  auto& state = *impl.state;
  state.stopping = true;

  // No new connections; the open ones close now if idle, or once their response is written.
  net::post(impl.acceptor->get_executor(), [&impl] {
    beast::error_code ignored;
    impl.acceptor->close(ignored);
    impl.accept_retry->cancel();
  });
  for (const auto& session : impl.open_sessions()) session->close_when_idle();

  {
    std::unique_lock<std::mutex> lock(state.mutex);
    // Handlers that were already running finish before the state they use goes away...
    state.changed.wait(lock, [&] { return state.handlers_in_flight.load() == 0; });
    // ...and their responses get a moment to reach their clients.
    state.changed.wait_for(lock, kStopGrace, [&] { return state.sessions.empty(); });
  }
  impl.threads->stop();
  impl.accept_retry.reset();
  impl.acceptor.reset();
  impl.threads.reset();  // the loops go, and with them the connections still open
  impl.tls_context.reset();
}

bool HttpServer::uses_tls() const noexcept { return impl_->tls(); }

std::uint16_t HttpServer::port() const noexcept { return impl_->options.port; }

std::string HttpServer::local_endpoint() const {
  return endpoint_url(impl_->tls(), impl_->options.listen_address, impl_->options.port);
}

std::string endpoint_url(bool tls, const std::string& address, std::uint16_t port) {
  return std::string(tls ? "https" : "http") + "://" + reachable_host(address) + ":" + std::to_string(port);
}

}  // namespace azml::host::transport
