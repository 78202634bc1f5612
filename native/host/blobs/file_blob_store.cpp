// The BlobStore on the local file system:
//
//   <root>/<account>/<container>/<name>                      the blob's bytes
//   <root>/<account>/.azml-properties/<container>/<name>      its properties (JSON)
//   <root>/<account>/.azml-uploads/                           uploads being written
//
// Container names cannot start with '.', so the two dot-folders never collide with a container.
// An upload is written and flushed under .azml-uploads, then renamed into place, properties
// first: a reader opens the old bytes or the new ones, never a part. The renames happen under an
// exclusive lock and readers open a blob under a shared one, so bytes and properties always
// belong together; a blob left without matching properties by a crash between the two renames
// gets its properties recomputed from its bytes.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <shared_mutex>
#include <sstream>

#include "blobs/blob_names.hpp"
#include "blobs/blob_store.hpp"
#include "common/content_md5.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

namespace fs = std::filesystem;

constexpr const char* kPropertiesFolder = ".azml-properties";
constexpr const char* kUploadsFolder = ".azml-uploads";
constexpr const char* kDefaultContentType = "application/octet-stream";

Error io_error(const std::string& what, const fs::path& path, int error_number) {
  return Error(ErrorCode::Generic,
               "blob store: cannot " + what + " " + path.string() + ": " + std::strerror(error_number));
}

Error container_not_found(const std::string& container) {
  return Error(ErrorCode::NotFound, "ContainerNotFound", "The specified container '" + container + "' does not exist.")
      .with_http_status(404);
}

Error path_conflict(const std::string& name, const std::string& reason) {
  return Error(ErrorCode::Conflict, "PathConflict",
               "The blob name '" + name + "' cannot be used: " + reason +
                   ". azml-host keeps blobs as files, so a name cannot be both a blob and a virtual directory.")
      .with_http_status(409);
}

// Writes data to a new file and flushes it to disk.
void write_synced_file(const fs::path& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw io_error("create", path, errno);
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      throw io_error("write", path, err);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(path.c_str());
    throw io_error("flush", path, err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    throw io_error("close", path, err);
  }
}

// Makes a rename durable: the directory entry is flushed too.
void sync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // durability is best effort here; the rename itself has happened
  ::fsync(fd);
  ::close(fd);
}

