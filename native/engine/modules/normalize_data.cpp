// Normalize Data: rescales numeric columns with Azure's methods. ZScore and MinMax learn
// their statistics from the dataset they are given; Logistic and TanH are fixed functions;
// LogNormal maps values through the log-normal distribution fitted to the column.
#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "engine/modules/module.hpp"

namespace azml::engine {

namespace {

struct Normalization {
  std::string method;
  ColumnPicker columns;
  bool zero_for_constant = true;
};

struct Moments {
  double mean = 0;
  double deviation = 0;  // sample standard deviation
  double minimum = 0;
  double maximum = 0;
  size_t count = 0;
};

Moments moments(const std::vector<double>& values) {
  Moments m;
  m.count = values.size();
  if (values.empty()) return m;
  m.minimum = *std::min_element(values.begin(), values.end());
  m.maximum = *std::max_element(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  m.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - m.mean) * (v - m.mean);
  m.deviation = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;
  return m;
}

Column normalize_column(const Normalization& n, const Column& column) {
  if (!column.is_numeric()) {
    throw Error(ErrorCode::Invalid, "Normalize Data works on numeric columns; '" + column.name() + "' is " +
                                        to_string(column.type()));
  }
  std::vector<double> present;
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.is_missing(row)) present.push_back(column.number(row));
  }
  if (n.method == "LogNormal") {
    for (size_t row = 0; row < column.size(); ++row) {
      if (!column.is_missing(row) && column.number(row) <= 0) {
        throw Error(ErrorCode::Invalid, "column '" + column.name() + "', row " + std::to_string(row + 1) +
                                            ": LogNormal needs positive values, not " + column.to_text(row));
      }
    }
    for (double& v : present) v = std::log(v);
  }
  const Moments m = moments(present);
  const bool constant = m.count > 0 && m.maximum == m.minimum;
  if (constant && !n.zero_for_constant && (n.method == "ZScore" || n.method == "MinMax" || n.method == "LogNormal")) {
    return column;  // Azure leaves a constant column as it is when 0 is not asked for
  }
  Column out(column.name(), ColumnType::Double);
  out.set_role(column.role());
  for (size_t row = 0; row < column.size(); ++row) {
    if (column.is_missing(row)) {
      out.push_missing();
      continue;
    }
    double x = column.number(row);
    double y = 0;
    if (n.method == "ZScore") {
      y = constant || m.deviation == 0 ? 0.0 : (x - m.mean) / m.deviation;
    } else if (n.method == "MinMax") {
      y = constant ? 0.0 : (x - m.minimum) / (m.maximum - m.minimum);
    } else if (n.method == "Logistic") {
      y = 1.0 / (1.0 + std::exp(-x));
    } else if (n.method == "TanH") {
      y = std::tanh(x);
    } else {  // LogNormal: the fitted log-normal CDF
      y = constant || m.deviation == 0 ? 0.0 : 0.5 * std::erfc(-(std::log(x) - m.mean) / (m.deviation * std::sqrt(2.0)));
    }
    out.push_number(y);
  }
  return out;
}

Table normalize(const Normalization& n, const Table& input) {
  Table out = input;
  for (size_t index : n.columns.select(input)) out.replace_column(index, normalize_column(n, input.column(index)));
  return out;
}

}  // namespace

std::unique_ptr<Module> make_normalize_data_module() {
  const std::string numeric_columns =
      R"({"isFilter":true,"rules":[{"ruleType":"ColumnTypes","columnTypes":["Numeric"],"columnKinds":["All"],"exclude":false}]})";
  ModuleInfo info{"Normalize Data",
                  {"normalize-data", "normalizer"},
                  {{"Dataset", PortKind::Dataset, false}},
                  {{"Transformed dataset", PortKind::Dataset, false}},
                  {{"Transformation method", "ZScore", {}},
                   {"Columns to transform", numeric_columns, {}},
                   {"Use 0 for constant columns when checked", "True", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    Normalization n{p.choice("Transformation method", {"ZScore", "MinMax", "Logistic", "LogNormal", "TanH"}),
                    p.columns("Columns to transform"), p.boolean("Use 0 for constant columns when checked")};
    return [n](const PortValues& inputs) {
      return PortValues{{"Transformed dataset", output_table(normalize(n, input_table(inputs, "Dataset")))}};
    };
  });
}

}  // namespace azml::engine
