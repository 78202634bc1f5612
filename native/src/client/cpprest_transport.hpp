// The Transport implemented with cpprestsdk's http_client. cpprestsdk was archived upstream, so
// this file pair is the only place in azml that includes it: replacing the HTTP stack means
// writing one more Transport, nothing else.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "client/transport.hpp"

namespace azml::client {

struct CpprestTransportOptions {
  // PEM file of CA certificates trusted when verifying https servers, on top of the default
  // verify paths cpprestsdk sets up; empty: the system store alone. Verification is never off.
  std::string ca_file;
};

class CpprestTransport final : public Transport {
 public:
  // Throws azml::Error(Invalid) when ca_file is given but cannot be read.
  explicit CpprestTransport(CpprestTransportOptions options = {});
  ~CpprestTransport() override;

  // Thread-safe. The whole exchange, including reading the body, must end within
  // request.timeout, else azml::Error(Timeout); no response at all is azml::Error(Transport).
  http::Response send(const http::Request& request) override;

 private:
  class Connection;  // one cpprestsdk http_client
  std::shared_ptr<Connection> connection_for(const std::string& scheme, const std::string& authority);

  CpprestTransportOptions options_;
  std::mutex mutex_;
  // One client per scheme://authority, created on first use and kept: http_client pools its
  // connections, so reuse saves a TCP (and TLS) handshake per request.
  std::map<std::string, std::shared_ptr<Connection>> connections_;
};

}  // namespace azml::client
