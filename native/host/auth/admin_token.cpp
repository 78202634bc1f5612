#include "auth/admin_token.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/ready_file.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::auth {

namespace {

// 32 bytes of entropy, hex-encoded: 64 characters that survive any shell or header unquoted.
constexpr size_t kTokenBytes = 32;
constexpr size_t kMinimumTokenLength = 32;

bool is_token_character(char c) {
  // RFC 6750 b64token characters.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

std::string read_token_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Generic, "cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return trim(text.str());
}

}  // namespace

AdminToken load_or_create_admin_token(const std::filesystem::path& data_dir) {
  const auto path = data_dir / kAdminTokenFileName;
  AdminToken token;

  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    token.value = read_token_file(path);
    bool well_formed = token.value.size() >= kMinimumTokenLength;
    for (char c : token.value) well_formed = well_formed && is_token_character(c);
    if (!well_formed) {
      throw Error(ErrorCode::Invalid, path.string() +
                                          " does not hold a usable admin token (at least 32 characters of "
                                          "[A-Za-z0-9-._~+/=]); delete it and start the host again to make a new one");
    }
    // Someone widened the file's permissions; the token is a password, so take them back.
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      if (::chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0) {
        throw Error(ErrorCode::Generic, "cannot restrict the permissions of " + path.string() + ": " +
                                            std::strerror(errno));
      }
      token.permissions_tightened = true;
    }
    return token;
  }
  if (errno != ENOENT) {
    throw Error(ErrorCode::Generic, "cannot inspect " + path.string() + ": " + std::strerror(errno));
  }

  token.value = random_hex(kTokenBytes);
  token.created = true;
  app::write_file_atomically(path, token.value, 0600);
  return token;
}

}  // namespace azml::host::auth
