// azml-host put together: data directory, SQLite store, catalog, admin token, HTTP server and
// the host.json that tells other programs where it listens.
#pragma once

#include <memory>
#include <string>

#include "app/logger.hpp"
#include "app/options.hpp"

namespace azml::host::app {

inline constexpr const char* kDatabaseFileName = "azml.db";
inline constexpr const char* kReadyFileName = "host.json";
inline constexpr const char* kBlobsFolderName = "blobs";

class Host {
 public:
  Host(HostOptions options, Logger& logger);
  ~Host();  // stops the host if it runs
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // Prepares the data directory, opens the store, makes or reads the admin token, starts
  // listening and writes host.json. Throws azml::Error with a message fit for the operator.
  void start();
  // Stops listening (requests in flight finish), removes host.json. Idempotent.
  void stop();

  // "http://127.0.0.1:PORT" while the host runs; empty otherwise.
  const std::string& endpoint() const;
  const std::string& subscription_id() const;

 private:
  struct State;
  HostOptions options_;
  Logger& logger_;
  std::unique_ptr<State> state_;
};

}  // namespace azml::host::app
