// Shared helpers for the engine tests: data paths, small tables, error checks.
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "engine/csv.hpp"
#include "engine/model_header.hpp"
#include "engine/table.hpp"

// Printing for Boost.Test's messages.
namespace azml {
inline std::ostream& operator<<(std::ostream& out, ErrorCode code) { return out << to_string(code); }
namespace engine {
inline std::ostream& operator<<(std::ostream& out, ColumnType type) { return out << to_string(type); }
inline std::ostream& operator<<(std::ostream& out, ColumnRole role) { return out << to_string(role); }
inline std::ostream& operator<<(std::ostream& out, LearnerKind kind) { return out << to_string(kind); }
}  // namespace engine
}  // namespace azml

namespace azml::engine::test {

inline std::string data_path(const std::string& name) { return std::string(AZML_ENGINE_TEST_DATA_DIR) + "/" + name; }

inline Table load_data(const std::string& name) { return read_csv_file(data_path(name)); }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A fresh directory under the system temporary directory, removed at the end of the scope.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("azml-engine-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs `action` and checks it throws azml::Error whose message contains every fragment.
template <typename Action>
void check_error(Action&& action, std::initializer_list<std::string> fragments) {
  try {
    action();
  } catch (const azml::Error& e) {
    const std::string message = e.what();
    for (const auto& fragment : fragments) {
      BOOST_TEST_CONTEXT("message: " << message) { BOOST_TEST(message.find(fragment) != std::string::npos, "missing '" << fragment << "'"); }
    }
    return;
  }
  BOOST_FAIL("no azml::Error was thrown");
}

}  // namespace azml::engine::test
