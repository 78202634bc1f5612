// How values are written as text and read back: one place, so CSV, RRS and parameters agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace azml::engine {

// The shortest text that reads back as the same double ("0.1", "1001", "1e-07");
// "NaN", "Infinity", "-Infinity" for the non-finite values.
std::string format_number(double value);

// A decimal or scientific number, surrounding blanks ignored, an optional leading '+';
// "NaN", "Infinity", "-Infinity", "inf" accepted (case-insensitively). nullopt otherwise.
std::optional<double> parse_number(std::string_view text);

// "true"/"false" in any case. nullopt otherwise.
std::optional<bool> parse_boolean(std::string_view text);
const char* format_boolean(bool value) noexcept;  // "True"/"False", as Azure prints them

// True when the value is whole and within Int32, Azure's integer column type.
bool is_int32(double value) noexcept;

// Checks UTF-8: false on a bad sequence, an overlong form or a surrogate.
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace azml::engine
