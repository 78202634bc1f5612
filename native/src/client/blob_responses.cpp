#include "client/blob_responses.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "common/arm_error.hpp"
#include "common/strings.hpp"

namespace azml::client {

namespace {

namespace pt = boost::property_tree;

// Azure Storage starts its XML with a UTF-8 byte order mark.
std::string without_bom(const std::string& xml) { return starts_with(xml, "\xEF\xBB\xBF") ? xml.substr(3) : xml; }

std::optional<pt::ptree> parse_xml(const std::string& xml) {
  pt::ptree tree;
  std::istringstream in(without_bom(xml));
  try {
    pt::read_xml(in, tree);
  } catch (const pt::xml_parser_error&) {
    return std::nullopt;
  }
  return tree;
}

std::string child_text(const pt::ptree& node, const char* name) {
  auto child = node.get_child_optional(pt::ptree::path_type(name, '/'));
  return child ? child->data() : std::string();
}

}  // namespace

BlobListPage parse_blob_list(const std::string& xml) {
  auto tree = parse_xml(xml);
  auto results = tree ? tree->get_child_optional("EnumerationResults") : boost::none;
  if (!results) {
    throw Error(ErrorCode::Http,
                "list blobs: the service answered with a body that is not an EnumerationResults "
                "XML document");
  }
  BlobListPage page;
  if (auto blobs = results->get_child_optional("Blobs")) {
    for (const auto& [name, node] : *blobs) {
      if (name != "Blob") continue;  // BlobPrefix entries appear only with a delimiter
      BlobInfo info;
      info.name = child_text(node, "Name");
      const std::string length = child_text(node, "Properties/Content-Length");
      try {
        info.size = length.empty() ? 0 : std::stoull(length);
      } catch (const std::exception&) {
        throw Error(ErrorCode::Http, "list blobs: blob '" + info.name +
                                         "' has a Content-Length that is not a "
                                         "number: '" +
                                         length + "'");
      }
      info.content_type = child_text(node, "Properties/Content-Type");
      info.etag = child_text(node, "Properties/Etag");
      info.last_modified = child_text(node, "Properties/Last-Modified");
      page.blobs.push_back(std::move(info));
    }
  }
  page.next_marker = child_text(*results, "NextMarker");
  return page;
}

Error storage_error_from_response(const http::Response& response, const std::string& what) {
  std::string code = response.headers.get("x-ms-error-code").value_or("");
  std::string message;
  std::string detail;
  if (auto tree = parse_xml(response.body)) {
    if (auto error = tree->get_child_optional("Error")) {
      if (code.empty()) code = child_text(*error, "Code");
      message = child_text(*error, "Message");
      detail = child_text(*error, "AuthenticationErrorDetail");
    }
  }
  // Azure appends "\nRequestId:…\nTime:…" to every message; the request id has its own field.
  message = trim(message.substr(0, message.find('\n')));
  if (message.empty()) {
    message = response.body.empty() || response.body.size() > 500 || !code.empty()
                  ? "the service answered HTTP " + std::to_string(response.status) + (code.empty() ? "" : " " + code)
                  : trim(response.body);
  }
  if (!detail.empty()) message += " (" + trim(detail) + ")";
  Error error(error_code_for_status(response.status), what + ": " + message);
  error.with_service_code(code)
      .with_http_status(response.status)
      .with_request_id(response.headers.get("x-ms-request-id").value_or(""));
  return error;
}

}  // namespace azml::client
