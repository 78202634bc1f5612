// CSV and TSV with a header row (Azure's GenericCSV/GenericTSV): RFC 4180 quoting, UTF-8
// (a leading byte-order mark is skipped), CRLF or LF line ends, one type inferred per column.
#pragma once

#include <string>
#include <string_view>

#include "engine/table.hpp"

namespace azml::engine {

struct CsvReadOptions {
  char delimiter = ',';
};

struct CsvWriteOptions {
  char delimiter = ',';
  bool crlf = false;  // RFC 4180 asks for CRLF; LF is the Unix default
};

// Parses the text. Empty fields are missing values. Errors (azml::Error(Invalid)) name the
// line, the 1-based data row and the column: a row with too many or too few fields, a quote
// inside an unquoted field, text after a closing quote, an unterminated quote, invalid UTF-8,
// an empty or duplicate header name.
Table read_csv(std::string_view text, const CsvReadOptions& options = {});

// Reads a file; ".tsv" and ".tab" files are tab-separated, anything else comma-separated.
Table read_csv_file(const std::string& path);

// Writes the header and every row. Fields holding the delimiter, a quote, CR or LF, or
// leading/trailing blanks are quoted; missing values are empty fields.
std::string write_csv(const Table& table, const CsvWriteOptions& options = {});
void write_csv_file(const Table& table, const std::string& path);  // delimiter from the extension

// The delimiter a path's extension implies.
char delimiter_for_path(const std::string& path);

}  // namespace azml::engine
