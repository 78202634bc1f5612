// Structured log lines on stderr, one event per line in logfmt:
//   ts=2026-01-02T03:04:05.0000000Z level=info event=request method=GET path=/subscriptions status=200 ms=1.2 request_id=...
// Callers pass only what may be logged: never an Authorization header, a token or a key.
#pragma once

#include <initializer_list>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace azml::host::app {

enum class LogLevel { Error = 0, Warn = 1, Info = 2, Debug = 3 };

// "error", "warn", "info", "debug"; nullopt for anything else.
std::optional<LogLevel> parse_log_level(std::string_view text);
const char* to_string(LogLevel level) noexcept;

using LogField = std::pair<std::string_view, std::string>;

class Logger {
 public:
  explicit Logger(LogLevel threshold, std::ostream& out);

  bool enabled(LogLevel level) const noexcept { return level <= threshold_; }
  // Writes "ts=… level=… event=<event> k=v …" when level is enabled. Thread-safe; one write per line.
  void log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields = {});

  // logfmt quoting: bare when the value has no space, quote, '=' or control character.
  static std::string format_value(std::string_view value);

 private:
  LogLevel threshold_;
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace azml::host::app
