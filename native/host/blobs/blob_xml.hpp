// The XML azml-host's blob API writes: escaping and the List Blobs document
// (learn.microsoft.com/rest/api/storageservices/list-blobs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blobs/blob_store.hpp"

namespace azml::host::blobs {

inline constexpr const char* kXmlContentType = "application/xml";
inline constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

// Text safe inside an element or a quoted attribute: & < > " ' escaped.
std::string xml_escape(std::string_view text);

struct ListBlobsRequest {
  std::string service_endpoint;  // "http://127.0.0.1:8080/blob/azmlstore/"
  std::string container;
  std::optional<std::string> prefix;
  std::optional<std::string> marker;
  std::optional<size_t> max_results;
  std::optional<std::string> delimiter;
};

// One entry of the listing: a blob, or (with a delimiter) a virtual directory.
struct ListEntry {
  bool is_prefix = false;
  BlobItem blob;       // when !is_prefix
  std::string prefix;  // when is_prefix
};

// The EnumerationResults document; next_marker empty on the last page.
std::string list_blobs_xml(const ListBlobsRequest& request, const std::vector<ListEntry>& entries,
                           const std::string& next_marker);

}  // namespace azml::host::blobs
