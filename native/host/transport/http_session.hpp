// One client connection of the HTTP server: read a request (answering `Expect: 100-continue`),
// run the handler on this thread, write the response, and again while the connection is kept
// alive. Each connection runs on its own strand, so its steps never overlap; different
// connections run on all of the server's threads at once. Included by http_server.cpp only.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "transport/beast_messages.hpp"
#include "transport/fallback_responses.hpp"
#include "transport/request_handler.hpp"
#include "transport/server_threads.hpp"

namespace azml::host::transport {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;

// How long a client may take. A kept-alive connection that sends nothing is closed after
// kIdleTimeout; a request's header and body, and a response, each have kTransferTimeout.
inline constexpr std::chrono::seconds kHandshakeTimeout{30};
inline constexpr std::chrono::seconds kIdleTimeout{120};
inline constexpr std::chrono::seconds kTransferTimeout{300};
// Request line and headers together; long SAS URLs fit with room to spare.
inline constexpr std::uint32_t kHeaderLimit = 64 * 1024;
// What a connection's read buffer holds from the start. Beast reads as much as the buffer has
// room for (at least 512 bytes), and an empty flat_buffer would read a scoring request of a few
// KB in several calls. 16 KiB takes a request of a few rows, headers and body, in one call, and
// a large body in 16 KiB steps; it costs 16 MiB per 1,000 idle kept-alive connections. The
// buffer keeps its capacity: the parser's consume() only moves its read position, and it grows
// (for headers up to kHeaderLimit) but never shrinks.
inline constexpr std::size_t kReadBufferBytes = 16 * 1024;

class Session;

// What the connections share with the server.
struct ServerState {
  RequestHandler handler;
  ExchangeObserver observer;
  std::size_t max_body_bytes = 0;
  std::atomic<bool> stopping{false};

  // Handlers running now; stop() waits for none.
  std::atomic<std::size_t> handlers_in_flight{0};
  // Open connections, so that stop() can close the idle ones and wait for the others.
  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;

  void handler_finished() {
    if (handlers_in_flight.fetch_sub(1) == 1 && stopping.load()) {
      std::lock_guard<std::mutex> lock(mutex);
      changed.notify_all();
    }
  }
};

class Session {
 public:
  virtual ~Session() = default;
  // Starts the connection: TLS handshake (https), then the first request.
  virtual void run() = 0;
  // For stop(): closes the connection now when it waits for a request; one whose request is
  // being handled or answered closes once its response is written.
  virtual void close_when_idle() = 0;
};

template <class Stream>
class HttpSession final : public Session, public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  HttpSession(Stream stream, std::shared_ptr<ServerState> state, std::string remote_address)
      : stream_(std::move(stream)), state_(std::move(state)), remote_address_(std::move(remote_address)) {
    buffer_.reserve(kReadBufferBytes);
  }

