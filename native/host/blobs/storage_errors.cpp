#include "blobs/storage_errors.hpp"

#include "blobs/blob_xml.hpp"
#include "common/arm_error.hpp"
#include "common/time_util.hpp"

namespace azml::host::blobs {

namespace {

// Details whose code is one of these become elements of the error body, as Azure writes them.
bool is_body_element(const std::string& name) {
  return name == "AuthenticationErrorDetail" || name == "HeaderName" || name == "HeaderValue" ||
         name == "QueryParameterName" || name == "QueryParameterValue" || name == "Reason";
}

}  // namespace

Error storage_error(int status, const std::string& code, const std::string& message) {
  ErrorCode kind = error_code_for_status(status);
  if (status == 403) kind = ErrorCode::Unauthorized;
  return Error(kind, code, message).with_http_status(status);
}

Error missing_header(const std::string& header) {
  return storage_error(400, "MissingRequiredHeader",
                       "An HTTP header that's mandatory for this request is not specified: " + header + ".")
      .add_detail({"HeaderName", header, ""});
}

Error invalid_header(const std::string& header, const std::string& value, const std::string& why) {
  return storage_error(
             400, "InvalidHeaderValue",
             "The value for one of the HTTP headers is not in the correct format: " + header + " " + why + ".")
      .add_detail({"HeaderName", header, ""})
      .add_detail({"HeaderValue", value, ""});
}

Error invalid_query_parameter(const std::string& name, const std::string& value, const std::string& why) {
  return storage_error(
             400, "InvalidQueryParameterValue",
             "Value for one of the query parameters specified in the request URI is invalid: " + name + " " + why + ".")
      .add_detail({"QueryParameterName", name, ""})
      .add_detail({"QueryParameterValue", value, ""})
      .add_detail({"Reason", why, ""});
}

Error authentication_failed(const std::string& detail) {
  return storage_error(403, "AuthenticationFailed",
                       "Server failed to authenticate the request. Make sure the value of Authorization header is "
                       "formed correctly including the signature.")
      .add_detail({"AuthenticationErrorDetail", detail, ""});
}

http::Response storage_error_response(const Error& error, const std::string& method, const std::string& request_id) {
  const bool from_blob_api = error.http_status() >= 400;
  const int status = from_blob_api ? error.http_status() : http_status_for(error);
  std::string code = error.service_code();
  if (code.empty()) code = status >= 500 ? "InternalError" : arm_code_for(error);
  std::string message = error.what();
  if (!from_blob_api && status >= 500) {
    message = "The server encountered an internal error. Please retry the request.";
  }

  http::Response response;
  response.status = status;
  response.headers.set("x-ms-error-code", code);
  if (method == "HEAD") return response;  // a HEAD response has no body to carry the XML
  std::string xml = std::string(kXmlDeclaration) + "<Error><Code>" + xml_escape(code) + "</Code><Message>" +
                    xml_escape(message + "\nRequestId:" + request_id + "\nTime:" + now_iso8601()) + "</Message>";
  for (const auto& detail : error.details()) {
    if (is_body_element(detail.code))
      xml += "<" + detail.code + ">" + xml_escape(detail.message) + "</" + detail.code + ">";
  }
  xml += "</Error>";
  response.headers.set("Content-Type", kXmlContentType);
  response.body = std::move(xml);
  return response;
}

}  // namespace azml::host::blobs
