// The ARM WebService schema (both api-versions at once) as a small table of object types and
// fields. Private to the definition component: the walker reads it to rename keys, check value
// types and find required fields; export reads it for the read-only fields.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace azml::definition::detail {

enum class Kind {
  String,
  Boolean,
  Integer,  // (no field of the WebService schema is a plain JSON number)
  DateTime,   // a string holding an ISO 8601 date-time
  Enum,       // a string from a fixed list, compared case-insensitively
  Object,     // a schema object: its keys are field names
  Map,        // map<string, element>: its keys are data and are never renamed
  Array,      // array<element>
  Any,        // any JSON value, kept as given and never looked into
  Parameter,  // a string (2016-05-01-preview) or a WebServiceParameter object (2017-01-01)
};

struct ObjectType;

struct Type {
  Kind kind = Kind::Any;
  const ObjectType* object = nullptr;  // Object, and the object form of Parameter
  const Type* element = nullptr;       // Map values, Array items
  std::vector<std::string> enum_values;  // Enum, in the schema's spelling
  // Enum: values outside the list are accepted as they are (the service's own output, where
  // the swagger says "modelAsString"), only their spelling is normalised.
  bool enum_open = false;
  // Enum: "" is accepted (production emits "format": "" for String columns).
  bool enum_allows_empty = false;
  std::optional<long long> minimum;  // Integer
  std::optional<long long> maximum;  // Integer
};

// When a field must be present (and not null).
enum class Required {
  Never,
  Always,      // for Purpose::Create and Purpose::Import (never for Patch)
  CreateOnly,  // for Purpose::Create only
};

struct Field {
  std::string name;  // the schema's camelCase spelling
  const Type* type = nullptr;
  Required required = Required::Never;
  bool read_only = false;
};

struct ObjectType {
  std::string name;  // the swagger definition's name, for messages
  std::vector<Field> fields;

  // Case-insensitive lookup; nullptr for a key the schema does not know.
  const Field* find(std::string_view key) const noexcept;
  // Exact (camelCase) lookup.
  const Field* find_exact(std::string_view camel_name) const noexcept;
};

class Schema {
 public:
  static const Schema& instance();

  const Type& web_service() const { return *web_service_; }
  const ObjectType& resource() const { return *resource_; }
  const ObjectType& properties() const { return *properties_; }

  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

 private:
  Schema();
  Type& new_type(Kind kind);
  ObjectType& new_object(std::string name);

  // deques: the types point at each other, so their addresses must never move.
  std::deque<Type> types_;
  std::deque<ObjectType> objects_;
  const Type* web_service_ = nullptr;
  const ObjectType* resource_ = nullptr;
  const ObjectType* properties_ = nullptr;
};

}  // namespace azml::definition::detail
