#include "definition/walker.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "common/strings.hpp"
#include "definition/schema.hpp"

namespace azml::definition::detail {

namespace {

const char* json_kind_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::null: return "null";
    default: return "an unsupported value";
  }
}

bool parse_whole_integer(const std::string& text, long long& out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) return false;
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size()) return false;
  out = value;
  return true;
}

std::string comma_separated(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

// Walks one document. `path_` grows and shrinks as the walk goes down and up, so building a
// path costs nothing until an issue needs it.
class Walker {
 public:
  Walker(Purpose purpose, WalkResult& result) : purpose_(purpose), result_(result) {}

  json walk(const json& value, const Type& type) {
    if (value.is_null()) return nullptr;  // null is allowed anywhere and means "absent"
    switch (type.kind) {
      case Kind::String: return expect_string(value);
      case Kind::DateTime: return walk_date_time(value);
      case Kind::Boolean: return walk_boolean(value);
      case Kind::Integer: return walk_integer(value, type);
      case Kind::Enum: return walk_enum(value, type);
      case Kind::Object: return walk_object(value, *type.object);
      case Kind::Map: return walk_map(value, *type.element);
      case Kind::Array: return walk_array(value, *type.element);
      case Kind::Parameter: return walk_parameter(value, *type.object);
      case Kind::Any: return value;
    }
    return value;
  }

  json walk_root(const json& document, const ObjectType& resource) {
    if (!document.is_object()) {
      shape_issue(std::string("the web service must be a JSON object, not ") + json_kind_name(document));
      return document;
    }
    return walk_object(document, resource);
  }

 private:
  void shape_issue(std::string message) { result_.shape_issues.push_back({path_, std::move(message)}); }
  void rule_issue(std::string message) { result_.rule_issues.push_back({path_, std::move(message)}); }

  void wrong_type(const char* expected, const json& value) {
    shape_issue(std::string("expected ") + expected + ", got " + json_kind_name(value));
  }

  json expect_string(const json& value) {
    if (!value.is_string()) wrong_type("a string", value);
    return value;
  }

  json walk_date_time(const json& value) {
    if (!value.is_string()) {
      wrong_type("a date-time string", value);
      return value;
    }
    if (!is_iso8601_date_time(value.get_ref<const std::string&>())) {
      rule_issue("'" + value.get<std::string>() + "' is not an ISO 8601 date-time (e.g. 2017-04-26T17:08:46Z)");
    }
    return value;
  }

  // Json.NET (the Azure SDK's serializer) reads "true"/"false" into a bool and "20" into an int;
  // real definitions rely on it (the dogfood definition has "readOnly": "false").
  json walk_boolean(const json& value) {
    if (value.is_boolean()) return value;
    if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      if (iequals(text, "true")) return true;
      if (iequals(text, "false")) return false;
    }
    wrong_type("a boolean", value);
    return value;
  }

  json walk_integer(const json& value, const Type& type) {
    long long number = 0;
    bool ok = false;
    if (value.is_number_unsigned()) {
      // Beyond long long: still an integer, and above any maximum the schema sets.
      constexpr auto kLargest = static_cast<unsigned long long>(std::numeric_limits<long long>::max());
      number = static_cast<long long>(std::min(value.get<unsigned long long>(), kLargest));
      ok = true;
    } else if (value.is_number_integer()) {
      number = value.get<long long>();
      ok = true;
    } else if (value.is_number_float()) {
      double d = value.get<double>();
      if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e18) {
        number = static_cast<long long>(d);
        ok = true;
      }
    } else if (value.is_string()) {
      ok = parse_whole_integer(value.get_ref<const std::string&>(), number);
    }
    if (!ok) {
      wrong_type("an integer", value);
      return value;
    }
    if ((type.minimum && number < *type.minimum) || (type.maximum && number > *type.maximum)) {
      rule_issue(std::to_string(number) + " is out of range: it must be between " +
                 std::to_string(type.minimum.value_or(std::numeric_limits<long long>::min())) + " and " +
                 std::to_string(type.maximum.value_or(std::numeric_limits<long long>::max())));
    }
    if (value.is_number_integer()) return value;  // as given (unsigned included)
    return number;
  }

  json walk_enum(const json& value, const Type& type) {
    if (!value.is_string()) {
      wrong_type("a string", value);
      return value;
    }
    const auto& text = value.get_ref<const std::string&>();
    for (const auto& allowed : type.enum_values) {
      if (iequals(text, allowed)) return allowed;
    }
    if (type.enum_open || (text.empty() && type.enum_allows_empty)) return value;
    rule_issue("'" + text + "' is not a valid value; expected one of: " + comma_separated(type.enum_values));
    return value;
  }

  json walk_parameter(const json& value, const ObjectType& object_form) {
    if (value.is_string()) return value;  // 2016-05-01-preview: map<string,string>
    if (value.is_object()) return walk_object(value, object_form);
    shape_issue(std::string("expected a string or an object {value, certificateThumbprint}, got ") +
                json_kind_name(value));
    return value;
  }

  json walk_object(const json& value, const ObjectType& object) {
    if (!value.is_object()) {
      wrong_type("an object", value);
      return value;
    }
    json out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    const size_t mark = path_.size();
    for (auto it = value.begin(); it != value.end(); ++it) {
      const Field* field = object.find(it.key());
      if (field == nullptr) {
        members.emplace(it.key(), json(it.value()));  // unknown: kept exactly as given, never looked into
        continue;
      }
      append_key(field->name);
      auto [slot, inserted] = members.emplace(field->name, nullptr);
      if (inserted) {
        slot->second = walk(it.value(), *field->type);
      } else {
        shape_issue("the field is given more than once, in different casing");
      }
      path_.resize(mark);
    }
    check_required(out, object);
    return out;
  }

  void check_required(const json& out, const ObjectType& object) {
    if (purpose_ == Purpose::Patch) return;
    const size_t mark = path_.size();
    for (const Field& field : object.fields) {
      bool required = field.required == Required::Always ||
                      (field.required == Required::CreateOnly && purpose_ == Purpose::Create);
      if (!required) continue;
      auto it = out.find(field.name);
      if (it != out.end() && !it->is_null()) continue;
      append_key(field.name);
      rule_issue(object.name + "." + field.name + " is required");
      path_.resize(mark);
    }
  }

  json walk_map(const json& value, const Type& element) {
    if (!value.is_object()) {
      wrong_type("an object", value);
      return value;
    }
    json out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    const size_t mark = path_.size();
    for (auto it = value.begin(); it != value.end(); ++it) {
      append_key(it.key());  // map keys are data: never renamed
      // The source's keys are unique already: appending keeps its order in O(1).
      members.emplace_back(it.key(), walk(it.value(), element));
      path_.resize(mark);
    }
    return out;
  }

  json walk_array(const json& value, const Type& element) {
    if (!value.is_array()) {
      wrong_type("an array", value);
      return value;
    }
    json out = json::array();
    const size_t mark = path_.size();
    size_t index = 0;
    for (const auto& item : value) {
      path_ += '[';
      path_ += std::to_string(index++);
      path_ += ']';
      out.push_back(walk(item, element));
      path_.resize(mark);
    }
    return out;
  }

  void append_key(const std::string& key) {
    if (!path_.empty()) path_ += '.';
    path_ += key;
  }

  Purpose purpose_;
  WalkResult& result_;
  std::string path_;
};

