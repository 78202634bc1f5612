// A module's parameters as Azure names them ("Learning rate", "Select columns"), values as
// text. Names match case-insensitively because real definitions change their case. Every
// getter names the parameter in its error.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/column_picker.hpp"

namespace azml::engine {

// What a module or learner accepts: the name, the default (used when the parameter is not
// given; nullopt means the parameter is required) and other spellings Azure used for it.
struct ParameterSpec {
  std::string name;
  std::optional<std::string> default_value;
  std::vector<std::string> aliases;
};

class Parameters {
 public:
  Parameters() = default;
  explicit Parameters(const std::map<std::string, std::string>& values);
  Parameters(std::initializer_list<std::pair<std::string, std::string>> values);

  // Sets (or replaces, matching the name case-insensitively) a value.
  void set(const std::string& name, std::string value);
  std::optional<std::string> find(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const noexcept { return items_; }

  // Throws azml::Error(Invalid) for a parameter no spec names, listing the accepted names.
  // Returns a copy with every name canonical (aliases replaced) and defaults filled in.
  // A required parameter (no default) that is missing throws too.
  Parameters resolved(const std::vector<ParameterSpec>& specs, const std::string& owner) const;

  // Typed getters. Each reads the value (which resolved() guarantees when a default exists)
  // and throws azml::Error(Invalid) "parameter 'X': ..." when it is missing or malformed.
  std::string text(std::string_view name) const;
  double number(std::string_view name, std::optional<double> minimum = std::nullopt,
                std::optional<double> maximum = std::nullopt) const;
  long long integer(std::string_view name, std::optional<long long> minimum = std::nullopt,
                    std::optional<long long> maximum = std::nullopt) const;
  // "True"/"False" in any case.
  bool boolean(std::string_view name) const;
  // One of the options (case-insensitively); returns the option as spelled in `options`.
  std::string choice(std::string_view name, const std::vector<std::string>& options) const;
  ColumnPicker columns(std::string_view name) const;
  // An integer, or nullopt when the value is empty (Azure's "Random number seed" may be blank).
  std::optional<long long> optional_integer(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace azml::engine
