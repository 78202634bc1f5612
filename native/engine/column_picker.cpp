#include "engine/column_picker.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/json.hpp"
#include "common/strings.hpp"
#include "engine/json_lookup.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw Error(ErrorCode::Invalid, "column selection: " + message);
}

std::vector<std::string> string_list(const json& rule, std::string_view key, size_t rule_index) {
  std::vector<std::string> out;
  const json* list = find_member(rule, key);
  if (!list || list->is_null()) return out;
  if (!list->is_array()) invalid("rules[" + std::to_string(rule_index) + "]." + std::string(key) + " must be an array");
  for (const auto& item : *list) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else if (item.is_number_integer()) {
      out.push_back(std::to_string(item.get<long long>()));
    } else {
      invalid("rules[" + std::to_string(rule_index) + "]." + std::string(key) + " must hold strings");
    }
  }
  return out;
}

bool type_matches(const Column& column, const std::string& wanted) {
  std::string w = to_lower(wanted);
  if (w == "all" || w == "any") return true;
  if (w == "numeric") return column.is_numeric();
  if (w == "integer") return column.type() == ColumnType::Integer;
  if (w == "double") return column.type() == ColumnType::Double;
  if (w == "string") return column.type() == ColumnType::String;
  if (w == "boolean") return column.type() == ColumnType::Boolean;
  if (w == "categorical") return column.categorical();
  return false;  // DateTime, TimeSpan: azml has no such columns
}

bool kind_matches(const Column& column, const std::string& wanted) {
  std::string w = to_lower(wanted);
  if (w == "all") return true;
  if (w == "feature") return column.role() == ColumnRole::Feature;
  if (w == "label") return column.role() == ColumnRole::Label;
  if (w == "score") {
    return column.role() == ColumnRole::ScoredLabel || column.role() == ColumnRole::ScoredProbability ||
           column.role() == ColumnRole::ClassProbability;
  }
  return false;
}

constexpr const char* kKnownTypes[] = {"all", "any", "numeric", "integer", "double", "string",
                                       "boolean", "categorical", "datetime", "timespan"};
constexpr const char* kKnownKinds[] = {"all", "feature", "label", "score"};

template <size_t N>
bool known(const char* const (&list)[N], const std::string& value) {
  std::string lower = to_lower(value);
  return std::any_of(std::begin(list), std::end(list), [&](const char* k) { return lower == k; });
}

// "3" or "2-5" (1-based, inclusive) -> 0-based indices.
std::vector<size_t> parse_index_range(const std::string& text, size_t column_count) {
  std::vector<size_t> out;
  for (const auto& piece : split(text, ',')) {
    std::string part = trim(piece);
    if (part.empty()) continue;
    auto dash = part.find('-');
    long long first = 0;
    long long last = 0;
    try {
      size_t used = 0;
      if (dash == std::string::npos) {
        first = last = std::stoll(part, &used);
        if (used != part.size()) throw std::invalid_argument(part);
      } else {
        std::string a = trim(part.substr(0, dash));
        std::string b = trim(part.substr(dash + 1));
        first = std::stoll(a, &used);
        if (used != a.size()) throw std::invalid_argument(a);
        last = std::stoll(b, &used);
        if (used != b.size()) throw std::invalid_argument(b);
      }
    } catch (const std::exception&) {
      invalid("'" + part + "' is not a column index or range such as 1-3");
    }
    if (first < 1 || last < first || static_cast<size_t>(last) > column_count) {
      invalid("column index range '" + part + "' is outside 1.." + std::to_string(column_count));
    }
    for (long long i = first; i <= last; ++i) out.push_back(static_cast<size_t>(i - 1));
  }
  return out;
}

}  // namespace

ColumnPicker ColumnPicker::all() {
  ColumnPicker picker;
  picker.rules_.push_back(ColumnRule{});
  return picker;
}

ColumnPicker ColumnPicker::names(std::vector<std::string> columns) {
  ColumnPicker picker;
  ColumnRule rule;
  rule.kind = ColumnRule::Kind::ColumnNames;
  rule.columns = std::move(columns);
  picker.rules_.push_back(std::move(rule));
  return picker;
}

