// Plain HTTP request and response values shared by the client transport and the host's
// transport seam. No cpprestsdk type appears outside the two adapters that translate to these.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace azml::http {

using Header = std::pair<std::string, std::string>;

// Header names compare case-insensitively (RFC 9110); order is kept for logging.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<Header> init) : items_(init) {}

  std::optional<std::string> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Replaces every header of that name with one value.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  void remove(std::string_view name);

  const std::vector<Header>& items() const { return items_; }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

 private:
  std::vector<Header> items_;
};

struct Request {
  std::string method;  // "GET", "PUT", ...
  // Client side: an absolute URL. Host side: the path and query as received ("/a/b?x=1").
  std::string url;
  Headers headers;
  std::string body;
  // Client side only: how long the transport may take for this one exchange.
  std::chrono::milliseconds timeout{std::chrono::seconds(100)};
  // Host side only: the peer's address, for logs.
  std::string remote_address;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

// "Not Found" for 404 and so on; "" for codes it does not know.
const char* reason_phrase(int status) noexcept;

}  // namespace azml::http
