#include "app/ready_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/crypto.hpp"
#include "common/error.hpp"

namespace azml::host::app {

void write_file_atomically(const std::filesystem::path& path, const std::string& content, unsigned mode) {
  auto tmp = path;
  tmp += ".tmp-" + random_hex(6);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) {
    throw Error(ErrorCode::Generic, "cannot create " + tmp.string() + ": " + std::strerror(errno));
  }
  ::fchmod(fd, static_cast<mode_t>(mode));  // the umask must not widen or narrow what was asked
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error(ErrorCode::Generic, "cannot write " + tmp.string() + ": " + std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::Generic, "cannot flush " + tmp.string() + ": " + std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::Generic, "cannot rename " + tmp.string() + " to " + path.string() + ": " + std::strerror(err));
  }
}

}  // namespace azml::host::app
