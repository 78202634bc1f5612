// A self-signed certificate for 127.0.0.1 and localhost, made with OpenSSL for the TLS tests.
#pragma once

#include <filesystem>

namespace azml::test {

struct CertificateFiles {
  std::filesystem::path certificate;  // PEM; also the CA a client trusts
  std::filesystem::path private_key;  // PEM, unencrypted
};

// Writes cert.pem and key.pem into dir: an EC P-256 key and a certificate valid for a day,
// subject CN=localhost, subjectAltName DNS:localhost, IP:127.0.0.1. Throws std::runtime_error.
CertificateFiles make_self_signed_certificate(const std::filesystem::path& dir, const char* stem = "host");

}  // namespace azml::test
