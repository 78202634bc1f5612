// The admin bearer token that guards the management API. Made at the host's first start and
// kept in the data directory, readable by its owner only, so that the programs started by the
// same user (the AzMl module, tests, scripts) can read it and nobody else can.
#pragma once

#include <filesystem>
#include <string>

namespace azml::host::auth {

// The file name inside the data directory.
inline constexpr const char* kAdminTokenFileName = "admin-token";

struct AdminToken {
  std::string value;
  bool created = false;          // true when this call made a new token
  bool permissions_tightened = false;  // true when an existing file was readable by others and was chmod'ed to 0600
};

// Reads DATA/admin-token, or makes a new random token (32 random bytes, hex) and writes it
// atomically with mode 0600. Throws azml::Error(Invalid) when the file exists but does not hold
// a usable token (the message says to delete it), azml::Error(Generic) on I/O failures.
AdminToken load_or_create_admin_token(const std::filesystem::path& data_dir);

}  // namespace azml::host::auth
