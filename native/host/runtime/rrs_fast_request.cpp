#include "runtime/rrs_fast_request.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "engine/value_text.hpp"

namespace azml::host::runtime {

namespace {

// The body left the shape this path reads; the general reader takes it from the start.
struct NotFast {};

// A strict reader of a subset of JSON: whatever it accepts is valid JSON, and it throws NotFast
// for the rest of JSON as well as for what is not JSON.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }

  char peek() {
    skip_space();
    if (pos_ == text_.size()) throw NotFast{};
    return text_[pos_];
  }

  void expect(char c) {
    if (peek() != c) throw NotFast{};
    ++pos_;
  }

  bool consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // A string of printable ASCII without escapes, as a view into the body.
  std::string_view string() {
    expect('"');
    const size_t start = pos_;
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return text_.substr(start, pos_++ - start);
      if (c == '\\' || c < 0x20 || c >= 0x80) throw NotFast{};
      ++pos_;
    }
    throw NotFast{};
  }

  struct Number {
    std::string_view text;
    bool integral = true;  // no fraction and no exponent
  };

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  Number number() {
    skip_space();
    const size_t start = pos_;
    Number number;
    if (next_is('-')) ++pos_;
    if (next_is('0')) {
      ++pos_;
    } else if (!digits()) {
      throw NotFast{};
    }
    if (next_is('.')) {
      ++pos_;
      number.integral = false;
      if (!digits()) throw NotFast{};
    }
    if (next_is('e') || next_is('E')) {
      ++pos_;
      number.integral = false;
      if (next_is('+') || next_is('-')) ++pos_;
      if (!digits()) throw NotFast{};
    }
    number.text = text_.substr(start, pos_ - start);
    return number;
  }

  size_t position() const noexcept { return pos_; }
  std::string_view between(size_t start, size_t end) const { return text_.substr(start, end - start); }
  // Moves past `text` when the body continues with exactly these bytes.
  bool skip(std::string_view text) {
    if (text_.substr(pos_, text.size()) != text) return false;
    pos_ += text.size();
    return true;
  }

