// Finding a free TCP port for "--port 0": the host must know its port before its server starts
// (its handlers' absolute URLs and host.json name it), so it asks the kernel for one by binding
// a socket to port 0 on the listen address.
#pragma once

#include <cstdint>
#include <string>

namespace azml::host::transport {

// Binds a TCP socket to (address, 0), reads the port the kernel chose, closes the socket.
// address is a numeric IPv4 or IPv6 address or a host name. Throws azml::Error(Invalid) when
// the address does not resolve, azml::Error(Transport) when nothing can be bound.
std::uint16_t find_free_port(const std::string& address);

}  // namespace azml::host::transport
