// Create Container, Put Blob, Get Blob (and its Range), Get Blob Properties and Delete Blob.
#include "blobs/blob_operations.hpp"

#include "blobs/blob_conditions.hpp"
#include "blobs/storage_errors.hpp"
#include "common/content_md5.hpp"
#include "common/http_date.hpp"
#include "common/strings.hpp"

namespace azml::host::blobs {

namespace {

Error blob_not_found() { return storage_error(404, "BlobNotFound", "The specified blob does not exist."); }

void require_container(BlobCall& call) {
  const BlobAddress& address = call.request.address;
  if (!call.service.store().container_exists(address.account, address.container)) {
    throw storage_error(404, "ContainerNotFound", "The specified container does not exist.");
  }
}

void set_blob_headers(http::Response& response, const BlobProperties& properties) {
  response.headers.set("ETag", properties.etag);
  response.headers.set("Last-Modified", properties.last_modified);
  response.headers.set("x-ms-blob-type", "BlockBlob");
  response.headers.set("x-ms-server-encrypted", "false");
}

http::Response not_modified(const BlobProperties& properties) {
  http::Response response;
  response.status = 304;
  response.headers.set("ETag", properties.etag);
  response.headers.set("Last-Modified", properties.last_modified);
  return response;
}

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
};

// x-ms-range (preferred, as Azure reads it) or Range: "bytes=first-" or "bytes=first-last".
std::optional<ByteRange> requested_range(const http::Headers& headers, std::uint64_t size) {
  const char* name = headers.has("x-ms-range") ? "x-ms-range" : "Range";
  auto value = headers.get(name);
  if (!value) return std::nullopt;
  const std::string text = trim(*value);
  const auto dash = text.find('-');
  const auto is_number = [](const std::string& s) {
    if (s.empty() || s.size() > 19) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if (!starts_with(text, "bytes=") || dash == std::string::npos) {
    throw invalid_header(name, text, "must read bytes=<first>-[<last>] (one range)");
  }
  const std::string first = text.substr(6, dash - 6);
  const std::string last = text.substr(dash + 1);
  if (!is_number(first) || (!last.empty() && !is_number(last))) {
    throw invalid_header(name, text, "must read bytes=<first>-[<last>] (one range)");
  }
  ByteRange range{std::stoull(first), last.empty() ? size - 1 : std::stoull(last)};
  if (!last.empty() && range.last < range.first) {
    throw invalid_header(name, text, "has its last byte before its first");
  }
  if (range.first >= size) {
    Error error =
        storage_error(416, "InvalidRange", "The range specified is invalid for the current size of the resource.");
    throw error;
  }
  range.last = std::min(range.last, size - 1);
  return range;
}

}  // namespace

http::Response create_container(BlobCall& call) {
  const BlobAddress& address = call.request.address;
  call.service.store().create_container(address.account, address.container);
  http::Response response;
  response.status = 201;
  response.headers.set("Last-Modified", format_rfc1123(call.settings.now()));
  return response;
}

http::Response put_blob(BlobCall& call) {
  const BlobAddress& address = call.request.address;
  const http::Request& http = call.route.http;
  auto blob_type = http.headers.get("x-ms-blob-type");
  if (!blob_type) throw missing_header("x-ms-blob-type");
  if (trim(*blob_type) != "BlockBlob") {
    throw invalid_header("x-ms-blob-type", *blob_type, "must be BlockBlob (azml-host keeps block blobs only)");
  }
  require_container(call);
  BlobStore& store = call.service.store();
  check_conditions(http.headers, store.get_properties(address.account, address.container, address.name), false);
  const std::string md5 = content_md5(http.body);
  if (auto sent = http.headers.get("Content-MD5"); sent && !trim(*sent).empty() && trim(*sent) != md5) {
    throw storage_error(400, "Md5Mismatch",
                        "The MD5 value specified in the request did not match with the MD5 value calculated by the "
                        "server.");
  }
  // x-ms-blob-content-type names the type when Content-Type describes the request, as Azure allows.
  std::string content_type =
      http.headers.get("x-ms-blob-content-type").value_or(http.headers.get("Content-Type").value_or(""));
  BlobProperties properties =
      store.put_blob(address.account, address.container, address.name, http.body, trim(content_type));
  http::Response response;
  response.status = 201;
  response.headers.set("ETag", properties.etag);
  response.headers.set("Last-Modified", properties.last_modified);
  response.headers.set("Content-MD5", properties.content_md5);
  response.headers.set("x-ms-request-server-encrypted", "false");
  return response;
}

http::Response get_blob(BlobCall& call, bool head_only) {
  const BlobAddress& address = call.request.address;
  const http::Headers& headers = call.route.http.headers;
  BlobStore& store = call.service.store();
  require_container(call);

  if (head_only) {
    auto properties = store.get_properties(address.account, address.container, address.name);
    if (!properties) throw blob_not_found();
    if (check_conditions(headers, properties, true) == ConditionOutcome::NotModified) return not_modified(*properties);
    http::Response response;
    response.status = 200;
    set_blob_headers(response, *properties);
    response.headers.set("Content-Type", properties->content_type);
    response.headers.set("Content-MD5", properties->content_md5);
    // The transport sends a HEAD response's Content-Length as given here; the size travels in
    // x-ms-blob-content-length as well, which azml's BlobClient reads first (older hosts could
    // not send the former).
    response.headers.set("Content-Length", std::to_string(properties->size));
    response.headers.set("x-ms-blob-content-length", std::to_string(properties->size));
    response.headers.set("Accept-Ranges", "bytes");
    return response;
  }

  BlobProperties properties;
  auto data = store.get_blob(address.account, address.container, address.name, &properties);
  if (!data) throw blob_not_found();
  if (check_conditions(headers, properties, true) == ConditionOutcome::NotModified) return not_modified(properties);
  http::Response response;
  set_blob_headers(response, properties);
  response.headers.set("Content-Type", properties.content_type);
  response.headers.set("Accept-Ranges", "bytes");
  const auto range = data->empty() ? std::nullopt : requested_range(headers, data->size());
  if (range) {
    response.status = 206;
    response.headers.set("Content-Range", "bytes " + std::to_string(range->first) + "-" + std::to_string(range->last) +
                                              "/" + std::to_string(data->size()));
    response.headers.set("x-ms-blob-content-md5", properties.content_md5);
    response.body = data->substr(range->first, range->last - range->first + 1);
  } else {
    response.status = 200;
    response.headers.set("Content-MD5", properties.content_md5);
    response.body = std::move(*data);
  }
  return response;
}

http::Response delete_blob(BlobCall& call) {
  const BlobAddress& address = call.request.address;
  require_container(call);
  BlobStore& store = call.service.store();
  auto properties = store.get_properties(address.account, address.container, address.name);
  if (!properties) throw blob_not_found();
  check_conditions(call.route.http.headers, properties, false);
  if (!store.delete_blob(address.account, address.container, address.name)) throw blob_not_found();
  http::Response response;
  response.status = 202;
  response.headers.set("x-ms-delete-type-permanent", "true");
  return response;
}

}  // namespace azml::host::blobs
