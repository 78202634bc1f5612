#include "engine/rrs_table.hpp"

#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/json_lookup.hpp"
#include "engine/column_builder.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, message); }

// One JSON value as a text cell; `where` names it for errors.
TextCell cell_from_json(const json& value, const std::string& where) {
  switch (value.type()) {
    case json::value_t::null: return std::nullopt;
    case json::value_t::string: return value.get<std::string>();
    case json::value_t::boolean: return std::string(format_boolean(value.get<bool>()));
    case json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
    case json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
    case json::value_t::number_float: return format_number(value.get<double>());
    default: invalid(where + ": a value must be a string, a number, a boolean or null, not " + value.type_name());
  }
}

const ColumnSpec* find_spec(const TableSchema& schema, const std::string& name) {
  for (const auto& spec : schema) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// Builds the table from column names and per-column cells, checking them against the schema.
Table build_table(const std::vector<std::string>& names, const std::vector<std::vector<TextCell>>& cells,
                  const std::string& input_name, const TableSchema* schema) {
  if (schema) {
    std::vector<std::string> missing;
    for (const auto& spec : *schema) {
      bool given = false;
      for (const auto& name : names) given = given || name == spec.name;
      if (!given) missing.push_back(spec.name);
    }
    if (!missing.empty()) {
      invalid("input '" + input_name + "': the column" + (missing.size() > 1 ? "s " : " ") + quote_names(missing) +
              (missing.size() > 1 ? " are" : " is") + " required by the service's input schema");
    }
  }
  Table table;
  const std::string what = "input '" + input_name + "'";
  for (size_t c = 0; c < names.size(); ++c) {
    ColumnType type;
    if (schema) {
      const ColumnSpec* spec = find_spec(*schema, names[c]);
      if (!spec) {
        std::vector<std::string> expected;
        for (const auto& s : *schema) expected.push_back(s.name);
        invalid(what + ": the column '" + names[c] + "' is not in the service's input schema, which has " +
                quote_names(expected));
      }
      type = spec->type;
    } else {
      type = infer_column_type(cells[c]);
    }
    table.add_column(build_column(names[c], cells[c], type, what));
  }
  return table;
}

void check_unique(const std::vector<std::string>& names, const std::string& input_name) {
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (names[i] == names[j]) invalid("input '" + input_name + "': the column '" + names[i] + "' is given twice");
    }
  }
}

}  // namespace

const char* rrs_type_name(ColumnType type) noexcept {
  switch (type) {
    case ColumnType::Double: return "Double";
    case ColumnType::Integer: return "Int32";
    case ColumnType::String: return "String";
    case ColumnType::Boolean: return "Boolean";
  }
  return "String";
}

TableSchema schema_from_specification(const json& table_specification) {
  TableSchema schema;
  if (!table_specification.is_object()) return schema;
  const json* properties = find_member(table_specification, "properties");
  if (!properties || !properties->is_object()) return schema;
  for (auto it = properties->begin(); it != properties->end(); ++it) {
    ColumnSpec spec{it.key(), ColumnType::String};
    if (it.value().is_object()) {
      const json* type = find_member(it.value(), "type");
      std::string type_name = type && type->is_string() ? to_lower(type->get<std::string>()) : "string";
      if (type_name == "integer") {
        spec.type = ColumnType::Integer;
      } else if (type_name == "number") {
        spec.type = ColumnType::Double;
      } else if (type_name == "boolean") {
        spec.type = ColumnType::Boolean;
      }
    }
    schema.push_back(std::move(spec));
  }
  return schema;
}