  bool literal(std::string_view word) {
    skip_space();
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool next_is(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool digits() {
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// What the general reader makes of a JSON number: the parsed document holds an integer as an
// integer (so "-0" is 0) and anything else as the nearest double, and the cell's text of either
// reads back as exactly that double. Non-finite results are the general reader's to handle.
double number_value(const Cursor::Number& number) {
  double value = 0;
  const char* first = number.text.data();
  const char* last = first + number.text.size();
  auto result = std::from_chars(first, last, value);
  if (result.ec != std::errc() || result.ptr != last || !std::isfinite(value)) throw NotFast{};
  if (number.integral && value == 0) return 0.0;
  return value;
}

// The cell text the general reader gives a number in a string column: the integer's digits, or
// the shortest form of the double.
std::string number_text(const Cursor::Number& number) {
  if (number.integral) {
    // Up to 18 digits always fit the document's 64-bit integers; longer ones are rare enough
    // to leave to the general reader.
    if (number.text.size() > 18) throw NotFast{};
    return number.text == "-0" ? std::string("0") : std::string(number.text);
  }
  return engine::format_number(number_value(number));
}

double checked_number(engine::ColumnType type, double value) {
  if (type == engine::ColumnType::Integer && !std::isnan(value) && !engine::is_int32(value)) throw NotFast{};
  return value;
}

// A value of a Double or Integer column, as the column holds the cell the general reader makes
// of it: NaN for a missing one (null or "").
double read_number_cell(Cursor& in, engine::ColumnType type) {
  const char first = in.peek();
  if (first == 'n') {
    if (!in.literal("null")) throw NotFast{};
    return std::nan("");
  }
  if (first == '"') {
    const std::string_view text = in.string();
    if (text.empty()) return std::nan("");
    auto value = engine::parse_number(text);
    if (!value) throw NotFast{};
    return checked_number(type, *value);
  }
  if (first == 't' || first == 'f') throw NotFast{};
  return checked_number(type, number_value(in.number()));
}

// One value into its column, as build_column would store the cell the general reader makes of it.
void read_cell(Cursor& in, engine::Column& column) {
  using engine::ColumnType;
  if (column.type() == ColumnType::Double || column.type() == ColumnType::Integer) {
    column.push_number(read_number_cell(in, column.type()));  // NaN is stored as missing
    return;
  }
  const char first = in.peek();
  if (first == 'n') {
    if (!in.literal("null")) throw NotFast{};
    column.push_missing();
    return;
  }
  if (first == 't' || first == 'f') {
    const bool value = first == 't';
    if (!in.literal(value ? "true" : "false")) throw NotFast{};
    if (column.type() == ColumnType::Boolean) {
      column.push_number(value ? 1 : 0);
    } else {
      column.push_text(engine::format_boolean(value));
    }
    return;
  }
  if (first == '"') {
    const std::string_view text = in.string();
    if (text.empty()) {
      column.push_missing();
      return;
    }
    if (column.type() == ColumnType::String) {
      column.push_text(std::string(text));
      return;
    }
    auto value = engine::parse_boolean(text);
    if (!value) throw NotFast{};
    column.push_number(*value ? 1 : 0);
    return;
  }
  const Cursor::Number number = in.number();
  if (column.type() == ColumnType::Boolean) throw NotFast{};
  column.push_text(number_text(number));
}

// "ColumnNames":[...] with every schema column named once: the schema index of each, in the
// request's order.
std::vector<size_t> read_column_names(Cursor& in, const engine::TableSchema& schema) {
  if (in.string() != "ColumnNames") throw NotFast{};
  in.expect(':');
  std::vector<size_t> order;
  order.reserve(schema.size());
  std::vector<bool> named(schema.size(), false);
  in.expect('[');
  if (!in.consume(']')) {
    do {
      const std::string_view name = in.string();
      // Clients mostly send the columns in the schema's order: look there first.
      size_t index = order.size();
      if (index >= schema.size() || schema[index].name != name) {
        index = 0;
        while (index < schema.size() && schema[index].name != name) ++index;
      }
      if (index == schema.size() || named[index]) throw NotFast{};  // not in the schema, or given twice
      named[index] = true;
      order.push_back(index);
    } while (in.consume(','));
    in.expect(']');
  }
  if (order.size() != schema.size()) throw NotFast{};
  return order;
}

// "Values":[[...],...]: read_value(in, position) reads each cell, position being the cell's
// place in its row. Returns the number of rows.
template <typename ReadValue>
size_t read_values(Cursor& in, size_t columns, size_t max_rows, ReadValue&& read_value) {
  if (in.string() != "Values") throw NotFast{};
  in.expect(':');
  in.expect('[');
  if (in.consume(']')) return 0;
  size_t rows = 0;
  do {
    if (++rows > max_rows) throw NotFast{};
    in.expect('[');
    for (size_t c = 0; c < columns; ++c) {
      if (c > 0) in.expect(',');
      read_value(in, c);
    }
    in.expect(']');
  } while (in.consume(','));
  in.expect(']');
  return rows;
}

// {"ColumnNames":[...],"Values":[[...],...]}, in that order, every schema column named once.
engine::Table read_input(Cursor& in, const engine::TableSchema& schema, size_t max_rows) {
  in.expect('{');
  const std::vector<size_t> order = read_column_names(in, schema);
  std::vector<engine::Column> columns;
  columns.reserve(order.size());
  for (size_t index : order) columns.emplace_back(schema[index].name, schema[index].type);
  in.expect(',');
  read_values(in, columns.size(), max_rows, [&](Cursor& cells, size_t c) { read_cell(cells, columns[c]); });
  in.expect('}');
  return engine::Table(std::move(columns), engine::Table::DistinctNames{});
}

void read_inputs(Cursor& in, const engine::CompiledGraph& graph, size_t max_rows,
                 std::map<std::string, engine::Table>& tables) {
  in.expect('{');
  if (!in.consume('}')) {
    do {
      const std::string_view name = in.string();
      in.expect(':');
      const engine::CompiledGraph::GraphInput* spec = nullptr;
      for (const auto& candidate : graph.inputs()) {
        if (candidate.name == name) spec = &candidate;
      }
      if (!spec || !spec->schema || tables.count(spec->name)) throw NotFast{};
      tables.emplace(spec->name, read_input(in, *spec->schema, max_rows));
    } while (in.consume(','));
    in.expect('}');
  }
  if (tables.size() != graph.inputs().size()) throw NotFast{};
}

// "ColumnNames":[...] for a plan's schema, remembered per thread as the bytes of the last call:
// a client sends the same names with every call, and looking up each of them in the schema was
// a good part of reading a one-row call. The order read is a function of those bytes and the
// plan's schema alone, so the same bytes for the same plan give the same order.
const std::vector<size_t>& read_column_order(Cursor& in, const engine::ScoringPlan& plan) {
  struct LastColumnNames {
    std::uint64_t plan = 0;
    std::string text;
    std::vector<size_t> order;
  };
  thread_local LastColumnNames last;
  if (last.plan == plan.id() && in.skip(last.text)) return last.order;
  const size_t start = in.position();
  std::vector<size_t> order = read_column_names(in, plan.input_schema());
  last.plan = plan.id();
  last.text = std::string(in.between(start, in.position()));
  last.order = std::move(order);
  return last.order;
}

// {"input1":{"ColumnNames":[...],"Values":[[...],...]}} for the plan's one input: each feature
// cell straight into its slot of the row of features, every other cell read (so that it is
// checked as the general reader checks it) and dropped.
RrsFeatureRows read_feature_rows(Cursor& in, const engine::ScoringPlan& plan, size_t max_rows) {
  const engine::TableSchema& schema = plan.input_schema();
  in.expect('{');
  if (in.string() != plan.input_name()) throw NotFast{};
  in.expect(':');
  in.expect('{');
  const std::vector<size_t>& order = read_column_order(in, plan);
  // Per position, the columns the model does not read; left empty (no allocation) when it reads all.
  std::vector<std::optional<engine::Column>> dropped;
  for (size_t position = 0; position < order.size(); ++position) {
    if (plan.slot_of(order[position])) continue;
    if (dropped.empty()) dropped.resize(order.size());
    dropped[position].emplace(schema[order[position]].name, schema[order[position]].type);
  }
  in.expect(',');
  RrsFeatureRows rows;
  const size_t width = plan.width();
  float* row = nullptr;
  rows.rows = read_values(in, order.size(), max_rows, [&](Cursor& cells, size_t position) {
    if (position == 0) {
      rows.features.resize(rows.features.size() + width);
      row = rows.features.data() + rows.features.size() - width;
    }
    const size_t column = order[position];
    if (auto slot = plan.slot_of(column)) {
      row[*slot] = plan.encode(column, read_number_cell(cells, schema[column].type));
    } else {
      read_cell(cells, *dropped[position]);
    }
  });
  if (rows.rows == 0) throw NotFast{};  // the plan scores rows; an empty call is the graph's to run
  in.expect('}');
  in.expect('}');
  return rows;
}

// null or {}: a call that sets none.
void read_no_parameters(Cursor& in) {
  if (in.literal("null")) return;
  in.expect('{');
  in.expect('}');
}

// {"Inputs":...,"GlobalParameters":null|{}}, the members in either order and "GlobalParameters"
// optional; read_inputs reads the value of "Inputs".
template <typename ReadInputs>
void read_call(std::string_view body, ReadInputs&& read_inputs) {
  Cursor in(body);
  bool inputs_read = false;
  bool parameters_read = false;
  in.expect('{');
  do {
    const std::string_view member = in.string();
    in.expect(':');
    if (member == "Inputs" && !inputs_read) {
      read_inputs(in);
      inputs_read = true;
    } else if (member == "GlobalParameters" && !parameters_read) {
      read_no_parameters(in);
      parameters_read = true;
    } else {
      throw NotFast{};
    }
  } while (in.consume(','));
  in.expect('}');
  if (!inputs_read || !in.at_end()) throw NotFast{};
}

}  // namespace

std::optional<RrsCall> read_rrs_request_fast(std::string_view body, const engine::CompiledGraph& graph,
                                             std::size_t max_rows) {
  if (graph.inputs().empty()) return std::nullopt;
  try {
    RrsCall call;
    read_call(body, [&](Cursor& in) { read_inputs(in, graph, max_rows, call.inputs); });
    return call;
  } catch (const NotFast&) {
    return std::nullopt;
  } catch (const Error&) {
    return std::nullopt;  // the general reader words it
  }
}

std::optional<RrsFeatureRows> read_rrs_features_fast(std::string_view body, const engine::ScoringPlan& plan,
                                                     std::size_t max_rows) {
  try {
    RrsFeatureRows rows;
    read_call(body, [&](Cursor& in) { rows = read_feature_rows(in, plan, max_rows); });
    return rows;
  } catch (const NotFast&) {
    return std::nullopt;
  } catch (const Error&) {
    return std::nullopt;  // the general reader words it
  }
}

}  // namespace azml::host::runtime
