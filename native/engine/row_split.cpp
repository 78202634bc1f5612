#include "engine/row_split.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace azml::engine {

namespace {

// Fisher-Yates with a bias-free bounded draw: std::shuffle and std::uniform_int_distribution
// differ between standard libraries, and a split must not change with the compiler.
void shuffle(std::vector<size_t>& items, std::mt19937_64& generator) {
  for (size_t i = items.size(); i > 1; --i) {
    const std::uint64_t bound = i;
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t draw = 0;
    do {
      draw = generator();
    } while (draw >= limit);
    std::swap(items[i - 1], items[draw % bound]);
  }
}

void split_group(std::vector<size_t> group, double fraction, bool randomized, std::mt19937_64& generator,
                 RowSplit& out) {
  if (randomized) shuffle(group, generator);
  const auto take = static_cast<size_t>(std::llround(fraction * static_cast<double>(group.size())));
  out.first.insert(out.first.end(), group.begin(), group.begin() + static_cast<std::ptrdiff_t>(take));
  out.second.insert(out.second.end(), group.begin() + static_cast<std::ptrdiff_t>(take), group.end());
}

}  // namespace

RowSplit split_rows(size_t rows, double fraction, bool randomized, std::uint64_t seed, const Column* strata) {
  std::mt19937_64 generator(seed);
  RowSplit out;
  if (strata) {
    std::map<std::string, std::vector<size_t>> groups;  // ordered, so the draw order is stable
    for (size_t row = 0; row < rows; ++row) {
      groups[strata->is_missing(row) ? std::string("\x01missing") : "=" + strata->to_text(row)].push_back(row);
    }
    for (auto& [key, group] : groups) split_group(std::move(group), fraction, randomized, generator, out);
  } else {
    std::vector<size_t> all(rows);
    for (size_t row = 0; row < rows; ++row) all[row] = row;
    split_group(std::move(all), fraction, randomized, generator, out);
  }
  std::sort(out.first.begin(), out.first.end());
  std::sort(out.second.begin(), out.second.end());
  return out;
}

}  // namespace azml::engine
