// Content-MD5: the integrity check Azure Storage keeps for every blob (base64 of the MD5 of the
// bytes). Not a security measure: it catches transfers that went wrong.
#pragma once

#include <string>
#include <string_view>

namespace azml {

// base64 of the 16-byte MD5 digest of data.
std::string content_md5(std::string_view data);

}  // namespace azml
