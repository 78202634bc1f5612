// The server side of TLS: the certificate chain and private key read from PEM files, checked to
// belong together, and the one OpenSSL context every https connection of the host shares.
#pragma once

#include <string>

#include <boost/asio/ssl/context.hpp>

namespace azml::host::transport {

// A TLS 1.2+ server context holding the certificate chain and key of the two PEM files. Throws
// azml::Error(Invalid) naming the file at fault: unreadable, empty, not PEM, an encrypted key,
// or a key that does not belong to the certificate.
boost::asio::ssl::context make_server_tls_context(const std::string& certificate_file,
                                                  const std::string& private_key_file);

}  // namespace azml::host::transport
