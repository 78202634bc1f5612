#include "engine/column_builder.hpp"

#include <cmath>

#include "common/error.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

bool is_blank(const TextCell& cell) { return !cell || cell->empty(); }

}  // namespace

ColumnType infer_column_type(const std::vector<TextCell>& cells) {
  bool any_present = false;
  bool all_numbers = true;
  bool all_int32 = true;
  bool all_booleans = true;
  for (const auto& cell : cells) {
    if (is_blank(cell)) continue;
    any_present = true;
    if (all_numbers) {
      auto number = parse_number(*cell);
      if (!number) {
        all_numbers = false;
      } else if (!std::isnan(*number) && !is_int32(*number)) {
        all_int32 = false;
      }
    }
    if (all_booleans && !parse_boolean(*cell)) all_booleans = false;
    if (!all_numbers && !all_booleans) return ColumnType::String;
  }
  if (!any_present) return ColumnType::String;
  if (all_numbers) return all_int32 ? ColumnType::Integer : ColumnType::Double;
  return all_booleans ? ColumnType::Boolean : ColumnType::String;
}

Column build_column(const std::string& name, const std::vector<TextCell>& cells, ColumnType type,
                    const std::string& what) {
  Column column(name, type);
  for (size_t row = 0; row < cells.size(); ++row) {
    const auto& cell = cells[row];
    if (is_blank(cell)) {
      column.push_missing();
      continue;
    }
    auto fail = [&]() {
      throw Error(ErrorCode::Invalid, (what.empty() ? std::string() : what + " ") + "row " + std::to_string(row + 1) +
                                          ", column '" + name + "': '" + *cell + "' is not a valid " +
                                          to_string(type) + " value");
    };
    switch (type) {
      case ColumnType::String: column.push_text(*cell); break;
      case ColumnType::Boolean: {
        auto value = parse_boolean(*cell);
        if (!value) fail();
        column.push_number(*value ? 1 : 0);
        break;
      }
      case ColumnType::Double:
      case ColumnType::Integer: {
        auto value = parse_number(*cell);
        if (!value) fail();
        if (type == ColumnType::Integer && !std::isnan(*value) && !is_int32(*value)) fail();
        column.push_number(*value);
        break;
      }
    }
  }
  return column;
}

}  // namespace azml::engine
