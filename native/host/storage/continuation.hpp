// The opaque continuation of a keyset-paginated listing: the sort key of the last row a page
// held. URL-safe (base64url without padding) because it travels as a $skiptoken query value.
#pragma once

#include <string>
#include <string_view>

namespace azml::host::storage {

struct ListingPosition {
  std::string resource_group_key;  // lower-case
  std::string name_key;            // lower-case
};

std::string encode_continuation(const ListingPosition& position);
// Throws azml::Error(Invalid) for anything encode_continuation did not produce.
ListingPosition decode_continuation(std::string_view token);

}  // namespace azml::host::storage
