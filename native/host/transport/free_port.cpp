#include "transport/free_port.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace azml::host::transport {

std::uint16_t find_free_port(const std::string& address) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  int rc = ::getaddrinfo(address.c_str(), "0", &hints, &found);
  if (rc != 0) {
    throw Error(ErrorCode::Invalid, "cannot resolve listen address '" + address + "': " + ::gai_strerror(rc));
  }
  std::string last_error = "no usable address";
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
      last_error = std::strerror(errno);
      continue;
    }
    if (::bind(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
      last_error = std::strerror(errno);
      ::close(fd);
      continue;
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    std::uint16_t port = 0;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) == 0) {
      if (bound.ss_family == AF_INET) port = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
      if (bound.ss_family == AF_INET6) port = ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
    } else {
      last_error = std::strerror(errno);
    }
    ::close(fd);
    if (port != 0) {
      ::freeaddrinfo(found);
      return port;
    }
  }
  ::freeaddrinfo(found);
  throw Error(ErrorCode::Transport, "cannot find a free port on '" + address + "': " + last_error);
}

}  // namespace azml::host::transport
