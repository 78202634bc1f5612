#include <algorithm>

#include "blobs/blob_store.hpp"
#include "common/strings.hpp"
#include "common/url.hpp"

namespace azml::host::blobs {

std::optional<BlobAddress> parse_own_blob_url(std::string_view url, const std::vector<std::string>& own_authorities) {
  Url parsed;
  try {
    parsed = parse_url(url);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const bool ours = std::any_of(own_authorities.begin(), own_authorities.end(),
                                [&](const std::string& a) { return iequals(a, parsed.authority); });
  if (!ours) return std::nullopt;
  Target target;
  try {
    target = parse_target(parsed.path_and_query);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  // blob / account / container / name (the name may contain '/')
  if (target.segments.size() < 4 || target.segments[0] != "blob") return std::nullopt;
  BlobAddress address{target.segments[1], target.segments[2], target.segments[3]};
  for (size_t i = 4; i < target.segments.size(); ++i) address.name += "/" + target.segments[i];
  return address;
}

}  // namespace azml::host::blobs