Table table_from_rrs(const json& input, const std::string& input_name, const TableSchema* schema) {
  if (!input.is_object()) {
    invalid("input '" + input_name + "' must be an object with \"ColumnNames\" and \"Values\", not " + input.type_name());
  }
  const json* names_json = find_member(input, "ColumnNames");
  const json* values_json = find_member(input, "Values");
  if (!values_json || !values_json->is_array()) {
    invalid("input '" + input_name + "': \"Values\" must be an array of rows");
  }
  std::vector<std::string> names;
  if (names_json && !names_json->is_null()) {
    if (!names_json->is_array()) invalid("input '" + input_name + "': \"ColumnNames\" must be an array of strings");
    for (size_t i = 0; i < names_json->size(); ++i) {
      const json& name = (*names_json)[i];
      if (!name.is_string() || name.get<std::string>().empty()) {
        invalid("input '" + input_name + "': ColumnNames[" + std::to_string(i) + "] must be a non-empty string");
      }
      names.push_back(name.get<std::string>());
    }
  } else {
    // Rows without names would have to follow the schema's column order, which azml::json
    // does not keep (it sorts object members): refuse rather than guess.
    invalid("input '" + input_name + "': \"ColumnNames\" is required");
  }
  check_unique(names, input_name);

  std::vector<std::vector<TextCell>> cells(names.size());
  for (size_t row = 0; row < values_json->size(); ++row) {
    const json& values = (*values_json)[row];
    const std::string row_label = "input '" + input_name + "', row " + std::to_string(row + 1);
    if (!values.is_array()) invalid(row_label + ": a row must be an array of values");
    if (values.size() != names.size()) {
      invalid(row_label + ": " + std::to_string(values.size()) + " values for " + std::to_string(names.size()) +
              " columns");
    }
    for (size_t c = 0; c < names.size(); ++c) {
      cells[c].push_back(cell_from_json(values[c], row_label + ", column '" + names[c] + "'"));
    }
  }
  return build_table(names, cells, input_name, schema);
}

Table table_from_rrs_rows(const json& rows, const std::string& input_name, const TableSchema* schema) {
  if (!rows.is_array()) invalid("input '" + input_name + "' must be an array of row objects");
  std::vector<std::string> names;
  std::map<std::string, size_t> index;
  if (schema) {
    for (const auto& spec : *schema) {
      index.emplace(spec.name, names.size());
      names.push_back(spec.name);
    }
  }
  // The first pass collects the column names in first-seen order.
  for (size_t row = 0; row < rows.size(); ++row) {
    const json& object = rows[row];
    if (!object.is_object()) {
      invalid("input '" + input_name + "', row " + std::to_string(row + 1) + ": a row must be an object");
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!index.count(it.key())) {
        index.emplace(it.key(), names.size());
        names.push_back(it.key());
      }
    }
  }
  std::vector<std::vector<TextCell>> cells(names.size());
  for (size_t row = 0; row < rows.size(); ++row) {
    const json& object = rows[row];
    const std::string row_label = "input '" + input_name + "', row " + std::to_string(row + 1);
    for (size_t c = 0; c < names.size(); ++c) {
      auto it = object.find(names[c]);
      cells[c].push_back(it == object.end() ? TextCell{}
                                            : cell_from_json(*it, row_label + ", column '" + names[c] + "'"));
    }
  }
  return build_table(names, cells, input_name, schema);
}

json table_to_rrs(const Table& table) {
  json names = json::array();
  json types = json::array();
  for (const auto& column : table.columns()) {
    names.push_back(column.name());
    types.push_back(rrs_type_name(column.type()));
  }
  json values = json::array();
  for (size_t row = 0; row < table.row_count(); ++row) {
    json line = json::array();
    for (const auto& column : table.columns()) {
      if (column.is_missing(row)) {
        line.push_back(nullptr);
      } else {
        line.push_back(column.to_text(row));
      }
    }
    values.push_back(std::move(line));
  }
  return json{{"ColumnNames", std::move(names)}, {"ColumnTypes", std::move(types)}, {"Values", std::move(values)}};
}

json table_to_rrs_rows(const Table& table) {
  json rows = json::array();
  for (size_t row = 0; row < table.row_count(); ++row) {
    json object = json::object();
    for (const auto& column : table.columns()) {
      object[column.name()] = column.is_missing(row) ? json(nullptr) : json(column.to_text(row));
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

}  // namespace azml::engine
