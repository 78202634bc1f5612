// List Blobs: prefix, delimiter (virtual directories as BlobPrefix entries), maxresults and
// markers over the store's name-ordered pages.
#include "blobs/blob_operations.hpp"
#include "blobs/blob_xml.hpp"
#include "blobs/storage_errors.hpp"
#include "common/crypto.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

constexpr size_t kMaxResults = 5000;

size_t max_results_of(const Query& query) {
  auto text = query.get("maxresults");
  if (!text) return kMaxResults;
  size_t value = 0;
  bool digits = !text->empty() && text->size() <= 6;
  for (char c : *text) digits = digits && c >= '0' && c <= '9';
  if (digits) value = std::stoul(*text);
  if (!digits || value < 1 || value > kMaxResults) {
    throw invalid_query_parameter("maxresults", *text, "must be a whole number from 1 to 5000");
  }
  return value;
}

}  // namespace

std::string encode_marker(const std::string& resume_after) {
  std::string text = base64_encode(resume_after);
  for (auto& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::string decode_marker(const std::string& marker) {
  std::string text = marker;
  for (auto& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (text.size() % 4 != 0) text += '=';
  try {
    return base64_decode(text);
  } catch (const Error&) {
    throw invalid_query_parameter("marker", marker, "is not a marker this service returned");
  }
}

http::Response list_blobs(BlobCall& call) {
  const Query& query = call.request.query;
  const BlobAddress& address = call.request.address;
  ListBlobsRequest listing;
  listing.service_endpoint = (call.settings.base_url ? call.settings.base_url(call.route.http) : std::string()) +
                             "/blob/" + address.account + "/";
  listing.container = address.container;
  listing.prefix = query.get("prefix");
  listing.marker = query.get("marker");
  listing.delimiter = query.get("delimiter");
  if (listing.delimiter && listing.delimiter->empty()) listing.delimiter.reset();
  const size_t max_results = max_results_of(query);
  if (query.get("maxresults")) listing.max_results = max_results;

  const std::string prefix = listing.prefix.value_or("");
  std::string cursor = listing.marker && !listing.marker->empty() ? decode_marker(*listing.marker) : "";
  BlobStore& store = call.service.store();
  if (!store.container_exists(address.account, address.container)) {
    throw storage_error(404, "ContainerNotFound", "The specified container does not exist.");
  }

  std::vector<ListEntry> entries;
  bool exhausted = false;
  while (entries.size() < max_results) {
    BlobListing page =
        store.list_blobs(address.account, address.container, prefix, cursor, max_results - entries.size());
    bool cut = false;  // whether this page was left before its end
    for (size_t i = 0; i < page.items.size() && !cut; ++i) {
      BlobItem& item = page.items[i];
      const auto at = listing.delimiter ? item.name.find(*listing.delimiter, prefix.size()) : std::string::npos;
      if (at != std::string::npos) {
        // Every name under this virtual directory sorts before "<directory>\xFF" (0xFF never
        // occurs in UTF-8), so the listing resumes after all of them.
        ListEntry entry;
        entry.is_prefix = true;
        entry.prefix = item.name.substr(0, at + listing.delimiter->size());
        cursor = entry.prefix + "\xFF";
        entries.push_back(std::move(entry));
        cut = true;
        continue;
      }
      cursor = item.name;
      ListEntry entry;
      entry.blob = std::move(item);
      entries.push_back(std::move(entry));
      cut = entries.size() == max_results && i + 1 < page.items.size();
    }
    if (!cut && page.next_marker.empty()) {
      exhausted = true;
      break;
    }
  }
  const std::string next_marker = exhausted ? "" : encode_marker(cursor);

  http::Response response;
  response.status = 200;
  response.headers.set("Content-Type", kXmlContentType);
  response.body = list_blobs_xml(listing, entries, next_marker);
  return response;
}

}  // namespace azml::host::blobs
