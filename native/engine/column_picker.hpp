// Azure's column picker ("column selector"), the JSON every column parameter holds:
//   {"isFilter":true,"rules":[{"ruleType":"ColumnNames","columns":["a","b"],"exclude":false},
//                             {"ruleType":"AllColumns","exclude":false},
//                             {"ruleType":"ColumnTypes","columnTypes":["Numeric"],"columnKinds":["All"],"exclude":true},
//                             {"ruleType":"ColumnIndexes","columns":["1-3","5"],"exclude":false}]}
// A plain text value (not starting with '{') is a column name, or a comma-separated list of
// names, which is how azml-train and hand-written definitions say it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/table.hpp"

namespace azml::engine {

struct ColumnRule {
  enum class Kind { ColumnNames, AllColumns, ColumnTypes, ColumnIndexes };
  Kind kind = Kind::AllColumns;
  bool exclude = false;
  std::vector<std::string> columns;  // names, or index ranges ("1-3", 1-based) for ColumnIndexes
  std::vector<std::string> column_types;  // Numeric, Integer, Double, String, Boolean, Categorical, All
  std::vector<std::string> column_kinds;  // All, Feature, Label, Score
};

class ColumnPicker {
 public:
  // Throws azml::Error(Invalid) with the reason for malformed JSON, an unknown ruleType,
  // column type or kind, or an empty selection.
  static ColumnPicker parse(std::string_view text);
  // Every column.
  static ColumnPicker all();
  static ColumnPicker names(std::vector<std::string> columns);

  // The selected column indices, in the order the rules name them (ColumnNames rules keep
  // their list's order; the other rules take the table's order). Rules apply in sequence;
  // a first rule that excludes starts from every column. A named column that the table does
  // not have throws azml::Error(Invalid) naming it and listing the table's columns.
  std::vector<size_t> select(const Table& table) const;

  const std::vector<ColumnRule>& rules() const noexcept { return rules_; }
  std::string to_json() const;

 private:
  std::vector<ColumnRule> rules_;
};

}  // namespace azml::engine
