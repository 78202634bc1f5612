// Builds typed columns from text cells, as CSV files and RRS requests deliver them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/table.hpp"

namespace azml::engine {

// One cell: nullopt or empty text is a missing value.
using TextCell = std::optional<std::string>;

// Infers the column's type: Integer when every present value is a whole number within Int32,
// Double when every present value is a number, Boolean when every present value is
// true/false, String otherwise (and when every value is missing).
ColumnType infer_column_type(const std::vector<TextCell>& cells);

// Builds the column with the given type. A value that does not parse as that type throws
// azml::Error(Invalid) "<what> row N, column 'name': 'x' is not a valid Double value", with
// N 1-based.
Column build_column(const std::string& name, const std::vector<TextCell>& cells, ColumnType type,
                    const std::string& what = "");

}  // namespace azml::engine
