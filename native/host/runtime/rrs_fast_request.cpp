#include "runtime/rrs_fast_request.hpp"

#include <charconv>
#include <cmath>
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

void push_number_checked(engine::Column& column, double value) {
  if (column.type() == engine::ColumnType::Integer && !std::isnan(value) && !engine::is_int32(value)) throw NotFast{};
  column.push_number(value);
}

// One value into its column, as build_column would store the cell the general reader makes of it.
void read_cell(Cursor& in, engine::Column& column) {
  using engine::ColumnType;
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
    } else if (column.type() == ColumnType::String) {
      column.push_text(engine::format_boolean(value));
    } else {
      throw NotFast{};
    }
    return;
  }
  if (first == '"') {
    const std::string_view text = in.string();
    if (text.empty()) {
      column.push_missing();
      return;
    }
    switch (column.type()) {
      case ColumnType::String: column.push_text(std::string(text)); return;
      case ColumnType::Boolean: {
        auto value = engine::parse_boolean(text);
        if (!value) throw NotFast{};
        column.push_number(*value ? 1 : 0);
        return;
      }
      case ColumnType::Double:
      case ColumnType::Integer: {
        auto value = engine::parse_number(text);
        if (!value) throw NotFast{};
        push_number_checked(column, *value);
        return;
      }
    }
    throw NotFast{};
  }
  const Cursor::Number number = in.number();
  switch (column.type()) {
    case ColumnType::String: column.push_text(number_text(number)); return;
    case ColumnType::Double:
    case ColumnType::Integer: push_number_checked(column, number_value(number)); return;
    case ColumnType::Boolean: throw NotFast{};
  }
  throw NotFast{};
}

// {"ColumnNames":[...],"Values":[[...],...]}, in that order, every schema column named once.
engine::Table read_input(Cursor& in, const engine::TableSchema& schema, size_t max_rows) {
  in.expect('{');
  if (in.string() != "ColumnNames") throw NotFast{};
  in.expect(':');
  std::vector<engine::Column> columns;
  columns.reserve(schema.size());
  std::vector<bool> named(schema.size(), false);
  in.expect('[');
  if (!in.consume(']')) {
    do {
      const std::string_view name = in.string();
      // Clients mostly send the columns in the schema's order: look there first.
      size_t index = columns.size();
      if (index >= schema.size() || schema[index].name != name) {
        index = 0;
        while (index < schema.size() && schema[index].name != name) ++index;
      }
      if (index == schema.size() || named[index]) throw NotFast{};  // not in the schema, or given twice
      named[index] = true;
      columns.emplace_back(std::string(name), schema[index].type);
    } while (in.consume(','));
    in.expect(']');
  }
  if (columns.size() != schema.size()) throw NotFast{};

  in.expect(',');
  if (in.string() != "Values") throw NotFast{};
  in.expect(':');
  in.expect('[');
  size_t rows = 0;
  if (!in.consume(']')) {
    do {
      if (++rows > max_rows) throw NotFast{};
      in.expect('[');
      for (size_t c = 0; c < columns.size(); ++c) {
        if (c > 0) in.expect(',');
        read_cell(in, columns[c]);
      }
      in.expect(']');
    } while (in.consume(','));
    in.expect(']');
  }
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

// null or {}: a call that sets none.
void read_no_parameters(Cursor& in) {
  if (in.literal("null")) return;
  in.expect('{');
  in.expect('}');
}

}  // namespace

std::optional<RrsCall> read_rrs_request_fast(std::string_view body, const engine::CompiledGraph& graph,
                                             std::size_t max_rows) {
  if (graph.inputs().empty()) return std::nullopt;
  try {
    Cursor in(body);
    RrsCall call;
    bool inputs_read = false;
    bool parameters_read = false;
    in.expect('{');
    do {
      const std::string_view member = in.string();
      in.expect(':');
      if (member == "Inputs" && !inputs_read) {
        read_inputs(in, graph, max_rows, call.inputs);
        inputs_read = true;
      } else if (member == "GlobalParameters" && !parameters_read) {
        read_no_parameters(in);
        parameters_read = true;
      } else {
        throw NotFast{};
      }
    } while (in.consume(','));
    in.expect('}');
    if (!inputs_read || !in.at_end()) return std::nullopt;
    return call;
  } catch (const NotFast&) {
    return std::nullopt;
  } catch (const Error&) {
    return std::nullopt;  // the general reader words it
  }
}

}  // namespace azml::host::runtime
