#include "jobs/blob_reference.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::jobs {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& message) {
  throw Error(ErrorCode::Invalid, "BadArgument", where + ": " + message).with_target(where);
}

// Accepts the portal sample's PascalCase names and any other casing of them.
std::string text_member(const json& object, const char* name, const std::string& where) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!iequals(it.key(), name)) continue;
    if (it->is_null()) return std::string();
    if (!it->is_string()) invalid(where + "." + name, "must be a string");
    return trim(it->get<std::string>());
  }
  return std::string();
}

}  // namespace

BlobReference BlobReference::parse(const json& value, const std::string& where) {
  if (!value.is_object()) {
    invalid(where, "must be an AzureBlobDataReference object with ConnectionString and RelativeLocation");
  }
  BlobReference reference;
  reference.connection_string = text_member(value, "ConnectionString", where);
  reference.relative_location = text_member(value, "RelativeLocation", where);
  reference.base_location = text_member(value, "BaseLocation", where);
  reference.sas_token = text_member(value, "SasBlobToken", where);
  if (reference.connection_string.empty() && reference.base_location.empty()) {
    invalid(where, "needs a ConnectionString (or a BaseLocation with a SasBlobToken) saying which storage to use");
  }
  if (reference.relative_location.empty()) {
    invalid(where + ".RelativeLocation", "is required: \"container/blob\"");
  }
  std::string location = reference.relative_location;
  while (starts_with(location, "/")) location.erase(0, 1);
  const auto slash = location.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= location.size()) {
    invalid(where + ".RelativeLocation", "must name a container and a blob, as \"container/blob\", not '" +
                                             reference.relative_location + "'");
  }
  reference.container = location.substr(0, slash);
  reference.blob = location.substr(slash + 1);
  return reference;
}

json BlobReference::to_json() const {
  json out = json::object();
  if (!connection_string.empty()) out["ConnectionString"] = connection_string;
  out["RelativeLocation"] = relative_location;
  if (!base_location.empty()) out["BaseLocation"] = base_location;
  if (!sas_token.empty()) out["SasBlobToken"] = sas_token;
  return out;
}

bool BlobReference::has_extension(const char* extension) const { return ends_with(to_lower(blob), to_lower(extension)); }

}  // namespace azml::host::jobs
