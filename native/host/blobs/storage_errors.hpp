// Errors of the blob REST API, as Azure Storage returns them: the status, an x-ms-error-code
// header and an XML body
//   <?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code>
//   <Message>The specified blob does not exist.\nRequestId:...\nTime:...</Message></Error>
// Every error is an azml::Error carrying its HTTP status and service code, so common/arm_error's
// http_status_for stays the one status mapping; only the body's format differs from ARM's.
#pragma once

#include <string>

#include "common/error.hpp"
#include "common/http.hpp"

namespace azml::host::blobs {

// An azml::Error for the blob API: status and Azure's error code set.
Error storage_error(int status, const std::string& code, const std::string& message);

// A header the request lacks (400 MissingRequiredHeader) or sent malformed (400
// InvalidHeaderValue); both name the header in the body, as Azure does.
Error missing_header(const std::string& header);
Error invalid_header(const std::string& header, const std::string& value, const std::string& why);
// A query parameter with a value the service cannot use (400 InvalidQueryParameterValue).
Error invalid_query_parameter(const std::string& name, const std::string& value, const std::string& why);
// 403 AuthenticationFailed; detail goes to <AuthenticationErrorDetail>.
Error authentication_failed(const std::string& detail);

// The response for an error raised while serving a blob request. Errors that are not from the
// blob API (a bug, a store failure) become 500 InternalError. A HEAD response has no body.
http::Response storage_error_response(const Error& error, const std::string& method, const std::string& request_id);

}  // namespace azml::host::blobs