  ~HttpSession() override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->sessions.erase(this);
    state_->changed.notify_all();
  }

  void run() override {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->start(); });
  }

  void close_when_idle() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) self->close();
    });
  }

 private:
  void start() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(kHandshakeTimeout);
      stream_.async_handshake(net::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) return self->close();  // not TLS, an untrusted peer, or gone
        self->read_request();
      });
    } else {
      read_request();
    }
  }

  void read_request() {
    if (state_->stopping.load()) return close();
    parser_.emplace();
    version_ = 11;
    head_ = false;
    parser_->header_limit(kHeaderLimit);
    // The body's own limit (LimitedBody) applies instead, which drops the excess but keeps parsing.
    // (Not boost::none: Beast 1.74 compares a Content-Length with an empty limit as larger.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    parser_->get().body().limit = state_->max_body_bytes;
    beast::get_lowest_layer(stream_).expires_after(kIdleTimeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               self->on_header(ec);
                             });
  }

  void on_header(beast::error_code ec) {
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::header_limit) return refuse(headers_too_large_response(kHeaderLimit));
    if (is_malformed(ec)) return refuse(malformed_request_response());
    if (ec) return close();  // the client went away or idled out
    beast::get_lowest_layer(stream_).expires_after(kTransferTimeout);
    const auto& message = parser_->get();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;
    if (parser_->is_done()) return dispatch();

    if (message.version() >= 11 && beast::iequals(message[bhttp::field::expect], "100-continue")) {
      const auto length = parser_->content_length();
      if (length && *length > state_->max_body_bytes) {
        // The client waits for a word before it sends the body: refuse it now, unread.
        return refuse_unread_body();
      }
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue),
                       [self = this->shared_from_this()](beast::error_code write_error, std::size_t) {
                         if (write_error) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_body(ec);
    });
  }

  void on_body(beast::error_code ec) {
    if (!ec) return dispatch();
    // A malformed body (a bad chunk) is answered; a client that left or stalled is not.
    if (is_malformed(ec)) return refuse(unreadable_body_response());
    close();
  }

  // Beast's parse errors, as opposed to the connection ending (or timing out) midway.
  static bool is_malformed(beast::error_code ec) {
    return ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_chunk).category() &&
           ec != bhttp::error::partial_message && ec != bhttp::error::end_of_stream;
  }

  void refuse_unread_body() { refuse(payload_too_large_response(state_->max_body_bytes)); }

  // Answers without reading (more of) the request, and closes the connection after.
  void refuse(http::Response response) {
    busy_ = true;
    respond(request_without_body(), std::move(response), false);
  }

  // What the observer is told about a request whose body was not taken.
  http::Request request_without_body() const {
    http::Request request;
    request.method = std::string(parser_->get().method_string());
    request.url = std::string(parser_->get().target());
    request.remote_address = remote_address_;
    return request;
  }

  // The whole request is in: run the handler here, on this connection's strand.
  void dispatch() {
    busy_ = true;
    auto& message = parser_->get();
    const bool keep_alive = message.keep_alive();
    const bool over_limit = message.body().over_limit;

    http::Request request;
    http::Response response;
    try {
      request = to_request(message, remote_address_);
    } catch (...) {
      return respond(request, internal_error_response(), false);
    }
    if (over_limit) {
      // Do not let the client keep this connection to push more.
      return respond(request, payload_too_large_response(state_->max_body_bytes), false);
    }
    state_->handlers_in_flight.fetch_add(1);
    ServerThreads::handler_started();
    try {
      response = state_->handler(request);
    } catch (...) {
      response = internal_error_response();
    }
    ServerThreads::handler_finished();
    state_->handler_finished();
    respond(request, std::move(response), keep_alive);
  }

  void respond(const http::Request& request, http::Response response, bool keep_alive) {
    if (state_->observer) {
      try {
        state_->observer(request, response,
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_));
      } catch (...) {
        // A failing log line must not cost the client its response.
      }
    }
    ResponseFraming framing;
    framing.version = version_;
    framing.keep_alive = keep_alive && !state_->stopping.load();
    framing.head = head_;
    try {
      response_.emplace(to_outgoing(std::move(response), framing));
    } catch (...) {
      response_.emplace(to_outgoing(internal_error_response(), framing));
    }
    const bool keep = response_->keep_alive();
    bhttp::async_write(stream_, *response_,
                       [self = this->shared_from_this(), keep](beast::error_code ec, std::size_t) {
                         self->on_written(ec, keep);
                       });
  }

  void on_written(beast::error_code ec, bool keep_alive) {
    busy_ = false;
    response_.reset();
    if (ec) return close();
    if (!keep_alive || state_->stopping.load()) return finish();
    read_request();
  }

  // The last response is out: end the connection politely.
  void finish() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(kHandshakeTimeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close(); });
    } else {
      beast::error_code ignored;
      stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
      close();
    }
  }

  void close() { beast::get_lowest_layer(stream_).close(); }

  Stream stream_;
  std::shared_ptr<ServerState> state_;
  std::string remote_address_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<LimitedBody>> parser_;
  std::optional<OutgoingResponse> response_;
  std::chrono::steady_clock::time_point started_;
  unsigned version_ = 11;
  bool head_ = false;
  bool busy_ = false;  // a complete request is being handled or answered
};

}  // namespace azml::host::transport
