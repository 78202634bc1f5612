#include "app/data_dir.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace azml::host::app {

void prepare_data_dir(const std::filesystem::path& dir) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0) {
    if (!S_ISDIR(info.st_mode)) throw Error(ErrorCode::Invalid, "the data directory " + dir.string() + " is not a directory");
    return;
  }
  if (errno != ENOENT) {
    throw Error(ErrorCode::Generic, "cannot inspect the data directory " + dir.string() + ": " + std::strerror(errno));
  }
  const auto parent = std::filesystem::absolute(dir).parent_path();
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) throw Error(ErrorCode::Generic, "cannot create " + parent.string() + ": " + ec.message());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error(ErrorCode::Generic, "cannot create the data directory " + dir.string() + ": " + std::strerror(errno));
  }
  // mkdir's mode is filtered by the umask; say exactly what is meant.
  if (::chmod(dir.c_str(), 0700) != 0) {
    throw Error(ErrorCode::Generic, "cannot set the permissions of " + dir.string() + ": " + std::strerror(errno));
  }
}

DataDirLock::DataDirLock(const std::filesystem::path& dir) {
  const auto path = dir / "host.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw Error(ErrorCode::Generic, "cannot open " + path.string() + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw Error(ErrorCode::Conflict, "another azml-host is already serving the data directory " + dir.string() +
                                           " (see its host.json); stop it first or use another --data-dir");
    }
    throw Error(ErrorCode::Generic, "cannot lock " + path.string() + ": " + std::strerror(err));
  }
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace azml::host::app
