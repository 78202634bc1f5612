// One TCP connection to a server on loopback that sends exactly the bytes a test writes and
// reads responses as they arrive, for wire-level checks an HTTP client library would hide
// (100 Continue, HTTP/1.0, pipelining, who closes the connection).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace azml::test {

struct RawResponse {
  std::string status_line;                     // "HTTP/1.1 200 OK"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  int status() const;
  bool has_header(const std::string& name) const { return headers.count(name) != 0; }
};

class RawConnection {
 public:
  // Connects to 127.0.0.1:port. Throws std::runtime_error when it cannot.
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(const std::string& bytes);
  // Reads one response: the head, then Content-Length bytes of body (none when `head_request`,
  // or for 1xx, 204 and 304). Throws std::runtime_error when the connection ends first or
  // nothing arrives for 5 seconds.
  RawResponse read_response(bool head_request = false);
  // True when the server has closed the connection (waiting up to 5 seconds for it); false
  // when it is still open with nothing more to read after that time.
  bool closed_by_server();

 private:
  bool fill();  // reads more into buffer_; false at the end of the stream
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace azml::test
