// The host's data directory: created private (0700) on first start, and held by one host at a
// time, because two hosts on one SQLite file and one host.json would each believe it is the one
// clients should talk to.
#pragma once

#include <filesystem>

namespace azml::host::app {

// Creates dir (and missing parents) with mode 0700 when it does not exist. Throws
// azml::Error(Invalid) when it exists but is not a directory, azml::Error(Generic) on I/O errors.
void prepare_data_dir(const std::filesystem::path& dir);

// An exclusive advisory lock (flock) on DIR/host.lock, held for the lifetime of the object and
// released by the kernel if the process dies.
class DataDirLock {
 public:
  // Throws azml::Error(Conflict) naming the directory when another process holds the lock.
  explicit DataDirLock(const std::filesystem::path& dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace azml::host::app
