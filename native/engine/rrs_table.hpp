// Tables in the request-response (RRS) wire forms:
//   non-swagger {"ColumnNames":[...],"Values":[[...],...]} (responses add "ColumnTypes"),
//   swagger     [{"column":"value",...},...].
// Values arrive as JSON strings, numbers, booleans or null; responses carry strings, as
// Azure's did.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/json.hpp"
#include "engine/table.hpp"

namespace azml::engine {

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::String;
};

// The columns a web service input declares (its Swagger TableSpecification), in order.
using TableSchema = std::vector<ColumnSpec>;

// Reads a TableSpecification ({"properties":{"col":{"type":"Number","format":"Double"},...}}):
// Integer -> Integer, Number -> Double, Boolean -> Boolean, String and anything else -> String.
TableSchema schema_from_specification(const json& table_specification);

// Converts one RRS input ("input1": {...}); "ColumnNames" is required. With a schema, every
// schema column must be given (in any order), no other column may be, and each value must
// have the declared type; without one, types are inferred as for CSV. Errors
// (azml::Error(Invalid)) name the input, the 1-based row and the column.
// The schema's own order is not used: azml::json sorts object members, so the order of a
// definition's input columns is not known once it has been parsed.
Table table_from_rrs(const json& input, const std::string& input_name, const TableSchema* schema = nullptr);
// The swagger form: an array of row objects.
Table table_from_rrs_rows(const json& rows, const std::string& input_name, const TableSchema* schema = nullptr);

// {"ColumnNames":[...],"ColumnTypes":["Double","Int32","String","Boolean"],"Values":[[...]]}
// with every value a string and missing values null.
json table_to_rrs(const Table& table);
// [{"column":"value",...}], missing values null.
json table_to_rrs_rows(const Table& table);

// Azure's RRS name for a column type: Double, Int32, String, Boolean.
const char* rrs_type_name(ColumnType type) noexcept;

}  // namespace azml::engine