ColumnPicker ColumnPicker::parse(std::string_view text) {
  std::string trimmed = trim(text);
  if (trimmed.empty()) invalid("no columns are selected");
  if (trimmed.front() != '{') {
    std::vector<std::string> columns;
    for (const auto& piece : split(trimmed, ',')) {
      std::string name = trim(piece);
      if (name.empty()) invalid("'" + trimmed + "' has an empty column name");
      columns.push_back(name);
    }
    return names(std::move(columns));
  }
  json document;
  try {
    document = json::parse(trimmed);
  } catch (const json::parse_error& e) {
    invalid(std::string("not valid JSON: ") + e.what());
  }
  if (!document.is_object()) invalid("the selection must be a JSON object with \"rules\"");
  const json* rules = find_member(document, "rules");
  if (!rules || !rules->is_array() || rules->empty()) invalid("\"rules\" must be a non-empty array");
  ColumnPicker picker;
  for (size_t i = 0; i < rules->size(); ++i) {
    const json& item = (*rules)[i];
    if (!item.is_object()) invalid("rules[" + std::to_string(i) + "] must be an object");
    ColumnRule rule;
    const json* type = find_member(item, "ruleType");
    if (!type || !type->is_string()) invalid("rules[" + std::to_string(i) + "].ruleType is required");
    std::string kind = type->get<std::string>();
    if (iequals(kind, "ColumnNames")) {
      rule.kind = ColumnRule::Kind::ColumnNames;
    } else if (iequals(kind, "AllColumns")) {
      rule.kind = ColumnRule::Kind::AllColumns;
    } else if (iequals(kind, "ColumnTypes")) {
      rule.kind = ColumnRule::Kind::ColumnTypes;
    } else if (iequals(kind, "ColumnIndexes")) {
      rule.kind = ColumnRule::Kind::ColumnIndexes;
    } else {
      invalid("rules[" + std::to_string(i) + "]: ruleType '" + kind +
              "' is not one of ColumnNames, AllColumns, ColumnTypes, ColumnIndexes");
    }
    const json* exclude = find_member(item, "exclude");
    if (exclude && !exclude->is_null()) {
      if (!exclude->is_boolean()) invalid("rules[" + std::to_string(i) + "].exclude must be true or false");
      rule.exclude = exclude->get<bool>();
    }
    rule.columns = string_list(item, "columns", i);
    rule.column_types = string_list(item, "columnTypes", i);
    rule.column_kinds = string_list(item, "columnKinds", i);
    if ((rule.kind == ColumnRule::Kind::ColumnNames || rule.kind == ColumnRule::Kind::ColumnIndexes) &&
        rule.columns.empty()) {
      invalid("rules[" + std::to_string(i) + "] (" + kind + ") lists no columns");
    }
    for (const auto& t : rule.column_types) {
      if (!known(kKnownTypes, t)) invalid("rules[" + std::to_string(i) + "]: unknown column type '" + t + "'");
    }
    for (const auto& k : rule.column_kinds) {
      if (!known(kKnownKinds, k)) invalid("rules[" + std::to_string(i) + "]: unknown column kind '" + k + "'");
    }
    picker.rules_.push_back(std::move(rule));
  }
  return picker;
}

std::vector<size_t> ColumnPicker::select(const Table& table) const {
  std::vector<size_t> selected;
  auto add = [&](size_t index) {
    if (std::find(selected.begin(), selected.end(), index) == selected.end()) selected.push_back(index);
  };
  auto remove = [&](size_t index) { selected.erase(std::remove(selected.begin(), selected.end(), index), selected.end()); };

  if (!rules_.empty() && rules_.front().exclude) {
    for (size_t i = 0; i < table.column_count(); ++i) add(i);
  }
  for (const auto& rule : rules_) {
    std::vector<size_t> matches;
    switch (rule.kind) {
      case ColumnRule::Kind::AllColumns:
        for (size_t i = 0; i < table.column_count(); ++i) matches.push_back(i);
        break;
      case ColumnRule::Kind::ColumnNames:
        for (const auto& name : rule.columns) {
          auto index = table.find(name);
          if (!index) {
            invalid("column '" + name + "' not found; the dataset has columns " + quote_names(table.column_names()));
          }
          matches.push_back(*index);
        }
        break;
      case ColumnRule::Kind::ColumnIndexes:
        for (const auto& range : rule.columns) {
          for (size_t index : parse_index_range(range, table.column_count())) matches.push_back(index);
        }
        break;
      case ColumnRule::Kind::ColumnTypes:
        for (size_t i = 0; i < table.column_count(); ++i) {
          const Column& column = table.column(i);
          bool type_ok = rule.column_types.empty() ||
                         std::any_of(rule.column_types.begin(), rule.column_types.end(),
                                     [&](const std::string& t) { return type_matches(column, t); });
          bool kind_ok = rule.column_kinds.empty() ||
                         std::any_of(rule.column_kinds.begin(), rule.column_kinds.end(),
                                     [&](const std::string& k) { return kind_matches(column, k); });
          if (type_ok && kind_ok) matches.push_back(i);
        }
        break;
    }
    for (size_t index : matches) {
      if (rule.exclude) {
        remove(index);
      } else {
        add(index);
      }
    }
  }
  return selected;
}

std::string ColumnPicker::to_json() const {
  json rules = json::array();
  for (const auto& rule : rules_) {
    json item;
    switch (rule.kind) {
      case ColumnRule::Kind::ColumnNames: item["ruleType"] = "ColumnNames"; break;
      case ColumnRule::Kind::AllColumns: item["ruleType"] = "AllColumns"; break;
      case ColumnRule::Kind::ColumnTypes: item["ruleType"] = "ColumnTypes"; break;
      case ColumnRule::Kind::ColumnIndexes: item["ruleType"] = "ColumnIndexes"; break;
    }
    if (!rule.columns.empty()) item["columns"] = rule.columns;
    if (!rule.column_types.empty()) item["columnTypes"] = rule.column_types;
    if (!rule.column_kinds.empty()) item["columnKinds"] = rule.column_kinds;
    item["exclude"] = rule.exclude;
    rules.push_back(std::move(item));
  }
  return json{{"isFilter", true}, {"rules", std::move(rules)}}.dump();
}

}  // namespace azml::engine
