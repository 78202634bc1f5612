#include "engine/table.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

const char* to_string(ColumnType type) noexcept {
  switch (type) {
    case ColumnType::Double: return "Double";
    case ColumnType::Integer: return "Integer";
    case ColumnType::String: return "String";
    case ColumnType::Boolean: return "Boolean";
  }
  return "String";
}

std::optional<ColumnType> parse_column_type(std::string_view text) {
  std::string lower = to_lower(trim(text));
  if (lower == "double" || lower == "number" || lower == "float" || lower == "single" || lower == "numeric") {
    return ColumnType::Double;
  }
  if (lower == "integer" || lower == "int" || lower == "int32" || lower == "int64" || lower == "long") {
    return ColumnType::Integer;
  }
  if (lower == "string" || lower == "text") return ColumnType::String;
  if (lower == "boolean" || lower == "bool") return ColumnType::Boolean;
  return std::nullopt;
}

bool is_numeric(ColumnType type) noexcept { return type == ColumnType::Double || type == ColumnType::Integer; }

const char* to_string(ColumnRole role) noexcept {
  switch (role) {
    case ColumnRole::Feature: return "Feature";
    case ColumnRole::Label: return "Label";
    case ColumnRole::Weight: return "Weight";
    case ColumnRole::ScoredLabel: return "ScoredLabel";
    case ColumnRole::ScoredProbability: return "ScoredProbability";
    case ColumnRole::ClassProbability: return "ClassProbability";
    case ColumnRole::None: return "None";
  }
  return "Feature";
}

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool identical_columns(const Column& a, const Column& b) {
  if (a.name() != b.name() || a.type() != b.type() || a.role() != b.role() || a.categorical() != b.categorical() ||
      a.classes() != b.classes() || a.size() != b.size()) {
    return false;
  }
  for (size_t row = 0; row < a.size(); ++row) {
    if (a.is_missing(row) != b.is_missing(row)) return false;
    if (a.is_missing(row)) continue;
    if (a.type() == ColumnType::String ? a.text(row) != b.text(row) : !same_bits(a.number(row), b.number(row))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool identical(const Table& a, const Table& b) {
  if (a.column_count() != b.column_count()) return false;
  for (size_t c = 0; c < a.column_count(); ++c) {
    if (!identical_columns(a.column(c), b.column(c))) return false;
  }
  return true;
}

std::string quote_names(const std::vector<std::string>& names, size_t limit) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i == limit) {
      out += ", ... (" + std::to_string(names.size()) + " in all)";
      break;
    }
    if (i > 0) out += ", ";
    out += "'" + names[i] + "'";
  }
  return out.empty() ? "(none)" : out;
}

// --- Column ---

Column::Column(std::string name, ColumnType type) : name_(std::move(name)), type_(type) {}

size_t Column::missing_count() const noexcept {
  size_t count = 0;
  for (auto flag : missing_) count += flag;
  return count;
}

double Column::number(size_t row) const {
  if (type_ == ColumnType::String) {
    throw Error(ErrorCode::Generic, "column '" + name_ + "' holds strings, not numbers");
  }
  return numbers_.at(row);
}

const std::string& Column::text(size_t row) const {
  if (type_ != ColumnType::String) {
    throw Error(ErrorCode::Generic, "column '" + name_ + "' holds " + to_string(type_) + " values, not strings");
  }
  return texts_.at(row);
}

std::string Column::to_text(size_t row) const {
  if (is_missing(row)) return {};
  switch (type_) {
    case ColumnType::String: return texts_[row];
    case ColumnType::Boolean: return format_boolean(numbers_[row] != 0);
    case ColumnType::Double:
    case ColumnType::Integer: return format_number(numbers_[row]);
  }
  return {};
}

void Column::push_number(double value) {
  if (type_ == ColumnType::String) {
    throw Error(ErrorCode::Generic, "column '" + name_ + "' holds strings, not numbers");
  }
  if (std::isnan(value)) {
    push_missing();
    return;
  }
  numbers_.push_back(value);
  if (!missing_.empty()) missing_.push_back(0);
  ++rows_;
}

void Column::push_text(std::string value) {
  if (type_ != ColumnType::String) {
    throw Error(ErrorCode::Generic, "column '" + name_ + "' holds " + to_string(type_) + " values, not strings");
  }
  texts_.push_back(std::move(value));
  if (!missing_.empty()) missing_.push_back(0);
  ++rows_;
}

void Column::push_missing() {
  if (type_ == ColumnType::String) {
    texts_.emplace_back();
  } else {
    numbers_.push_back(std::numeric_limits<double>::quiet_NaN());
  }
  if (missing_.empty()) missing_.assign(rows_, 0);
  missing_.push_back(1);
  ++rows_;
}

void Column::push_from(const Column& other, size_t row) {
  if (other.type_ != type_) {
    throw Error(ErrorCode::Generic, "cannot append a " + std::string(to_string(other.type_)) + " value to " +
                                        to_string(type_) + " column '" + name_ + "'");
  }
  if (other.is_missing(row)) {
    push_missing();
  } else if (type_ == ColumnType::String) {
    push_text(other.texts_[row]);
  } else {
    push_number(other.numbers_[row]);
  }
}

Column Column::empty_like() const {
  Column copy(name_, type_);
  copy.categorical_ = categorical_;
  copy.role_ = role_;
  copy.classes_ = classes_;
  return copy;
}

Column Column::take_rows(const std::vector<size_t>& rows) const {
  Column out = empty_like();
  for (size_t row : rows) out.push_from(*this, row);
  return out;
}

