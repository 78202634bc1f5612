#include "support/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace azml::test {

namespace {

constexpr int kWaitMilliseconds = 5000;

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

int RawResponse::status() const {
  auto space = status_line.find(' ');
  return space == std::string::npos ? 0 : std::atoi(status_line.c_str() + space + 1);
}

RawConnection::RawConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    const std::string error = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + error);
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void RawConnection::send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string("send: ") + std::strerror(errno));
    sent += static_cast<size_t>(n);
  }
}

bool RawConnection::fill() {
  pollfd ready{fd_, POLLIN, 0};
  int polled = ::poll(&ready, 1, kWaitMilliseconds);
  if (polled == 0) throw std::runtime_error("nothing arrived for 5 seconds");
  char chunk[16384];
  ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n < 0 && errno == ECONNRESET) return false;
  if (n < 0) throw std::runtime_error(std::string("recv: ") + std::strerror(errno));
  if (n == 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

RawResponse RawConnection::read_response(bool head_request) {
  size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) throw std::runtime_error("the connection ended before a response head: '" + buffer_ + "'");
  }
  RawResponse response;
  const std::string head = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  size_t line_end = head.find("\r\n");
  response.status_line = head.substr(0, line_end);
  while (line_end != std::string::npos) {
    size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    std::string line = head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value_start = line.find_first_not_of(' ', colon + 1);
    response.headers[lower(line.substr(0, colon))] = value_start == std::string::npos ? "" : line.substr(value_start);
  }
  const int status = response.status();
  size_t length = 0;
  if (!head_request && status >= 200 && status != 204 && status != 304 && response.has_header("content-length")) {
    length = std::stoul(response.headers["content-length"]);
  }
  while (buffer_.size() < length) {
    if (!fill()) throw std::runtime_error("the connection ended inside a response body");
  }
  response.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return response;
}

bool RawConnection::closed_by_server() {
  try {
    return !fill();
  } catch (const std::runtime_error&) {
    return false;  // still open, silent
  }
}

}  // namespace azml::test
