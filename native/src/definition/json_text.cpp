// parse_json: JSON text in, with errors a person can act on (line and column).
#include <cctype>
#include <string>

#include "definition/definition.hpp"

namespace azml::definition {

namespace {

// Deeper documents are refused before parsing: every pass over a document (normalise, export,
// compare) recurses, and real definitions nest about a dozen levels.
constexpr size_t kMaxNestingDepth = 512;

struct TextPosition {
  size_t line = 1;
  size_t column = 1;  // in characters (UTF-8 code points), from 1
};

TextPosition position_of(std::string_view text, size_t offset) {
  TextPosition position;
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++position.column;
    }
  }
  return position;
}

std::string capitalised(std::string_view what) {
  std::string out(what);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string where(const TextPosition& p) {
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

void refuse_deep_nesting(std::string_view text, std::string_view what) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) {
        throw Error(ErrorCode::Invalid, capitalised(what) + " is nested more than " +
                                            std::to_string(kMaxNestingDepth) + " levels deep (" +
                                            where(position_of(text, i)) + ")");
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error while parsing ..."; keep only what follows the position.
std::string parse_error_reason(const std::string& message) {
  auto at = message.find("parse error");
  if (at == std::string::npos) return message;
  auto colon = message.find(": ", at);
  return colon == std::string::npos ? message : message.substr(colon + 2);
}

}  // namespace

json parse_json(std::string_view text, std::string_view what) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  refuse_deep_nesting(text, what);
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based index of the character the parser stopped at.
    size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    throw Error(ErrorCode::Invalid, capitalised(what) + " is not valid JSON (" + where(position_of(text, offset)) +
                                        "): " + parse_error_reason(e.what()));
  } catch (const json::out_of_range& e) {
    // Valid syntax, but a number no double holds, such as 1e400 ("number overflow parsing '1e400'").
    const std::string message = e.what();
    const auto detail = message.find("] ");
    throw Error(ErrorCode::Invalid, capitalised(what) + " holds a number too large to read (" +
                                        (detail == std::string::npos ? message : message.substr(detail + 2)) + ").");
  }
}

}  // namespace azml::definition
