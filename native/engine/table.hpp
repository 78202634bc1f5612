// The columnar table every module reads and writes: named, typed columns of equal length,
// each value possibly missing. Tables are values; modules make new ones rather than editing
// the ones they are given, so a table can be shared between threads once built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace azml::engine {

// Integer and Double are both kept as doubles; Integer says every value is whole (Azure's
// Int32), which decides how values are printed and what RRS reports as the column type.
enum class ColumnType { Double, Integer, String, Boolean };

const char* to_string(ColumnType type) noexcept;  // "Double", "Integer", "String", "Boolean"
// Accepts azml's names and Azure's/.NET's ("Int32", "Int64", "Number", "Float", "Bool"),
// case-insensitively. nullopt for anything else.
std::optional<ColumnType> parse_column_type(std::string_view text);
bool is_numeric(ColumnType type) noexcept;

// What a column is for, as Azure's metadata ("Fields" in Edit Metadata) records it. Score
// Model marks its output; Evaluate Model and Train Model read the marks.
// None: kept in the dataset but not learned from (Edit Metadata's "Clear feature").
enum class ColumnRole { Feature, Label, Weight, ScoredLabel, ScoredProbability, ClassProbability, None };
const char* to_string(ColumnRole role) noexcept;

class Column {
 public:
  Column(std::string name, ColumnType type);

  const std::string& name() const noexcept { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  ColumnType type() const noexcept { return type_; }
  bool is_numeric() const noexcept { return engine::is_numeric(type_); }
  bool categorical() const noexcept { return categorical_; }
  void set_categorical(bool value) { categorical_ = value; }
  ColumnRole role() const noexcept { return role_; }
  void set_role(ColumnRole role) { role_ = role; }
  // For classifier score columns: the classes in the model's order (the positive class of a
  // binary model last). Empty otherwise.
  const std::vector<std::string>& classes() const noexcept { return classes_; }
  void set_classes(std::vector<std::string> classes) { classes_ = std::move(classes); }

  size_t size() const noexcept { return rows_; }
  bool is_missing(size_t row) const {
    if (row >= rows_) throw std::out_of_range("azml::engine::Column::is_missing");
    return !missing_.empty() && missing_[row] != 0;
  }
  size_t missing_count() const noexcept;

  // Numeric and Boolean columns (Boolean as 0/1); NaN when missing.
  double number(size_t row) const;
  // String columns; empty when missing.
  const std::string& text(size_t row) const;
  // Any type, as it is printed in CSV and RRS output; empty when missing.
  std::string to_text(size_t row) const;

  void push_number(double value);  // Double/Integer/Boolean; NaN is stored as missing
  void push_text(std::string value);  // String
  void push_missing();
  // Appends row `row` of `other`, which must have the same type.
  void push_from(const Column& other, size_t row);

  // A column of the same name, type and metadata with the given rows, in that order.
  Column take_rows(const std::vector<size_t>& rows) const;
  // The same values as another type. Throws azml::Error(Invalid) naming the column and the
  // 1-based row of the first value that does not convert ("abc" to Double, 1.5 to Integer).
  Column converted_to(ColumnType type) const;
  // Same metadata and type, no rows.
  Column empty_like() const;

 private:
  std::string name_;
  ColumnType type_;
  bool categorical_ = false;
  ColumnRole role_ = ColumnRole::Feature;
  std::vector<std::string> classes_;
  // A column's numbers: the first inline, all of them on the heap from the second on. A
  // request's table is a row of many columns, and one allocation per column was a good part of
  // reading one.
  class Numbers {
   public:
    void push_back(double value) {
      if (size_ == 0) {
        first_ = value;
      } else {
        if (size_ == 1) heap_.push_back(first_);
        heap_.push_back(value);
      }
      ++size_;
    }
    double operator[](size_t row) const { return size_ == 1 ? first_ : heap_[row]; }
    double at(size_t row) const {
      if (row >= size_) throw std::out_of_range("azml::engine::Column::number");
      return (*this)[row];
    }

   private:
    double first_ = 0;
    size_t size_ = 0;
    std::vector<double> heap_;
  };

  Numbers numbers_;                 // Double, Integer, Boolean
  std::vector<std::string> texts_;  // String
  // One flag per row once the column has a missing value; empty while it has none, which spares
  // a column of a request an allocation.
  std::vector<std::uint8_t> missing_;
  size_t rows_ = 0;
};

class Table {
 public:
  Table() = default;
  // A table of these columns, in this order. Throws azml::Error(Invalid) as add_column does, on a
  // duplicate name or a length different from the first column's.
  explicit Table(std::vector<Column> columns);
  // For a caller whose columns have distinct names by construction (one per column of a schema,
  // each named once): checks the lengths only, which is all a request's table needs on the
  // scoring path.
  struct DistinctNames {};
  Table(std::vector<Column> columns, DistinctNames);

  size_t row_count() const noexcept { return columns_.empty() ? 0 : columns_.front().size(); }
  size_t column_count() const noexcept { return columns_.size(); }
  const std::vector<Column>& columns() const noexcept { return columns_; }
  const Column& column(size_t index) const { return columns_.at(index); }
  Column& column(size_t index) { return columns_.at(index); }
  // Throws azml::Error(Invalid) naming the column and listing the table's columns.
  const Column& column(std::string_view name) const;
  size_t index_of(std::string_view name) const;  // same error
  std::optional<size_t> find(std::string_view name) const noexcept;
  std::vector<std::string> column_names() const;

  // Throws azml::Error(Invalid) on a duplicate name or a length different from the table's.
  void add_column(Column column);
  void replace_column(size_t index, Column column);  // same checks
  void remove_columns(const std::vector<size_t>& indices);

  Table take_rows(const std::vector<size_t>& rows) const;
  Table select_columns(const std::vector<size_t>& indices) const;

 private:
  std::vector<Column> columns_;
};

// The same columns (names, types, roles, classes, categorical flags) with the same cells, numbers
// to the bit: what two ways of computing one table must give.
bool identical(const Table& a, const Table& b);

// "'a', 'b', 'c'" (at most `limit` names, then ", ..."), for error messages.
std::string quote_names(const std::vector<std::string>& names, size_t limit = 12);

}  // namespace azml::engine