namespace {

[[noreturn]] void conversion_error(const Column& column, size_t row, const std::string& value, ColumnType to) {
  throw Error(ErrorCode::Invalid, "column '" + column.name() + "', row " + std::to_string(row + 1) + ": '" + value +
                                      "' is not a valid " + to_string(to) + " value");
}

}  // namespace

Column Column::converted_to(ColumnType to) const {
  Column out(name_, to);
  out.categorical_ = categorical_;
  out.role_ = role_;
  out.classes_ = classes_;
  for (size_t row = 0; row < size(); ++row) {
    if (is_missing(row)) {
      out.push_missing();
      continue;
    }
    if (to == ColumnType::String) {
      out.push_text(to_text(row));
      continue;
    }
    double value = 0;
    if (type_ == ColumnType::String) {
      const std::string& source = texts_[row];
      if (to == ColumnType::Boolean) {
        auto parsed = parse_boolean(source);
        if (!parsed) conversion_error(*this, row, source, to);
        value = *parsed ? 1 : 0;
      } else {
        auto parsed = parse_number(source);
        if (!parsed) conversion_error(*this, row, source, to);
        value = *parsed;
      }
    } else {
      value = numbers_[row];
    }
    if (to == ColumnType::Integer && !std::isnan(value) && !is_int32(value)) {
      conversion_error(*this, row, to_text(row), to);
    }
    if (to == ColumnType::Boolean && type_ != ColumnType::String && value != 0 && value != 1) {
      conversion_error(*this, row, to_text(row), to);
    }
    out.push_number(value);
  }
  return out;
}

// --- Table ---

namespace {

void check_lengths(const std::vector<Column>& columns) {
  for (const auto& column : columns) {
    if (column.size() != columns.front().size()) {
      throw Error(ErrorCode::Invalid, "column '" + column.name() + "' has " + std::to_string(column.size()) +
                                          " rows; the dataset has " + std::to_string(columns.front().size()));
    }
  }
}

}  // namespace

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {
  if (columns_.empty()) return;
  check_lengths(columns_);
  // Sorted names find a duplicate in n log n comparisons, where add_column's search would take n².
  std::vector<std::string_view> names;
  names.reserve(columns_.size());
  for (const auto& column : columns_) names.push_back(column.name());
  std::sort(names.begin(), names.end());
  auto duplicate = std::adjacent_find(names.begin(), names.end());
  if (duplicate != names.end()) {
    throw Error(ErrorCode::Invalid, "the dataset already has a column named '" + std::string(*duplicate) + "'");
  }
}

Table::Table(std::vector<Column> columns, DistinctNames) : columns_(std::move(columns)) {
  if (!columns_.empty()) check_lengths(columns_);
}

std::optional<size_t> Table::find(std::string_view name) const noexcept {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name() == name) return i;
  }
  return std::nullopt;
}

size_t Table::index_of(std::string_view name) const {
  if (auto index = find(name)) return *index;
  throw Error(ErrorCode::Invalid,
              "column '" + std::string(name) + "' not found; the dataset has columns " + quote_names(column_names()));
}

const Column& Table::column(std::string_view name) const { return columns_[index_of(name)]; }

std::vector<std::string> Table::column_names() const {
  std::vector<std::string> names;
  names.reserve(columns_.size());
  for (const auto& column : columns_) names.push_back(column.name());
  return names;
}

void Table::add_column(Column column) {
  if (find(column.name())) {
    throw Error(ErrorCode::Invalid, "the dataset already has a column named '" + column.name() + "'");
  }
  if (!columns_.empty() && column.size() != row_count()) {
    throw Error(ErrorCode::Invalid, "column '" + column.name() + "' has " + std::to_string(column.size()) +
                                        " rows; the dataset has " + std::to_string(row_count()));
  }
  columns_.push_back(std::move(column));
}

void Table::replace_column(size_t index, Column column) {
  auto existing = find(column.name());
  if (existing && *existing != index) {
    throw Error(ErrorCode::Invalid, "the dataset already has a column named '" + column.name() + "'");
  }
  if (columns_.size() > 1 && column.size() != row_count()) {
    throw Error(ErrorCode::Invalid, "column '" + column.name() + "' has " + std::to_string(column.size()) +
                                        " rows; the dataset has " + std::to_string(row_count()));
  }
  columns_.at(index) = std::move(column);
}

void Table::remove_columns(const std::vector<size_t>& indices) {
  std::set<size_t> doomed(indices.begin(), indices.end());
  std::vector<Column> kept;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!doomed.count(i)) kept.push_back(std::move(columns_[i]));
  }
  columns_ = std::move(kept);
}

Table Table::take_rows(const std::vector<size_t>& rows) const {
  Table out;
  for (const auto& column : columns_) out.columns_.push_back(column.take_rows(rows));
  return out;
}

Table Table::select_columns(const std::vector<size_t>& indices) const {
  // This table's names are distinct, so distinct indices give distinct names: no name is compared.
  std::vector<bool> taken(columns_.size(), false);
  std::vector<Column> selected;
  selected.reserve(indices.size());
  for (size_t index : indices) {
    const Column& column = columns_.at(index);
    if (taken[index]) throw Error(ErrorCode::Invalid, "the dataset already has a column named '" + column.name() + "'");
    taken[index] = true;
    selected.push_back(column);
  }
  return Table(std::move(selected), DistinctNames{});
}

}  // namespace azml::engine
