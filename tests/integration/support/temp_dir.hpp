// A fresh private directory under the system's temporary directory, removed with everything
// in it when the object goes.
#pragma once

#include <filesystem>
#include <string>

namespace azml::test {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "azml-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string read_text_file(const std::filesystem::path& path);
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace azml::test
