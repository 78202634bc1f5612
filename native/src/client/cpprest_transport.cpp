#include "client/cpprest_transport.hpp"

#include <chrono>
#include <fstream>
#include <future>
#include <system_error>

#include <boost/asio/ssl.hpp>
#include <cpprest/http_client.h>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::client {

namespace cpprest_http = web::http;

class CpprestTransport::Connection {
 public:
  explicit Connection(cpprest_http::client::http_client http_client) : authority_client(std::move(http_client)) {}
  cpprest_http::client::http_client authority_client;
};

namespace {

// cpprestsdk's own timeout restarts on every read and write; the per-request deadline is
// enforced by send() instead, so this one only needs to be long enough never to fire first.
constexpr std::chrono::hours kCpprestInactivityTimeout{24};

cpprest_http::http_request to_cpprest(const http::Request& request, const std::string& path_and_query) {
  cpprest_http::http_request message(utility::conversions::to_string_t(request.method));
  message.set_request_uri(web::uri(utility::conversions::to_string_t(path_and_query)));
  std::string content_type;
  for (const auto& [name, value] : request.headers) {
    if (iequals(name, "Content-Type")) {
      content_type = value;
      continue;
    }
    // Content-Length is computed from the body; a stale copy would corrupt the framing.
    if (iequals(name, "Content-Length")) continue;
    message.headers().add(utility::conversions::to_string_t(name), utility::conversions::to_string_t(value));
  }
  if (!request.body.empty()) {
    message.set_body(request.body, content_type.empty() ? std::string("application/octet-stream") : content_type);
  } else if (!content_type.empty()) {
    message.headers().set_content_type(utility::conversions::to_string_t(content_type));
  }
  return message;
}

http::Response read_response(const cpprest_http::http_response& reply, std::vector<unsigned char> body) {
  http::Response response;
  response.status = reply.status_code();
  for (const auto& [name, value] : reply.headers()) {
    response.headers.add(utility::conversions::to_utf8string(name), utility::conversions::to_utf8string(value));
  }
  response.body.assign(body.begin(), body.end());
  return response;
}

// The reason cpprestsdk gives, plus the underlying system error when it differs.
std::string failure_reason(const cpprest_http::http_exception& e) {
  std::string reason = e.what();
  const std::string system = e.error_code().message();
  if (!system.empty() && reason.find(system) == std::string::npos) reason += " (" + system + ")";
  return reason;
}

bool is_timeout(const std::error_code& code) {
  return code == std::errc::timed_out || code.value() == ETIMEDOUT;
}

}  // namespace

CpprestTransport::CpprestTransport(CpprestTransportOptions options) : options_(std::move(options)) {
  if (!options_.ca_file.empty()) {
    std::ifstream probe(options_.ca_file);
    if (!probe) {
      throw Error(ErrorCode::Invalid, "cannot read the CA file '" + options_.ca_file + "'").with_target("ca_file");
    }
  }
}

CpprestTransport::~CpprestTransport() = default;

std::shared_ptr<CpprestTransport::Connection> CpprestTransport::connection_for(const std::string& scheme,
                                                                               const std::string& authority) {
  const std::string base = scheme + "://" + authority;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = connections_.find(base);
  if (found != connections_.end()) return found->second;

  cpprest_http::client::http_client_config config;
  config.set_timeout(kCpprestInactivityTimeout);
  config.set_validate_certificates(true);
  if (scheme == "https" && !options_.ca_file.empty()) {
    const std::string ca_file = options_.ca_file;
    config.set_ssl_context_callback([ca_file](boost::asio::ssl::context& context) {
      // Verification stays on (set_validate_certificates); this only chooses the trust anchors.
      context.load_verify_file(ca_file);
    });
  }
  auto connection = std::make_shared<Connection>(
      cpprest_http::client::http_client(utility::conversions::to_string_t(base), config));
  connections_.emplace(base, connection);
  return connection;
}

http::Response CpprestTransport::send(const http::Request& request) {
  const Url url = parse_url(request.url);
  std::shared_ptr<Connection> connection;
  cpprest_http::http_request message;
  try {
    connection = connection_for(url.scheme, url.authority);
    message = to_cpprest(request, url.path_and_query);
  } catch (const web::uri_exception& e) {
    throw Error(ErrorCode::Invalid, "cannot send to '" + request.url + "': " + e.what());
  }

  pplx::cancellation_token_source cancellation;
  auto outcome = std::make_shared<std::promise<http::Response>>();
  std::future<http::Response> result = outcome->get_future();
  try {
    connection->authority_client.request(message, cancellation.get_token())
        .then([](cpprest_http::http_response reply) {
          return reply.extract_vector().then(
              [reply](std::vector<unsigned char> body) { return read_response(reply, std::move(body)); });
        })
        .then([outcome](pplx::task<http::Response> finished) {
          try {
            outcome->set_value(finished.get());
          } catch (...) {
            outcome->set_exception(std::current_exception());
          }
        });
  } catch (const cpprest_http::http_exception& e) {
    throw Error(ErrorCode::Transport, request.method + " " + request.url + ": " + failure_reason(e));
  }

  if (result.wait_for(request.timeout) == std::future_status::timeout) {
    cancellation.cancel();  // closes the connection; the continuation then finds a cancelled task
    throw Error(ErrorCode::Timeout, request.method + " " + request.url + ": no complete response within " +
                                        std::to_string(request.timeout.count()) + " ms");
  }
  try {
    return result.get();
  } catch (const cpprest_http::http_exception& e) {
    const ErrorCode code = is_timeout(e.error_code()) ? ErrorCode::Timeout : ErrorCode::Transport;
    throw Error(code, request.method + " " + request.url + ": " + failure_reason(e));
  } catch (const pplx::task_canceled&) {
    throw Error(ErrorCode::Cancelled, request.method + " " + request.url + ": the request was cancelled");
  } catch (const std::exception& e) {
    // TLS handshake failures and stream errors surface as plain std::exception subclasses.
    throw Error(ErrorCode::Transport, request.method + " " + request.url + ": " + e.what());
  }
}

}  // namespace azml::client
