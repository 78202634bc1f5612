// Split Data's "Split Rows": which rows go to the first output and which to the second.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/table.hpp"

namespace azml::engine {

struct RowSplit {
  std::vector<size_t> first;   // ascending row indices
  std::vector<size_t> second;  // ascending row indices
};

// round(fraction x rows) rows go first. Randomized splits shuffle with a seeded
// Mersenne Twister and a portable Fisher-Yates (the same rows on every platform); otherwise
// the first rows in order go first. With `strata`, each distinct value of that column (missing
// values forming one group) is split by the fraction separately.
RowSplit split_rows(size_t rows, double fraction, bool randomized, std::uint64_t seed, const Column* strata = nullptr);

}  // namespace azml::engine
