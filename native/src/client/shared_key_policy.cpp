#include "client/shared_key_policy.hpp"

#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/url.hpp"

namespace azml::client {

SharedKeyPolicy::SharedKeyPolicy(std::string account_name, std::string account_key, TimeSource time)
    : account_name_(std::move(account_name)), account_key_(std::move(account_key)), time_(std::move(time)) {
  storage_auth::sign(account_key_, "");  // refuses a key that is not base64 now rather than at the first call
}

http::Response SharedKeyPolicy::send(http::Request& request, const NextPolicy& next) {
  request.headers.set("x-ms-date", format_rfc1123(time_.wall_now()));
  // The transport sends a body without a type as application/octet-stream; the signature must
  // cover what is sent.
  if (!request.body.empty() && !request.headers.has("Content-Type")) {
    request.headers.set("Content-Type", "application/octet-stream");
  }
  // Content-Length is the transport's to write, but it is signed: sign what it will send.
  http::Headers signed_headers = request.headers;
  signed_headers.remove("Content-Length");
  if (!request.body.empty()) signed_headers.set("Content-Length", std::to_string(request.body.size()));

  const Url url = parse_url(request.url);
  const auto question = url.path_and_query.find('?');
  const std::string path = url.path_and_query.substr(0, question);
  const Query query = question == std::string::npos ? Query() : Query::parse(url.path_and_query.substr(question + 1));
  const std::string string_to_sign =
      storage_auth::shared_key_string_to_sign(account_name_, request.method, path, query, signed_headers);
  request.headers.set("Authorization",
                      storage_auth::shared_key_authorization(account_name_, account_key_, string_to_sign));
  return next.send(request);
}

}  // namespace azml::client