bool digits(std::string_view text, size_t at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

bool is_iso8601_date_time(std::string_view text) noexcept {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day)) {
    return false;
  }
  (void)year;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  size_t at = 10;
  if (at == text.size()) return true;  // a date alone
  if (text[at] != 'T' && text[at] != 't' && text[at] != ' ') return false;
  ++at;
  if (!digits(text, at, 2, hour) || at + 2 >= text.size() || text[at + 2] != ':' ||
      !digits(text, at + 3, 2, minute)) {
    return false;
  }
  if (hour > 23 || minute > 59) return false;
  at += 5;
  if (at < text.size() && text[at] == ':') {
    if (!digits(text, at + 1, 2, second) || second > 60) return false;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      size_t start = ++at;
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
      if (at == start) return false;
    }
  }
  if (at == text.size()) return true;  // no zone: local time, as Json.NET reads it
  if ((text[at] == 'Z' || text[at] == 'z') && at + 1 == text.size()) return true;
  if (text[at] != '+' && text[at] != '-') return false;
  int zone_hour = 0, zone_minute = 0;
  if (!digits(text, at + 1, 2, zone_hour) || zone_hour > 14) return false;
  at += 3;
  if (at == text.size()) return true;
  if (text[at] == ':') ++at;
  return digits(text, at, 2, zone_minute) && zone_minute <= 59 && at + 2 == text.size();
}

WalkResult walk_web_service(const json& document, Purpose purpose) {
  WalkResult result;
  Walker walker(purpose, result);
  const Schema& schema = Schema::instance();
  result.normalized = walker.walk_root(document, schema.resource());
  return result;
}

}  // namespace azml::definition::detail