std::optional<std::string> read_whole(std::ifstream& in) {
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

json properties_json(const BlobProperties& p) {
  return json{{"size", p.size},
              {"contentType", p.content_type},
              {"etag", p.etag},
              {"lastModified", p.last_modified},
              {"contentMd5", p.content_md5}};
}

std::optional<BlobProperties> read_properties_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  json parsed = json::parse(in, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  BlobProperties p;
  try {
    p.size = parsed.at("size").get<std::uint64_t>();
    p.content_type = parsed.at("contentType").get<std::string>();
    p.etag = parsed.at("etag").get<std::string>();
    p.last_modified = parsed.at("lastModified").get<std::string>();
    p.content_md5 = parsed.at("contentMd5").get<std::string>();
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return p;
}

std::string etag_of_ticks(std::uint64_t ticks) {
  char text[32];
  std::snprintf(text, sizeof text, "\"0x%" PRIX64 "\"", ticks);
  return text;
}

// 100 ns intervals since 1601 (Windows file time), the clock Azure's ETags are made from.
std::uint64_t file_time_ticks(Clock::time_point t) {
  constexpr std::uint64_t kTicksFrom1601To1970 = 116444736000000000ULL;
  const auto since_1970 = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  return kTicksFrom1601To1970 + static_cast<std::uint64_t>(since_1970 / 100);
}

class FileBlobStore final : public BlobStore {
 public:
  explicit FileBlobStore(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec) throw Error(ErrorCode::Generic, "blob store: cannot create " + root_.string() + ": " + ec.message());
    fs::permissions(root_, fs::perms::owner_all, ec);
    discard_unfinished_uploads();
  }

  void create_container(const std::string& account, const std::string& container) override {
    check_account_name(account);
    check_container_name(container);
    std::unique_lock<std::shared_mutex> lock(mutex_);
    std::error_code ec;
    fs::create_directories(root_ / account, ec);
    if (ec)
      throw Error(ErrorCode::Generic, "blob store: cannot create " + (root_ / account).string() + ": " + ec.message());
    const fs::path dir = container_dir(account, container);
    if (::mkdir(dir.c_str(), 0700) != 0) {
      if (errno == EEXIST) {
        throw Error(ErrorCode::Conflict, "ContainerAlreadyExists", "The specified container already exists.")
            .with_http_status(409);
      }
      throw io_error("create", dir, errno);
    }
    sync_directory(root_ / account);
  }

  bool container_exists(const std::string& account, const std::string& container) override {
    check_account_name(account);
    check_container_name(container);
    std::error_code ec;
    return fs::is_directory(container_dir(account, container), ec);
  }

  BlobProperties put_blob(const std::string& account, const std::string& container, const std::string& name,
                          std::string_view data, const std::string& content_type) override {
    check_names(account, container, name);
    if (!container_exists(account, container)) throw container_not_found(container);

    BlobProperties properties;
    properties.size = data.size();
    properties.content_type = content_type.empty() ? kDefaultContentType : content_type;
    properties.content_md5 = content_md5(data);
    const Clock::time_point now = Clock::now();
    properties.etag = etag_of_ticks(next_etag_ticks(now));
    properties.last_modified = format_rfc1123(now);

    const fs::path uploads = root_ / account / kUploadsFolder;
    std::error_code ec;
    fs::create_directories(uploads, ec);
    if (ec) throw Error(ErrorCode::Generic, "blob store: cannot create " + uploads.string() + ": " + ec.message());
    const std::string stem = random_hex(12);
    const fs::path data_upload = uploads / (stem + ".data");
    const fs::path properties_upload = uploads / (stem + ".json");
    // The bytes go to disk outside the lock: only the renames need it.
    write_synced_file(data_upload, data);
    try {
      write_synced_file(properties_upload, properties_json(properties).dump());
      std::unique_lock<std::shared_mutex> lock(mutex_);
      if (!container_exists(account, container)) throw container_not_found(container);
      const fs::path target = data_path(account, container, name);
      const fs::path properties_target = properties_path(account, container, name);
      make_parents(container_dir(account, container), name);
      make_parents(properties_root(account, container), name);
      if (fs::is_directory(target, ec)) path_conflict_for_directory(name);
      rename_into_place(properties_upload, properties_target);
      rename_into_place(data_upload, target);
    } catch (...) {
      ::unlink(data_upload.c_str());
      ::unlink(properties_upload.c_str());
      throw;
    }
    return properties;
  }

  std::optional<std::string> get_blob(const std::string& account, const std::string& container, const std::string& name,
                                      BlobProperties* properties) override {
    check_names(account, container, name);
    std::ifstream in;
    std::optional<BlobProperties> stored;
    {
      std::shared_lock<std::shared_mutex> lock(mutex_);
      if (!is_blob_file(data_path(account, container, name))) return std::nullopt;
      in.open(data_path(account, container, name), std::ios::binary);
      if (!in) return std::nullopt;
      stored = read_properties_file(properties_path(account, container, name));
    }
    // The open stream keeps these bytes even if a writer replaces the blob from here on.
    auto data = read_whole(in);
    if (!data) throw Error(ErrorCode::Generic, "blob store: cannot read blob '" + name + "'");
    if (properties) {
      *properties = stored && stored->size == data->size()
                        ? *stored
                        : recomputed_properties(data_path(account, container, name), *data);
    }
    return data;
  }

  std::optional<BlobProperties> get_properties(const std::string& account, const std::string& container,
                                               const std::string& name) override {
    check_names(account, container, name);
    std::shared_lock<std::shared_mutex> lock(mutex_);
    return properties_of(account, container, name);
  }

  bool delete_blob(const std::string& account, const std::string& container, const std::string& name) override {
    check_names(account, container, name);
    std::unique_lock<std::shared_mutex> lock(mutex_);
    const fs::path target = data_path(account, container, name);
    if (!is_blob_file(target)) return false;
    if (::unlink(target.c_str()) != 0) throw io_error("delete", target, errno);
    ::unlink(properties_path(account, container, name).c_str());
    remove_empty_parents(target.parent_path(), container_dir(account, container));
    remove_empty_parents(properties_path(account, container, name).parent_path(), properties_root(account, container));
    sync_directory(target.parent_path());
    return true;
  }

  BlobListing list_blobs(const std::string& account, const std::string& container, const std::string& prefix,
                         const std::string& marker, size_t max_results) override {
    check_account_name(account);
    check_container_name(container);
    if (max_results == 0) throw Error(ErrorCode::Invalid, "list_blobs needs max_results of at least 1");
    std::shared_lock<std::shared_mutex> lock(mutex_);
    const fs::path dir = container_dir(account, container);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw container_not_found(container);

    std::vector<std::string> names;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
      std::string name = it->path().lexically_relative(dir).generic_string();
      if (starts_with(name, prefix) && name > marker) names.push_back(std::move(name));
    }
    if (ec) throw Error(ErrorCode::Generic, "blob store: cannot list " + dir.string() + ": " + ec.message());
    std::sort(names.begin(), names.end());

    BlobListing listing;
    for (const auto& name : names) {
      if (listing.items.size() == max_results) {
        listing.next_marker = listing.items.back().name;
        break;
      }
      // A name that fails the rules (put there by hand) is left out rather than failing the list.
      try {
        check_blob_name(name);
      } catch (const Error&) {
        continue;
      }
      if (auto properties = properties_of(account, container, name)) listing.items.push_back({name, *properties});
    }
    return listing;
  }

 private:
  fs::path container_dir(const std::string& account, const std::string& container) const {
    return root_ / account / container;
  }
  fs::path properties_root(const std::string& account, const std::string& container) const {
    return root_ / account / kPropertiesFolder / container;
  }
  fs::path data_path(const std::string& account, const std::string& container, const std::string& name) const {
    return container_dir(account, container) / fs::path(name);
  }
  fs::path properties_path(const std::string& account, const std::string& container, const std::string& name) const {
    return properties_root(account, container) / fs::path(name);
  }

  static void check_names(const std::string& account, const std::string& container, const std::string& name) {
    check_account_name(account);
    check_container_name(container);
    check_blob_name(name);
  }

  static bool is_blob_file(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    return !ec && fs::is_regular_file(status);
  }

  [[noreturn]] static void path_conflict_for_directory(const std::string& name) {
    throw path_conflict(name, "other blobs already use it as a virtual directory");
  }

  // Creates the virtual directories of name under base; a blob already standing where one is
  // needed is a conflict.
  static void make_parents(const fs::path& base, const std::string& name) {
    fs::path dir = base;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(ErrorCode::Generic, "blob store: cannot create " + dir.string() + ": " + ec.message());
    const auto segments = split(name, '/');
    for (size_t i = 0; i + 1 < segments.size(); ++i) {
      dir /= segments[i];
      if (::mkdir(dir.c_str(), 0700) == 0 || (errno == EEXIST && fs::is_directory(fs::symlink_status(dir, ec)))) {
        continue;
      }
      if (errno == EEXIST) {
        throw path_conflict(name, "the blob '" + dir.lexically_relative(base).generic_string() +
                                      "' exists, and a blob cannot hold other blobs");
      }
      throw io_error("create", dir, errno);
    }
  }

  static void rename_into_place(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) throw io_error("rename into place", to, errno);
    sync_directory(to.parent_path());
  }

  // Removes the virtual directories a deleted blob leaves empty, up to (not including) stop.
  static void remove_empty_parents(fs::path dir, const fs::path& stop) {
    while (dir != stop && dir.native().size() > stop.native().size()) {
      if (::rmdir(dir.c_str()) != 0) return;  // not empty (or gone): leave it
      dir = dir.parent_path();
    }
  }

  // Under the lock (shared or exclusive).
  std::optional<BlobProperties> properties_of(const std::string& account, const std::string& container,
                                              const std::string& name) const {
    const fs::path target = data_path(account, container, name);
    if (!is_blob_file(target)) return std::nullopt;
    std::error_code ec;
    const auto size = fs::file_size(target, ec);
    if (ec) return std::nullopt;
    auto stored = read_properties_file(properties_path(account, container, name));
    if (stored && stored->size == size) return stored;
    std::ifstream in(target, std::ios::binary);
    auto data = in ? read_whole(in) : std::nullopt;
    if (!data) return std::nullopt;
    return recomputed_properties(target, *data);
  }

  // Properties for bytes whose own were lost (a crash between the two renames of a put).
  static BlobProperties recomputed_properties(const fs::path& path, const std::string& data) {
    BlobProperties p;
    p.size = data.size();
    p.content_type = kDefaultContentType;
    p.content_md5 = content_md5(data);
    struct stat info {};
    Clock::time_point modified = Clock::now();
    if (::stat(path.c_str(), &info) == 0) {
      modified = Clock::time_point(std::chrono::duration_cast<Clock::duration>(
          std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec)));
    }
    p.etag = etag_of_ticks(file_time_ticks(modified));
    p.last_modified = format_rfc1123(modified);
    return p;
  }

  // Strictly increasing, so that two writes in the same 100 ns never share an ETag.
  std::uint64_t next_etag_ticks(Clock::time_point now) {
    const std::uint64_t wanted = file_time_ticks(now);
    std::uint64_t previous = last_etag_ticks_.load();
    for (;;) {
      const std::uint64_t next = std::max(wanted, previous + 1);
      if (last_etag_ticks_.compare_exchange_weak(previous, next)) return next;
    }
  }

  // Uploads a previous run left half-written (it died mid-put); one host owns the data
  // directory, so nothing else can be writing them.
  void discard_unfinished_uploads() {
    std::error_code ec;
    for (fs::directory_iterator account(root_, ec), end; !ec && account != end; account.increment(ec)) {
      const fs::path uploads = account->path() / kUploadsFolder;
      std::error_code inner;
      for (fs::directory_iterator file(uploads, inner), none; !inner && file != none; file.increment(inner)) {
        std::error_code ignored;
        fs::remove(file->path(), ignored);
      }
    }
  }

  fs::path root_;
  std::shared_mutex mutex_;
  std::atomic<std::uint64_t> last_etag_ticks_{0};
};

}  // namespace

std::unique_ptr<BlobStore> open_file_blob_store(const std::filesystem::path& root) {
  return std::make_unique<FileBlobStore>(root);
}

}  // namespace azml::host::blobs
