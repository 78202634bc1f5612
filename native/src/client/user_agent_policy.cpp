#include "client/user_agent_policy.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::client {

namespace {
bool has_control_character(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}
}  // namespace

UserAgentPolicy::UserAgentPolicy(const std::string& suffix) : value_(std::string("azml/") + AZML_VERSION_STRING) {
  if (has_control_character(suffix)) {
    throw Error(ErrorCode::Invalid, "the user agent suffix must not contain control characters")
        .with_target("user_agent");
  }
  std::string trimmed = trim(suffix);
  if (!trimmed.empty()) value_ += " " + trimmed;
}

http::Response UserAgentPolicy::send(http::Request& request, const NextPolicy& next) {
  request.headers.set("User-Agent", value_);
  return next.send(request);
}

}  // namespace azml::client
