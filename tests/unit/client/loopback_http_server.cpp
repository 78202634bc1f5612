#include "loopback_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <stdexcept>

namespace azml::test {

namespace {

constexpr int kPollSliceMs = 50;  // how often blocked loops look at the stop flag

int bound_loopback_socket(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error(std::string("bind: ") + std::strerror(errno));
  }
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  port = ntohs(address.sin_port);
  return fd;
}

std::size_t content_length(const std::string& head) {
  std::string lower;
  for (char c : head) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto at = lower.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  return static_cast<std::size_t>(std::stoul(lower.substr(at + 17)));
}

}  // namespace

LoopbackHttpServer::LoopbackHttpServer(std::string raw_response, Mode mode)
    : raw_response_(std::move(raw_response)), mode_(mode) {
  listen_fd_ = bound_loopback_socket(port_);
  if (::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error(std::string("listen: ") + std::strerror(errno));
  }
  thread_ = std::thread([this] { serve(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  ::close(listen_fd_);
}

int LoopbackHttpServer::unused_port() {
  int port = 0;
  int fd = bound_loopback_socket(port);
  ::close(fd);
  return port;
}

std::vector<std::string> LoopbackHttpServer::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

void LoopbackHttpServer::serve() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, kPollSliceMs) <= 0) continue;
    int connection = ::accept(listen_fd_, nullptr, nullptr);
    if (connection < 0) continue;
    handle(connection);
    ::close(connection);
  }
}

void LoopbackHttpServer::handle(int connection) {
  std::string request;
  std::size_t needed = std::string::npos;
  char buffer[4096];
  while (!stopping_) {
    pollfd readable{connection, POLLIN, 0};
    if (::poll(&readable, 1, kPollSliceMs) <= 0) continue;
    ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
    if (n <= 0) return;  // the client went away
    request.append(buffer, static_cast<std::size_t>(n));
    auto head_end = request.find("\r\n\r\n");
    if (needed == std::string::npos && head_end != std::string::npos) {
      needed = head_end + 4 + content_length(request.substr(0, head_end + 2));
    }
    if (needed != std::string::npos && request.size() >= needed) break;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(request);
  }
  if (mode_ == Mode::Silent) {
    // Hold the connection open without a word until the client gives up or the test ends.
    while (!stopping_) {
      pollfd closed{connection, POLLIN, 0};
      if (::poll(&closed, 1, kPollSliceMs) > 0 && ::recv(connection, buffer, sizeof buffer, 0) <= 0) return;
    }
    return;
  }
  std::size_t sent = 0;
  while (sent < raw_response_.size()) {
    ssize_t n = ::send(connection, raw_response_.data() + sent, raw_response_.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace azml::test
