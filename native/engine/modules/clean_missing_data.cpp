// Clean Missing Data: replaces missing values (custom value, mean, median, mode) or removes
// the rows or columns that have them, for the selected columns whose share of missing
// values lies between the minimum and maximum ratios.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/error.hpp"
#include "engine/column_builder.hpp"
#include "engine/modules/module.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

struct Cleaning {
  ColumnPicker columns;
  double minimum_ratio = 0;
  double maximum_ratio = 1;
  std::string mode;
  std::string replacement;
  bool indicator = false;
};

double mean_of(const Column& column) {
  double sum = 0;
  size_t count = 0;
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) {
      sum += column.number(row);
      ++count;
    }
  }
  return sum / static_cast<double>(count);
}

double median_of(const Column& column) {
  std::vector<double> values;
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) values.push_back(column.number(row));
  }
  std::sort(values.begin(), values.end());
  size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

// The most frequent value's text; ties go to the smallest text, so the result is stable.
std::string mode_of(const Column& column) {
  std::map<std::string, size_t> counts;
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) ++counts[column.to_text(row)];
  }
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

// The column with its missing values replaced by `text`, converted to the column's type
// (an Integer column receiving a fractional mean becomes Double).
Column filled(const Column& column, const std::string& text) {
  ColumnType type = column.type();
  if (type == ColumnType::Integer) {
    auto value = parse_number(text);
    if (value && !is_int32(*value)) type = ColumnType::Double;
  }
  std::vector<TextCell> cells;
  for (size_t row = 0; row < column.size(); ++row) cells.emplace_back(column.is_missing(row) ? text : column.to_text(row));
  try {
    Column out = build_column(column.name(), cells, type);
    out.set_categorical(column.categorical());
    out.set_role(column.role());
    out.set_classes(column.classes());
    return out;
  } catch (const Error&) {
    throw Error(ErrorCode::Invalid, "parameter 'Replacement value': '" + text + "' is not a valid " +
                                        to_string(column.type()) + " value for column '" + column.name() + "'");
  }
}

Table clean(const Cleaning& cleaning, const Table& input) {
  std::vector<size_t> selected = cleaning.columns.select(input);
  std::vector<size_t> affected;
  for (size_t index : selected) {
    const Column& column = input.column(index);
    if (column.size() == 0) continue;
    double ratio = static_cast<double>(column.missing_count()) / static_cast<double>(column.size());
    if (column.missing_count() > 0 && ratio >= cleaning.minimum_ratio && ratio <= cleaning.maximum_ratio) {
      affected.push_back(index);
    }
  }
  Table out = input;
  if (cleaning.mode == "Remove entire row") {
    std::vector<size_t> kept;
    for (size_t row = 0; row < input.row_count(); ++row) {
      bool missing = std::any_of(affected.begin(), affected.end(), [&](size_t c) { return input.column(c).is_missing(row); });
      if (!missing) kept.push_back(row);
    }
    return input.take_rows(kept);
  }
  if (cleaning.mode == "Remove entire column") {
    out.remove_columns(affected);
    return out;
  }
  std::vector<Column> indicators;
  for (size_t index : affected) {
    const Column& column = input.column(index);
    if (column.missing_count() == column.size() && cleaning.mode != "Custom substitution value") {
      throw Error(ErrorCode::Invalid, "column '" + column.name() + "' has no values to compute a replacement from");
    }
    std::string replacement;
    if (cleaning.mode == "Custom substitution value") {
      replacement = cleaning.replacement;
    } else if (cleaning.mode == "Replace with mode") {
      replacement = mode_of(column);
    } else {
      if (!column.is_numeric()) {
        throw Error(ErrorCode::Invalid, "'" + cleaning.mode + "' needs numeric columns; '" + column.name() + "' is " +
                                            to_string(column.type()));
      }
      replacement = format_number(cleaning.mode == "Replace with mean" ? mean_of(column) : median_of(column));
    }
    if (cleaning.indicator) {
      Column indicator(column.name() + "_IsMissing", ColumnType::Boolean);
      for (size_t row = 0; row < column.size(); ++row) indicator.push_number(column.is_missing(row) ? 1 : 0);
      indicators.push_back(std::move(indicator));
    }
    out.replace_column(index, filled(column, replacement));
  }
  for (auto& indicator : indicators) out.add_column(std::move(indicator));
  return out;
}

}  // namespace

std::unique_ptr<Module> make_clean_missing_data_module() {
  ModuleInfo info{"Clean Missing Data",
                  {"clean-missing-data", "missing-values-scrubber"},
                  {{"Dataset", PortKind::Dataset, false}},
                  {{"Cleaned dataset", PortKind::Dataset, false}},
                  {{"Columns to be cleaned", ColumnPicker::all().to_json(), {}},
                   {"Minimum missing value ratio", "0", {}},
                   {"Maximum missing value ratio", "1", {}},
                   {"Cleaning mode", "Custom substitution value", {}},
                   {"Replacement value", "0", {}},
                   {"Generate missing value indicator column", "False", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    Cleaning cleaning{p.columns("Columns to be cleaned"),
                      p.number("Minimum missing value ratio", 0.0, 1.0),
                      p.number("Maximum missing value ratio", 0.0, 1.0),
                      p.choice("Cleaning mode", {"Custom substitution value", "Replace with mean", "Replace with median",
                                                 "Replace with mode", "Remove entire row", "Remove entire column",
                                                 "Replace using MICE", "Replace using Probabilistic PCA"}),
                      p.text("Replacement value"),
                      p.boolean("Generate missing value indicator column")};
    if (cleaning.mode == "Replace using MICE" || cleaning.mode == "Replace using Probabilistic PCA") {
      throw Error(ErrorCode::Invalid, "parameter 'Cleaning mode': '" + cleaning.mode + "' is not implemented by azml");
    }
    if (cleaning.minimum_ratio > cleaning.maximum_ratio) {
      throw Error(ErrorCode::Invalid, "parameter 'Minimum missing value ratio' is above 'Maximum missing value ratio'");
    }
    return [cleaning](const PortValues& inputs) {
      return PortValues{{"Cleaned dataset", output_table(clean(cleaning, input_table(inputs, "Dataset")))}};
    };
  });
}

}  // namespace azml::engine
