#include "app/logger.hpp"

#include "common/strings.hpp"
#include "common/time_util.hpp"

namespace azml::host::app {

std::optional<LogLevel> parse_log_level(std::string_view text) {
  if (iequals(text, "error")) return LogLevel::Error;
  if (iequals(text, "warn") || iequals(text, "warning")) return LogLevel::Warn;
  if (iequals(text, "info")) return LogLevel::Info;
  if (iequals(text, "debug")) return LogLevel::Debug;
  return std::nullopt;
}

const char* to_string(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::Error: return "error";
    case LogLevel::Warn: return "warn";
    case LogLevel::Info: return "info";
    case LogLevel::Debug: return "debug";
  }
  return "info";
}

Logger::Logger(LogLevel threshold, std::ostream& out) : threshold_(threshold), out_(out) {}

std::string Logger::format_value(std::string_view value) {
  bool needs_quotes = value.empty();
  for (char c : value) {
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) needs_quotes = true;
  }
  if (!needs_quotes) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\t': quoted += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          static const char* hex = "0123456789abcdef";
          quoted += "\\x";
          quoted += hex[(c >> 4) & 0xf];
          quoted += hex[c & 0xf];
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

void Logger::log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields) {
  if (!enabled(level)) return;
  std::string line = "ts=" + now_iso8601() + " level=" + to_string(level) + " event=" + format_value(event);
  for (const auto& [name, value] : fields) {
    line += ' ';
    line += name;
    line += '=';
    line += format_value(value);
  }
  line += '\n';
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << line << std::flush;
}

}  // namespace azml::host::app
