#include "blobs/blob_xml.hpp"

namespace azml::host::blobs {

namespace {

std::string element(const char* name, std::string_view text) {
  if (text.empty()) return std::string("<") + name + " />";
  return std::string("<") + name + ">" + xml_escape(text) + "</" + name + ">";
}

std::string blob_xml(const BlobItem& blob) {
  const BlobProperties& p = blob.properties;
  return "<Blob>" + element("Name", blob.name) + "<Properties>" + element("Last-Modified", p.last_modified) +
         element("Etag", p.etag) + element("Content-Length", std::to_string(p.size)) +
         element("Content-Type", p.content_type) + element("Content-Encoding", "") + element("Content-Language", "") +
         element("Content-MD5", p.content_md5) + element("Cache-Control", "") + element("Content-Disposition", "") +
         "<BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier>"
         "<AccessTierInferred>true</AccessTierInferred><LeaseStatus>unlocked</LeaseStatus>"
         "<LeaseState>available</LeaseState><ServerEncrypted>false</ServerEncrypted></Properties>"
         "<OrMetadata /></Blob>";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string list_blobs_xml(const ListBlobsRequest& request, const std::vector<ListEntry>& entries,
                           const std::string& next_marker) {
  std::string xml = kXmlDeclaration;
  xml += "<EnumerationResults ServiceEndpoint=\"" + xml_escape(request.service_endpoint) + "\" ContainerName=\"" +
         xml_escape(request.container) + "\">";
  if (request.prefix) xml += element("Prefix", *request.prefix);
  if (request.marker) xml += element("Marker", *request.marker);
  if (request.max_results) xml += element("MaxResults", std::to_string(*request.max_results));
  if (request.delimiter) xml += element("Delimiter", *request.delimiter);
  xml += "<Blobs>";
  for (const auto& entry : entries) {
    xml += entry.is_prefix ? "<BlobPrefix>" + element("Name", entry.prefix) + "</BlobPrefix>" : blob_xml(entry.blob);
  }
  xml += "</Blobs>" + element("NextMarker", next_marker) + "</EnumerationResults>";
  return xml;
}

}  // namespace azml::host::blobs
