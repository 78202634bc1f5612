// The names a blob address is made of, checked before any of them reaches the file system.
// Account and container names follow Azure's rules exactly. Blob names follow Azure's (1 to 1024
// characters) plus what a name needs to be a safe relative path in the file store: no empty,
// "." or ".." segment, no leading or trailing '/', no backslash, NUL or other control character,
// valid UTF-8, and no segment longer than the file system allows.
#pragma once

#include <string>

namespace azml::host::blobs {

// Each throws azml::Error(Invalid) with service code "InvalidResourceName" (HTTP 400) and a
// message saying which rule the name breaks.
void check_account_name(const std::string& name);
void check_container_name(const std::string& name);
void check_blob_name(const std::string& name);

}  // namespace azml::host::blobs
