#include "engine/parameters.hpp"

#include <cmath>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/value_text.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(std::string_view name, const std::string& message) {
  throw Error(ErrorCode::Invalid, "parameter '" + std::string(name) + "': " + message);
}

std::string format_limit(double value) { return format_number(value); }

}  // namespace

Parameters::Parameters(const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) set(name, value);
}

Parameters::Parameters(std::initializer_list<std::pair<std::string, std::string>> values) {
  for (const auto& [name, value] : values) set(name, value);
}

void Parameters::set(const std::string& name, std::string value) {
  for (auto& item : items_) {
    if (iequals(item.first, name)) {
      item.second = std::move(value);
      return;
    }
  }
  items_.emplace_back(name, std::move(value));
}

std::optional<std::string> Parameters::find(std::string_view name) const {
  for (const auto& item : items_) {
    if (iequals(item.first, name)) return item.second;
  }
  return std::nullopt;
}

Parameters Parameters::resolved(const std::vector<ParameterSpec>& specs, const std::string& owner) const {
  Parameters out;
  for (const auto& [name, value] : items_) {
    const ParameterSpec* match = nullptr;
    for (const auto& spec : specs) {
      if (iequals(spec.name, name)) match = &spec;
      for (const auto& alias : spec.aliases) {
        if (iequals(alias, name)) match = &spec;
      }
      if (match) break;
    }
    if (!match) {
      std::vector<std::string> accepted;
      for (const auto& spec : specs) accepted.push_back(spec.name);
      throw Error(ErrorCode::Invalid, owner + " has no parameter '" + name + "'" +
                                          (accepted.empty() ? std::string("; it takes none")
                                                            : "; its parameters are " + quote_names(accepted, 40)));
    }
    out.set(match->name, value);
  }
  for (const auto& spec : specs) {
    if (out.find(spec.name)) continue;
    if (!spec.default_value) {
      throw Error(ErrorCode::Invalid, owner + ": the parameter '" + spec.name + "' is required");
    }
    out.set(spec.name, *spec.default_value);
  }
  return out;
}

std::string Parameters::text(std::string_view name) const {
  auto value = find(name);
  if (!value) invalid(name, "is required");
  return *value;
}

double Parameters::number(std::string_view name, std::optional<double> minimum, std::optional<double> maximum) const {
  std::string value = text(name);
  auto parsed = parse_number(value);
  if (!parsed || !std::isfinite(*parsed)) invalid(name, "'" + value + "' is not a number");
  if (minimum && *parsed < *minimum) invalid(name, value + " is below the minimum, " + format_limit(*minimum));
  if (maximum && *parsed > *maximum) invalid(name, value + " is above the maximum, " + format_limit(*maximum));
  return *parsed;
}

long long Parameters::integer(std::string_view name, std::optional<long long> minimum,
                              std::optional<long long> maximum) const {
  std::string value = text(name);
  auto parsed = parse_number(value);
  if (!parsed || !std::isfinite(*parsed) || std::floor(*parsed) != *parsed || std::fabs(*parsed) > 9.0e15) {
    invalid(name, "'" + value + "' is not a whole number");
  }
  auto result = static_cast<long long>(*parsed);
  if (minimum && result < *minimum) invalid(name, value + " is below the minimum, " + std::to_string(*minimum));
  if (maximum && result > *maximum) invalid(name, value + " is above the maximum, " + std::to_string(*maximum));
  return result;
}

std::optional<long long> Parameters::optional_integer(std::string_view name) const {
  auto value = find(name);
  if (!value || trim(*value).empty()) return std::nullopt;
  return integer(name);
}

bool Parameters::boolean(std::string_view name) const {
  std::string value = text(name);
  auto parsed = parse_boolean(value);
  if (!parsed) invalid(name, "'" + value + "' is neither True nor False");
  return *parsed;
}

std::string Parameters::choice(std::string_view name, const std::vector<std::string>& options) const {
  std::string value = trim(text(name));
  for (const auto& option : options) {
    if (iequals(option, value)) return option;
  }
  invalid(name, "'" + value + "' is not one of " + quote_names(options, 40));
}

ColumnPicker Parameters::columns(std::string_view name) const {
  try {
    return ColumnPicker::parse(text(name));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Invalid) throw;
    invalid(name, e.what());
  }
}

}  // namespace azml::engine
