// cpprestsdk adapter: http_listener on one side, http::Request/http::Response on the other.
#include "transport/http_server.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include <cpprest/http_listener.h>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "transport/fallback_responses.hpp"
#include "transport/free_port.hpp"

namespace azml::host::transport {

namespace {

using web::http::experimental::listener::http_listener;
using web::http::experimental::listener::http_listener_config;
using Millis = std::chrono::duration<double, std::milli>;

std::string read_pem_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Invalid, std::string("cannot read the TLS ") + what + " file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) throw Error(ErrorCode::Invalid, std::string("the TLS ") + what + " file " + path + " is empty");
  return text.str();
}

// Applied to every TLS connection's context (cpprestsdk makes one per connection).
void configure_tls(boost::asio::ssl::context& context, const std::string& certificate_pem,
                   const std::string& private_key_pem) {
  namespace ssl = boost::asio::ssl;
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  context.use_certificate_chain(boost::asio::buffer(certificate_pem));
  context.use_private_key(boost::asio::buffer(private_key_pem), ssl::context::pem);
}

// Fails with a message naming the file at fault, rather than failing every handshake later.
void check_tls_pair(const std::string& certificate_pem, const std::string& private_key_pem,
                    const std::string& certificate_file, const std::string& private_key_file) {
  boost::asio::ssl::context probe(boost::asio::ssl::context::tls_server);
  try {
    probe.use_certificate_chain(boost::asio::buffer(certificate_pem));
  } catch (const std::exception& e) {
    throw Error(ErrorCode::Invalid, "cannot use the TLS certificate " + certificate_file +
                                        " (it must be a PEM certificate chain): " + e.what());
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())), &BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
  ERR_clear_error();
  if (!key) {
    throw Error(ErrorCode::Invalid, "cannot use the TLS private key " + private_key_file +
                                        ": it is not an unencrypted PEM private key");
  }
  X509* leaf = SSL_CTX_get0_certificate(probe.native_handle());
  if (leaf == nullptr || X509_check_private_key(leaf, key.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::Invalid, "the TLS private key " + private_key_file + " does not belong to the certificate " +
                                        certificate_file);
  }
}

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

// Reads a request body as it arrives, keeping at most `limit` bytes. Past the limit it keeps
// reading and discarding, so that cpprestsdk's buffer is drained and memory stays bounded while
// the client finishes sending (the listener answers only once the whole body is in).
struct BodyReader {
  concurrency::streams::streambuf<uint8_t> source;
  std::size_t limit = 0;
  bool over_limit = false;
  std::string body;
  std::array<uint8_t, 64 * 1024> chunk{};
};

pplx::task<void> read_body(std::shared_ptr<BodyReader> reader) {
  return reader->source.getn(reader->chunk.data(), reader->chunk.size())
      .then([reader](std::size_t count) -> pplx::task<void> {
        if (count == 0) return pplx::task_from_result();
        if (!reader->over_limit) {
          if (reader->body.size() + count > reader->limit) {
            reader->over_limit = true;
            std::string().swap(reader->body);
          } else {
            reader->body.append(reinterpret_cast<const char*>(reader->chunk.data()), count);
          }
        }
        return read_body(reader);
      });
}

std::string to_path_and_query(const web::uri& uri) {
  std::string target = uri.path().empty() ? "/" : uri.path();
  if (!uri.query().empty()) target += "?" + uri.query();
  return target;
}

http::Request to_request(const web::http::http_request& incoming) {
  http::Request request;
  request.method = incoming.method();
  request.url = to_path_and_query(incoming.request_uri());
  for (const auto& [name, value] : incoming.headers()) request.headers.add(name, value);
  request.remote_address = incoming.remote_address();
  return request;
}

web::http::http_response to_cpprest(http::Response response) {
  web::http::http_response outgoing(static_cast<web::http::status_code>(response.status));
  if (const char* phrase = http::reason_phrase(response.status); *phrase != '\0') outgoing.set_reason_phrase(phrase);
  auto content_type = response.headers.get("Content-Type");
  for (const auto& [name, value] : response.headers) {
    // The body setter below owns these two.
    if (iequals(name, "Content-Type") || iequals(name, "Content-Length")) continue;
    outgoing.headers().add(name, value);
  }
  if (!response.body.empty()) {
    // Bytes, not std::string: cpprestsdk's string overload reads a char container through a
    // uint8_t stream buffer, which UBSan rightly flags.
    outgoing.headers().set_content_type(content_type.value_or("application/octet-stream"));
    outgoing.set_body(std::vector<unsigned char>(response.body.begin(), response.body.end()));
  } else if (content_type) {
    // A HEAD response describes the body a GET would have (Get Blob Properties).
    outgoing.headers().set_content_type(*content_type);
  }
  return outgoing;
}

}  // namespace

// What the request callbacks need; shared with every continuation so that none outlives it.
struct DispatchState {
  RequestHandler handler;
  ExchangeObserver observer;
  std::size_t max_body_bytes = 0;

  std::mutex mutex;
  std::condition_variable idle;
  std::size_t in_flight = 0;
};

struct HttpServer::Impl {
  ServerOptions options;
  std::shared_ptr<DispatchState> state = std::make_shared<DispatchState>();
  std::unique_ptr<http_listener> listener;
  std::string certificate_pem;
  std::string private_key_pem;
  bool running = false;

  bool tls() const { return !options.tls_certificate_file.empty(); }
  std::string scheme() const { return tls() ? "https" : "http"; }

