#include "runtime/rrs_response_text.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string_view>

#include "engine/value_text.hpp"

namespace azml::host::runtime {

namespace {

// A byte the JSON library would check as UTF-8; the general path writes such text.
struct NotAscii {};

class JsonText {
 public:
  std::string& out() { return out_; }
  void raw(std::string_view text) { out_.append(text); }

  // As nlohmann::json dumps a string: the two-character escapes, \u00xx for other control
  // characters, everything else as it is.
  void string(std::string_view text) {
    out_ += '"';
    for (char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80) throw NotAscii{};
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (byte < 0x20) {
            static const char* hex = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[byte >> 4];
            out_ += hex[byte & 0xf];
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  // A cell as Column::to_text writes it, quoted; null when missing.
  void cell(const engine::Column& column, size_t row) {
    if (column.is_missing(row)) {
      out_ += "null";
      return;
    }
    switch (column.type()) {
      case engine::ColumnType::String: string(column.text(row)); return;
      case engine::ColumnType::Boolean: string(engine::format_boolean(column.number(row) != 0)); return;
      case engine::ColumnType::Double:
      case engine::ColumnType::Integer: {
        const double value = column.number(row);
        if (!std::isfinite(value)) {
          string(engine::format_number(value));
          return;
        }
        // engine::format_number's shortest form, without a string of its own.
        char buffer[64];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        out_ += '"';
        out_.append(buffer, result.ptr);
        out_ += '"';
        return;
      }
    }
  }

 private:
  std::string out_;
};

void write_table_form(JsonText& json, const engine::Table& table, bool details) {
  json.raw("{\"type\":\"table\",\"value\":{");
  if (details) {
    json.raw("\"ColumnNames\":[");
    for (size_t c = 0; c < table.column_count(); ++c) {
      if (c > 0) json.raw(",");
      json.string(table.column(c).name());
    }
    json.raw("],\"ColumnTypes\":[");
    for (size_t c = 0; c < table.column_count(); ++c) {
      if (c > 0) json.raw(",");
      json.string(engine::rrs_type_name(table.column(c).type()));
    }
    json.raw("],");
  }
  json.raw("\"Values\":[");
  for (size_t row = 0; row < table.row_count(); ++row) {
    if (row > 0) json.raw(",");
    json.raw("[");
    for (size_t c = 0; c < table.column_count(); ++c) {
      if (c > 0) json.raw(",");
      json.cell(table.column(c), row);
    }
    json.raw("]");
  }
  json.raw("]}}");
}

void write_swagger_form(JsonText& json, const engine::Table& table) {
  json.raw("[");
  for (size_t row = 0; row < table.row_count(); ++row) {
    if (row > 0) json.raw(",");
    json.raw("{");
    for (size_t c = 0; c < table.column_count(); ++c) {
      if (c > 0) json.raw(",");
      json.string(table.column(c).name());
      json.raw(":");
      json.cell(table.column(c), row);
    }
    json.raw("}");
  }
  json.raw("]");
}

}  // namespace

std::optional<std::string> rrs_response_text(const std::map<std::string, engine::Value>& results,
                                             const engine::CompiledGraph& graph, const RrsOptions& options) {
  JsonText json;
  std::set<std::string_view> written;
  try {
    json.raw("{\"Results\":{");
    for (const auto& output : graph.outputs()) {
      auto result = results.find(output.name);
      if (result == results.end()) continue;
      // Not a table: write_rrs_response words the error. A name given twice: the document
      // keeps one member for both, which only it knows how to place.
      if (result->second.kind() != engine::PortKind::Dataset || !written.insert(output.name).second) {
        return std::nullopt;
      }
      if (written.size() > 1) json.raw(",");
      json.string(output.name);
      json.raw(":");
      if (options.format == RrsFormat::Swagger) {
        write_swagger_form(json, result->second.table());
      } else {
        write_table_form(json, result->second.table(), options.details);
      }
    }
    json.raw("}}");
  } catch (const NotAscii&) {
    return std::nullopt;
  }
  return std::move(json.out());
}

}  // namespace azml::host::runtime
