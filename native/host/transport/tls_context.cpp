#include "transport/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "common/error.hpp"
#include "transport/http_server.hpp"

namespace azml::host::transport {

namespace {

namespace ssl = boost::asio::ssl;

std::string read_pem_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Invalid, std::string("cannot read the TLS ") + what + " file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) throw Error(ErrorCode::Invalid, std::string("the TLS ") + what + " file " + path + " is empty");
  return text.str();
}

}  // namespace

// Fails with a message naming the file at fault, rather than failing every handshake later.
ssl::context make_server_tls_context(const std::string& certificate_file, const std::string& private_key_file) {
  const std::string certificate_pem = read_pem_file(certificate_file, "certificate");
  const std::string private_key_pem = read_pem_file(private_key_file, "private key");
  ssl::context context(ssl::context::tls_server);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  try {
    context.use_certificate_chain(boost::asio::buffer(certificate_pem));
  } catch (const std::exception& e) {
    throw Error(ErrorCode::Invalid, "cannot use the TLS certificate " + certificate_file +
                                        " (it must be a PEM certificate chain): " + e.what());
  }
  // Parsed here first, so that an encrypted key fails with this message instead of a prompt
  // for its pass phrase.
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())), &BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
  ERR_clear_error();
  if (!key) {
    throw Error(ErrorCode::Invalid, "cannot use the TLS private key " + private_key_file +
                                        ": it is not an unencrypted PEM private key");
  }
  X509* leaf = SSL_CTX_get0_certificate(context.native_handle());
  if (leaf == nullptr || X509_check_private_key(leaf, key.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::Invalid, "the TLS private key " + private_key_file + " does not belong to the certificate " +
                                        certificate_file);
  }
  if (SSL_CTX_use_PrivateKey(context.native_handle(), key.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::Invalid, "cannot use the TLS private key " + private_key_file);
  }
  return context;
}

void check_tls_files(const std::string& certificate_file, const std::string& private_key_file) {
  make_server_tls_context(certificate_file, private_key_file);
}

}  // namespace azml::host::transport