  void load_tls_files() {
    certificate_pem = read_pem_file(options.tls_certificate_file, "certificate");
    private_key_pem = read_pem_file(options.tls_private_key_file, "private key");
    check_tls_pair(certificate_pem, private_key_pem, options.tls_certificate_file, options.tls_private_key_file);
  }
};

namespace {

void finish_exchange(const std::shared_ptr<DispatchState>& state, web::http::http_request incoming,
                     const http::Request& request, http::Response response,
                     std::chrono::steady_clock::time_point started) {
  if (state->observer) {
    try {
      state->observer(request, response, Millis(std::chrono::steady_clock::now() - started));
    } catch (...) {
      // A failing log line must not cost the client its response.
    }
  }
  incoming.reply(to_cpprest(std::move(response))).then([](pplx::task<void> sent) {
    try {
      sent.get();
    } catch (...) {
      // The client went away before the response was written; nothing is left to tell it.
    }
  });
}

void dispatch(const std::shared_ptr<DispatchState>& state, web::http::http_request incoming) {
  const auto started = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(state->mutex);
    ++state->in_flight;
  }
  auto leave = [state] {
    std::lock_guard<std::mutex> lock(state->mutex);
    if (--state->in_flight == 0) state->idle.notify_all();
  };

  auto request = std::make_shared<http::Request>();
  try {
    *request = to_request(incoming);
  } catch (...) {
    finish_exchange(state, incoming, *request, internal_error_response(), started);
    leave();
    return;
  }

  try {
    auto reader = std::make_shared<BodyReader>();
    reader->limit = state->max_body_bytes;
    // A declared length over the limit is refused without keeping a byte of it.
    reader->over_limit = incoming.headers().content_length() > state->max_body_bytes;
    reader->source = incoming.body().streambuf();

    read_body(reader).then([state, incoming, request, reader, started, leave](pplx::task<void> done) {
      http::Response response;
      try {
        done.get();
        if (reader->over_limit) {
          response = payload_too_large_response(state->max_body_bytes);
          // Do not let the client keep this connection to push more.
          response.headers.set("Connection", "close");
        } else {
          request->body = std::move(reader->body);
          response = state->handler(*request);
        }
      } catch (const web::http::http_exception&) {
        response = unreadable_body_response();
      } catch (...) {
        response = internal_error_response();
      }
      try {
        finish_exchange(state, incoming, *request, std::move(response), started);
      } catch (...) {
      }
      leave();
    });
  } catch (...) {
    try {
      finish_exchange(state, incoming, *request, internal_error_response(), started);
    } catch (...) {
    }
    leave();
  }
}

}  // namespace

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
  if (impl.tls()) impl.load_tls_files();
  if (impl.options.port == 0) impl.options.port = find_free_port(impl.options.listen_address);

  http_listener_config config;
  if (impl.tls()) {
    auto certificate = impl.certificate_pem;
    auto key = impl.private_key_pem;
    config.set_ssl_context_callback([certificate, key](boost::asio::ssl::context& context) {
      try {
        configure_tls(context, certificate, key);
      } catch (...) {
        // Checked at start; a failure here leaves the context without a certificate and the
        // handshake fails, which is all the client can be told.
      }
    });
  }

  const std::string uri = impl.scheme() + "://" + uri_host(impl.options.listen_address) + ":" +
                          std::to_string(impl.options.port) + "/";
  try {
    impl.listener = std::make_unique<http_listener>(web::uri(uri), config);
    auto state = impl.state;
    impl.listener->support([state](web::http::http_request incoming) {
      try {
        dispatch(state, incoming);
      } catch (...) {
        incoming.reply(to_cpprest(internal_error_response())).then([](pplx::task<void> t) {
          try {
            t.get();
          } catch (...) {
          }
        });
      }
    });
    impl.listener->open().wait();
  } catch (const Error&) {
    impl.listener.reset();
    throw;
  } catch (const std::exception& e) {
    impl.listener.reset();
    throw Error(ErrorCode::Transport, "cannot listen on " + uri + ": " + e.what());
  }
  impl.running = true;
}

void HttpServer::stop() {
  auto& impl = *impl_;
  if (!impl.running) return;
  impl.running = false;
  try {
    impl.listener->close().wait();
  } catch (...) {
    // Closing reports connections that were reset; the listener is closed either way.
  }
  // Handlers that were already running finish before the state they use goes away.
  std::unique_lock<std::mutex> lock(impl.state->mutex);
  impl.state->idle.wait(lock, [&] { return impl.state->in_flight == 0; });
  lock.unlock();
  impl.listener.reset();
}

bool HttpServer::uses_tls() const noexcept { return impl_->tls(); }

std::uint16_t HttpServer::port() const noexcept { return impl_->options.port; }

std::string HttpServer::local_endpoint() const {
  return endpoint_url(impl_->tls(), impl_->options.listen_address, impl_->options.port);
}

void check_tls_files(const std::string& certificate_file, const std::string& private_key_file) {
  check_tls_pair(read_pem_file(certificate_file, "certificate"), read_pem_file(private_key_file, "private key"),
                 certificate_file, private_key_file);
}

std::string endpoint_url(bool tls, const std::string& address, std::uint16_t port) {
  return std::string(tls ? "https" : "http") + "://" + reachable_host(address) + ":" + std::to_string(port);
}

}  // namespace azml::host::transport
