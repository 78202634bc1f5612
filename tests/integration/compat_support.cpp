#include "compat_support.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace azml::test::compat {

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool equivalent_scalars(const json& sent, const json& got) {
  if (sent == got) return true;
  if (sent.is_number() && got.is_number()) return std::fabs(sent.get<double>() - got.get<double>()) < 1e-9;
  if (sent.is_string() && got.is_boolean()) return lower(sent.get<std::string>()) == (got.get<bool>() ? "true" : "false");
  if (sent.is_string() && got.is_number()) {
    const std::string text = sent.get<std::string>();
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    return !text.empty() && end && *end == '\0' && std::fabs(value - got.get<double>()) < 1e-9;
  }
  return false;
}

std::string kind_of(const json& value) {
  if (value.is_object()) return "object";
  if (value.is_array()) return "array";
  if (value.is_string()) return "string";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  return "null";
}

void compare(const json& sent, const json& got, const std::string& path, const std::vector<std::string>& skip,
             Differences& out) {
  if (std::find(skip.begin(), skip.end(), path) != skip.end()) return;
  if (sent.is_null()) return;
  if (sent.is_object()) {
    if (!got.is_object()) {
      out.push_back(path + ": sent an object, got " + kind_of(got));
      return;
    }
    for (const auto& [key, value] : sent.items()) {
      if (value.is_null()) continue;
      auto match = got.end();
      for (auto it = got.begin(); it != got.end(); ++it) {
        if (it.key() == key) {
          match = it;
          break;
        }
        if (lower(it.key()) == lower(key) && match == got.end()) match = it;
      }
      const std::string camel_path = (path.empty() ? "" : path + ".") +
                                     (match != got.end() ? match.key() : key);
      if (std::find(skip.begin(), skip.end(), camel_path) != skip.end()) continue;
      if (match == got.end()) {
        out.push_back(camel_path + ": missing");
        continue;
      }
      if (match.key() != key && !std::islower(static_cast<unsigned char>(match.key()[0]))) {
        out.push_back(camel_path + ": renamed from '" + key + "' but not to camelCase");
      }
      compare(value, match.value(), camel_path, skip, out);
    }
    return;
  }
  if (sent.is_array()) {
    if (!got.is_array() || got.size() != sent.size()) {
      out.push_back(path + ": sent an array of " + std::to_string(sent.size()) + ", got " + got.dump().substr(0, 200));
      return;
    }
    for (size_t i = 0; i < sent.size(); ++i) compare(sent[i], got[i], path + "[" + std::to_string(i) + "]", skip, out);
    return;
  }
  if (!equivalent_scalars(sent, got)) out.push_back(path + ": sent " + sent.dump() + ", got " + got.dump());
}

void compare_shape(const json& recorded, const json& ours, const std::string& path, Differences& out) {
  if (kind_of(recorded) != kind_of(ours)) {
    out.push_back(path + ": recorded " + kind_of(recorded) + ", ours " + kind_of(ours));
    return;
  }
  if (!recorded.is_object()) return;
  for (const auto& [key, value] : recorded.items()) {
    const std::string child = path.empty() ? key : path + "." + key;
    auto it = ours.find(key);
    if (it == ours.end()) {
      out.push_back(child + ": missing");
      continue;
    }
    compare_shape(value, *it, child, out);
  }
}

}  // namespace

Differences missing_from(const json& sent, const json& got, const std::vector<std::string>& skip) {
  Differences out;
  compare(sent, got, "", skip, out);
  return out;
}

Differences shape_differences(const json& recorded, const json& ours) {
  Differences out;
  compare_shape(recorded, ours, "", out);
  return out;
}

std::string describe(const Differences& differences) {
  std::string text;
  for (const auto& d : differences) text += "\n  " + d;
  return text;
}

}  // namespace azml::test::compat
