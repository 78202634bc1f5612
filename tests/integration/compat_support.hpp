// Fixture files and JSON comparisons for the compatibility tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "support/test_client.hpp"

namespace azml::test::compat {

inline json load_fixture(const std::string& relative_path) {
  return json::parse(read_text_file(std::filesystem::path(AZML_TEST_FIXTURES_DIR) / relative_path));
}

// Where a comparison found a difference; empty when there is none.
using Differences = std::vector<std::string>;

// Checks that everything `sent` holds is in `got`: object keys are matched case-insensitively
// (clients send PascalCase, the host answers camelCase), and a key that was renamed must come
// back camelCase. Scalars compare by value, allowing the coercions Json.NET applies and the
// definition module copies ("false" -> false, "20" -> 20). `skip` lists dotted paths (in
// camelCase) that are not expected back: read-only and secret fields. Nulls in `sent` are not
// expected back.
Differences missing_from(const json& sent, const json& got, const std::vector<std::string>& skip);

// Checks that every key of `recorded` (recursively through objects) exists in `ours` with a
// value of the same JSON kind; values themselves may differ (ids, times, states).
Differences shape_differences(const json& recorded, const json& ours);

std::string describe(const Differences& differences);

}  // namespace azml::test::compat
