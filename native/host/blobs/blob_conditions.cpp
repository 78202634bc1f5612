#include "blobs/blob_conditions.hpp"

#include "blobs/storage_errors.hpp"
#include "common/http_date.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

Error condition_not_met() {
  return storage_error(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.");
}

// Whether an If-Match / If-None-Match list names the ETag ("*" names any).
bool names_etag(const std::string& list, const std::string& etag) {
  for (const auto& item : split(list, ',')) {
    std::string tag = trim(item);
    if (tag == "*") return true;
    if (starts_with(tag, "W/")) tag = tag.substr(2);  // weak comparison: blobs have strong ETags only
    if (tag == etag || "\"" + tag + "\"" == etag) return true;
  }
  return false;
}

std::optional<Clock::time_point> header_date(const http::Headers& headers, const char* name) {
  auto value = headers.get(name);
  return value ? parse_rfc1123(trim(*value)) : std::nullopt;
}

}  // namespace

ConditionOutcome check_conditions(const http::Headers& headers, const std::optional<BlobProperties>& current,
                                  bool is_read) {
  if (auto if_match = headers.get("If-Match")) {
    if (!current || !names_etag(*if_match, current->etag)) throw condition_not_met();
  }
  if (auto if_none_match = headers.get("If-None-Match");
      if_none_match && current && names_etag(*if_none_match, current->etag)) {
    if (is_read) return ConditionOutcome::NotModified;
    if (trim(*if_none_match) == "*") {
      throw storage_error(409, "BlobAlreadyExists", "The specified blob already exists.");
    }
    throw condition_not_met();
  }
  if (!current) return ConditionOutcome::Proceed;
  const auto modified = parse_rfc1123(current->last_modified);
  if (!modified) return ConditionOutcome::Proceed;
  if (auto since = header_date(headers, "If-Unmodified-Since"); since && *modified > *since) throw condition_not_met();
  if (auto since = header_date(headers, "If-Modified-Since"); since && *modified <= *since) {
    if (is_read) return ConditionOutcome::NotModified;
    throw condition_not_met();
  }
  return ConditionOutcome::Proceed;
}

}  // namespace azml::host::blobs
