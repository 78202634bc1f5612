// Azurite's blob service (Microsoft's Azure Storage emulator, installed from npm by the
// azurite_install test) on a free loopback port, with its data in a temporary directory, for the
// lifetime of the object. Shared by the blob client round trip and the batch job round trip.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "support/temp_dir.hpp"

namespace azml::test {

// Azurite's well-known development account (published by Microsoft; it guards nothing).
inline constexpr const char* kAzuriteAccount = "devstoreaccount1";
inline constexpr const char* kAzuriteKey =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

class AzuriteProcess {
 public:
  // Starts `program` (azurite-blob) and waits until it listens. Throws std::runtime_error with
  // its output when it exits first or is not installed.
  explicit AzuriteProcess(const std::string& program);
  ~AzuriteProcess();  // SIGTERM, then waits
  AzuriteProcess(const AzuriteProcess&) = delete;
  AzuriteProcess& operator=(const AzuriteProcess&) = delete;

  // "http://127.0.0.1:<port>/devstoreaccount1".
  std::string blob_endpoint() const;
  // The development account's connection string on this endpoint.
  std::string connection_string() const;

 private:
  TempDir dir_{"azml-azurite"};
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace azml::test
