#include "engine/value_text.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "common/strings.hpp"

namespace azml::engine {

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[64];
  // Shortest round-trip form (C++17 to_chars without precision).
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::optional<double> parse_number(std::string_view text) {
  std::string trimmed = trim(text);
  std::string_view view = trimmed;
  if (view.empty()) return std::nullopt;
  if (iequals(view, "nan")) return std::numeric_limits<double>::quiet_NaN();
  bool negative = false;
  std::string_view body = view;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "inf") || iequals(body, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (body.empty() || body.front() == '+' || body.front() == '-') return std::nullopt;
  // from_chars accepts neither a leading '+' nor "inf" spelled out as Infinity; both handled above.
  double value = 0;
  auto result = std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::general);
  if (result.ec != std::errc() || result.ptr != body.data() + body.size()) return std::nullopt;
  if (std::isnan(value) || std::isinf(value)) return std::nullopt;  // "nan"/"inf" forms handled above only
  return negative ? -value : value;
}

std::optional<bool> parse_boolean(std::string_view text) {
  std::string trimmed = trim(text);
  if (iequals(trimmed, "true")) return true;
  if (iequals(trimmed, "false")) return false;
  return std::nullopt;
}

const char* format_boolean(bool value) noexcept { return value ? "True" : "False"; }

bool is_int32(double value) noexcept {
  return std::isfinite(value) && std::floor(value) == value && value >= -2147483648.0 && value <= 2147483647.0;
}

bool is_valid_utf8(std::string_view text) noexcept {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned int code_point = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code_point = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code_point = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code_point = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    static constexpr unsigned int kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kMinimum[length] || code_point > 0x10FFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    i += length;
  }
  return true;
}

}  // namespace azml::engine
