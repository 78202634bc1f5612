#include "engine/csv.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/column_builder.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

struct Field {
  std::string text;
};

// Splits the text into records of fields, following RFC 4180 with either line end.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
  }

  bool at_end() const { return position_ >= text_.size(); }
  size_t line() const { return line_; }

  // Reads one record; `row_label` names it in errors ("header", "row 3").
  std::vector<std::string> next(const std::string& row_label) {
    std::vector<std::string> fields;
    record_line_ = line_;
    while (true) {
      std::string field;
      if (position_ < text_.size() && text_[position_] == '"') {
        ++position_;
        while (true) {
          if (position_ >= text_.size()) {
            fail(row_label, fields.size(), "a quoted field is not closed before the end of the file");
          }
          char c = text_[position_];
          if (c == '"') {
            if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
              field += '"';
              position_ += 2;
              continue;
            }
            ++position_;
            break;
          }
          if (c == '\n') ++line_;
          field += c;
          ++position_;
        }
      } else {
        while (position_ < text_.size()) {
          char c = text_[position_];
          if (c == delimiter_ || c == '\n' || c == '\r') break;
          if (c == '"') fail(row_label, fields.size(), "a quote inside an unquoted field (quote the whole field)");
          field += c;
          ++position_;
        }
      }
      if (!is_valid_utf8(field)) fail(row_label, fields.size(), "the field is not valid UTF-8");
      fields.push_back(std::move(field));
      if (position_ >= text_.size()) return fields;
      char c = text_[position_];
      if (c == delimiter_) {
        ++position_;
        continue;
      }
      if (c == '\r') {
        ++position_;
        if (position_ < text_.size() && text_[position_] == '\n') ++position_;
        ++line_;
        return fields;
      }
      if (c == '\n') {
        ++position_;
        ++line_;
        return fields;
      }
      // Only reachable after a closing quote.
      fail(row_label, fields.size() - 1, "unexpected text after a closing quote");
    }
  }

  void set_header(std::vector<std::string> names) { header_ = std::move(names); }

 private:
  [[noreturn]] void fail(const std::string& row_label, size_t field_index, const std::string& message) const {
    std::string column = field_index < header_.size() ? "column '" + header_[field_index] + "'"
                                                       : "field " + std::to_string(field_index + 1);
    throw Error(ErrorCode::Invalid,
                "CSV line " + std::to_string(record_line_) + " (" + row_label + "), " + column + ": " + message);
  }

  std::string_view text_;
  char delimiter_;
  size_t position_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 1;
  std::vector<std::string> header_;
};

bool is_blank_record(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

bool needs_quotes(const std::string& text, char delimiter) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' || text.back() == '\t') return true;
  for (char c : text) {
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

void append_field(std::string& out, const std::string& text, char delimiter) {
  if (!needs_quotes(text, delimiter)) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Table read_csv(std::string_view text, const CsvReadOptions& options) {
  RecordReader reader(text, options.delimiter);
  if (reader.at_end()) throw Error(ErrorCode::Invalid, "the CSV text is empty: a header row is required");
  std::vector<std::string> header = reader.next("header");
  for (size_t i = 0; i < header.size(); ++i) {
    if (trim(header[i]).empty()) {
      throw Error(ErrorCode::Invalid, "CSV header: column " + std::to_string(i + 1) + " has no name");
    }
    for (size_t j = 0; j < i; ++j) {
      if (header[j] == header[i]) {
        throw Error(ErrorCode::Invalid, "CSV header: the column name '" + header[i] + "' appears twice (columns " +
                                            std::to_string(j + 1) + " and " + std::to_string(i + 1) + ")");
      }
    }
  }
  reader.set_header(header);

  std::vector<std::vector<TextCell>> cells(header.size());
  size_t row = 0;
  while (!reader.at_end()) {
    size_t line = reader.line();
    std::string row_label = "row " + std::to_string(row + 1);
    std::vector<std::string> fields = reader.next(row_label);
    // A blank line is a row of one missing value in a one-column file, and skipped otherwise.
    if (header.size() > 1 && is_blank_record(fields)) continue;
    if (fields.size() != header.size()) {
      throw Error(ErrorCode::Invalid, "CSV line " + std::to_string(line) + " (" + row_label + "): expected " +
                                          std::to_string(header.size()) + " fields, found " +
                                          std::to_string(fields.size()));
    }
    for (size_t c = 0; c < fields.size(); ++c) {
      if (fields[c].empty()) {
        cells[c].emplace_back(std::nullopt);
      } else {
        cells[c].emplace_back(std::move(fields[c]));
      }
    }
    ++row;
  }

  Table table;
  for (size_t c = 0; c < header.size(); ++c) {
    table.add_column(build_column(header[c], cells[c], infer_column_type(cells[c]), "CSV"));
  }
  return table;
}

char delimiter_for_path(const std::string& path) {
  std::string lower = to_lower(path);
  return ends_with(lower, ".tsv") || ends_with(lower, ".tab") ? '\t' : ',';
}

Table read_csv_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::NotFound, "cannot open '" + path + "' for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  try {
    return read_csv(buffer.str(), CsvReadOptions{delimiter_for_path(path)});
  } catch (const Error& e) {
    throw Error(e.code(), path + ": " + e.what());
  }
}

std::string write_csv(const Table& table, const CsvWriteOptions& options) {
  const char* line_end = options.crlf ? "\r\n" : "\n";
  std::string out;
  for (size_t c = 0; c < table.column_count(); ++c) {
    if (c > 0) out += options.delimiter;
    append_field(out, table.column(c).name(), options.delimiter);
  }
  out += line_end;
  for (size_t row = 0; row < table.row_count(); ++row) {
    for (size_t c = 0; c < table.column_count(); ++c) {
      if (c > 0) out += options.delimiter;
      append_field(out, table.column(c).to_text(row), options.delimiter);
    }
    out += line_end;
  }
  return out;
}

void write_csv_file(const Table& table, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::Generic, "cannot open '" + path + "' for writing");
  out << write_csv(table, CsvWriteOptions{delimiter_for_path(path), false});
  if (!out.flush()) throw Error(ErrorCode::Generic, "cannot write '" + path + "'");
}

}  // namespace azml::engine
